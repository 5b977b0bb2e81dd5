// The contract's JSON rendering of a Result (times in seconds since the workflow started).
#include "engine/argosim.hpp"

#include <nlohmann/json.hpp>
#include <string_view>

namespace argosim {

namespace {
using nlohmann::json;

// Writes the document straight into a string: a fan-out of thousands of pods made building an nlohmann DOM as
// slow as the simulation itself. Strings and floats still go through nlohmann's serializer, so escaping
// (invalid UTF-8 replaced, never thrown) and number formatting are nlohmann's. Keys are written in the sorted
// order nlohmann's std::map gave and laid out as `json::dump(indent)` lays them out (`indent` < 0: compact),
// so the bytes are what nlohmann printed before.
class Writer {
public:
  Writer(std::string& out, int indent)
      : out_(out),
        serializer_(nlohmann::detail::output_adapter<char>(out), ' ', json::error_handler_t::replace),
        indent_(indent) {}

  Writer& key(std::string_view name) {
    if (!first_) out_ += ',';
    newline();
    out_ += '"';
    out_ += name;
    out_ += indent_ < 0 ? "\":" : "\": ";
    first_ = false;
    return *this;
  }
  void open(char bracket) {
    out_ += bracket;
    ++depth_;
    first_ = true;
  }
  // An empty container stays `[]` or `{}`, as nlohmann prints it.
  void close(char bracket) {
    --depth_;
    if (!first_) newline();
    out_ += bracket;
    first_ = false;
  }
  // An element of an array: the comma before all but the first.
  Writer& element() {
    if (!first_) out_ += ',';
    newline();
    first_ = false;
    return *this;
  }

  // Most strings (names, ids, phases) need no escaping and are written as they are, which is what nlohmann
  // writes for them; any other goes through one reused json string value: its buffer is copied into, not
  // allocated, for each string.
  void string(const std::string& s) {
    if (isPlain(s)) {
      out_ += '"';
      out_ += s;
      out_ += '"';
      return;
    }
    *scratch_.get_ptr<std::string*>() = s;
    serializer_.dump(scratch_, false, false, 0);
  }
  void integer(long long v) { out_ += std::to_string(v); }
  void boolean(bool v) { out_ += v ? "true" : "false"; }
  void null() { out_ += "null"; }
  // Whole seconds print as integers; anything finer as a decimal.
  void seconds(Nanos t) {
    if (t % kSecond == 0)
      integer(t / kSecond);
    else
      serializer_.dump(json(toSeconds(t)), false, false, 0);
  }
  void optionalSeconds(const std::optional<Nanos>& t) {
    if (t)
      seconds(*t);
    else
      null();
  }
  template <class T> void optionalInteger(const std::optional<T>& v) {
    if (v)
      integer(*v);
    else
      null();
  }
  void strings(const std::vector<std::string>& list) {
    open('[');
    for (const auto& s : list)
      element().string(s);
    close(']');
  }

private:
  // Printable ASCII but `"` and `\`: the bytes nlohmann's dump_escaped copies unchanged (it escapes those
  // two, control characters, and, without ensure_ascii, nothing else; anything above 0x7E goes the slow way).
  static bool isPlain(const std::string& s) {
    for (const unsigned char c : s)
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return false;
    return true;
  }

  void newline() {
    if (indent_ < 0) return;
    out_ += '\n';
    out_.append(static_cast<std::size_t>(depth_ * indent_), ' ');
  }

  std::string& out_;
  nlohmann::detail::serializer<json> serializer_;
  json scratch_ = json::string_t();
  int indent_;
  int depth_ = 0;
  bool first_ = true;
};

void writeNode(Writer& w, const NodeRecord& n) {
  w.open('{');
  w.key("attempt").optionalInteger(n.attempt);
  w.key("behaviour").string(n.behaviour);
  w.key("boundaryId").string(n.boundaryId);
  w.key("children").strings(n.children);
  w.key("displayName").string(n.displayName);
  w.key("endedBy").string(n.endedBy);
  w.key("executorDeadline").optionalSeconds(n.executorDeadline);
  w.key("exitCode").optionalInteger(n.exitCode);
  w.key("finishedAt").optionalSeconds(n.finishedAt);
  w.key("id").string(n.id);
  w.key("message").string(n.message);
  w.key("name").string(n.name);
  w.key("onExit").boolean(n.onExit);
  w.key("parent").string(n.parent);
  w.key("phase").string(n.phase);
  w.key("podActiveDeadlineSeconds").optionalInteger(n.podActiveDeadlineSeconds);
  w.key("runningAt").optionalSeconds(n.runningAt);
  w.key("startedAt").seconds(n.startedAt);
  w.key("templateName").string(n.templateName);
  w.key("type").string(n.type);
  w.close('}');
}

} // namespace

std::string resultToJson(const Result& r, int indent) {
  std::string out;
  out.reserve(256 + r.nodes.size() * 400 + r.events.size() * 100);
  Writer w(out, indent);
  w.open('{');
  w.key("argoVersion").string(r.argoVersion);
  w.key("deadlines").open('[');
  for (const auto& d : r.deadlines) {
    w.element().open('{');
    w.key("at").seconds(d.at);
    w.key("kind").string(d.kind);
    w.key("node").string(d.node);
    w.close('}');
  }
  w.close(']');
  w.key("diagnostics").open('[');
  for (const auto& d : r.diagnostics) {
    w.element().open('{');
    w.key("column").integer(d.pos.column);
    w.key("line").integer(d.pos.line);
    w.key("message").string(d.message);
    w.key("path").string(d.path);
    w.key("severity").string(severityName(d.severity));
    w.close('}');
  }
  w.close(']');
  w.key("events").open('[');
  for (const auto& e : r.events) {
    w.element().open('{');
    w.key("kind").string(e.kind);
    w.key("message").string(e.message);
    w.key("node").string(e.node);
    w.key("t").seconds(e.t);
    w.close('}');
  }
  w.close(']');
  w.key("nodes").open('[');
  for (const auto& n : r.nodes)
    writeNode(w.element(), n);
  w.close(']');
  w.key("simulated").boolean(r.simulated);
  w.key("startAt").string(r.startAt);
  w.key("workflow").open('{');
  w.key("finishedAt").optionalSeconds(r.workflow.finishedAt);
  w.key("message").string(r.workflow.message);
  w.key("name").string(r.workflow.name);
  w.key("phase").string(r.workflow.phase);
  w.key("startedAt").seconds(r.workflow.startedAt);
  w.close('}');
  w.close('}');
  return out;
}

} // namespace argosim
