#include "engine/result/result_text.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace argosim {

namespace {
std::string secondsText(Nanos t) {
  char buf[32];
  if (t % kSecond == 0)
    std::snprintf(buf, sizeof buf, "%llds", static_cast<long long>(t / kSecond));
  else
    std::snprintf(buf, sizeof buf, "%.3fs", toSeconds(t));
  return buf;
}
// Why a node ended: its endedBy, then its message, without saying a word twice (Argo's own message for an
// omitted task already starts with "omitted:").
std::string why(const NodeRecord& n) {
  if (n.message.empty()) return n.endedBy;
  if (n.endedBy.empty() || n.message.rfind(n.endedBy + ":", 0) == 0) return n.message;
  return n.endedBy + ": " + n.message;
}
// An output value on one line: quoted, with its newlines, tabs, quotes and backslashes escaped.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c == '"' || c == '\\')
      out += std::string("\\") + c;
    else
      out += c;
  }
  return out + "\"";
}
std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}
} // namespace

std::string resultToText(const Result& r) {
  std::ostringstream out;
  // The release matters to every line below: say which one was simulated.
  out << "workflow " << r.workflow.name << " (Argo " << r.argoVersion << "): " << r.workflow.phase;
  if (!r.workflow.message.empty()) out << " \"" << r.workflow.message << "\"";
  if (r.workflow.finishedAt) out << " at " << secondsText(*r.workflow.finishedAt);
  out << "\n\n";

  const std::vector<std::string> header = {"NODE", "TYPE",    "START",         "END", "PHASE",
                                           "EXIT", "POD ADS", "ARGO_DEADLINE", "WHY"};
  std::vector<std::vector<std::string>> rows;
  for (const auto& n : r.nodes) {
    rows.push_back({n.name, n.type, secondsText(n.startedAt), n.finishedAt ? secondsText(*n.finishedAt) : "-",
                    n.phase, n.exitCode ? std::to_string(*n.exitCode) : "-",
                    n.podActiveDeadlineSeconds ? std::to_string(*n.podActiveDeadlineSeconds) + "s" : "-",
                    n.executorDeadline ? secondsText(*n.executorDeadline) : "-", why(n)});
  }
  std::vector<std::size_t> width(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) {
    width[c] = header[c].size();
    for (const auto& row : rows)
      width[c] = std::max(width[c], row[c].size());
  }
  const auto line = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size(); ++c)
      out << (c + 1 < row.size() ? pad(row[c], width[c] + 2) : row[c]);
    out << "\n";
  };
  line(header);
  for (const auto& row : rows)
    line(row);

  std::size_t outputsWidth = 0;
  for (const auto& n : r.nodes)
    if (!n.outputs.empty()) outputsWidth = std::max(outputsWidth, n.name.size());
  if (outputsWidth > 0) {
    out << "\nOUTPUTS\n";
    for (const auto& n : r.nodes) {
      if (n.outputs.empty()) continue;
      out << pad(n.name, outputsWidth + 2);
      const char* sep = "";
      if (n.outputs.result) {
        out << "result " << quoted(*n.outputs.result);
        sep = "  ";
      }
      for (const auto& [name, value] : n.outputs.parameters) {
        out << sep << name << " " << quoted(value);
        sep = "  ";
      }
      out << "\n";
    }
  }

  if (!r.events.empty()) {
    out << "\nTIMELINE\n";
    // columns as wide as their longest entry, like the table: a long node name must not run into its event
    std::size_t nodeWidth = 0, kindWidth = 0;
    for (const auto& e : r.events) {
      nodeWidth = std::max(nodeWidth, e.node.size());
      kindWidth = std::max(kindWidth, e.kind.size());
    }
    for (const auto& e : r.events)
      out << pad(secondsText(e.t), 10) << pad(e.node, nodeWidth + 2) << pad(e.kind, kindWidth + 2)
          << e.message << "\n";
  }
  for (const auto& d : r.diagnostics)
    out << "\n"
        << severityName(d.severity) << (d.pos.line ? " at line " + std::to_string(d.pos.line) : "") << ": "
        << d.message;
  if (!r.diagnostics.empty()) out << "\n";
  return out.str();
}

} // namespace argosim
