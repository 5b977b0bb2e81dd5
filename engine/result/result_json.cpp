// The contract's JSON rendering of a Result (times in seconds since the workflow started).
#include "engine/argosim.hpp"

#include <nlohmann/json.hpp>

namespace argosim {

namespace {
using nlohmann::json;

// Whole seconds print as integers; anything finer as a decimal.
json seconds(Nanos t) {
  if (t % kSecond == 0) return json(t / kSecond);
  return json(toSeconds(t));
}
template <class T> json optional(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}
json optionalSeconds(const std::optional<Nanos>& v) {
  return v ? seconds(*v) : json(nullptr);
}
} // namespace

std::string resultToJson(const Result& r, int indent) {
  json out;
  out["workflow"] = {{"name", r.workflow.name},
                     {"phase", r.workflow.phase},
                     {"message", r.workflow.message},
                     {"startedAt", seconds(r.workflow.startedAt)},
                     {"finishedAt", optionalSeconds(r.workflow.finishedAt)}};
  out["startAt"] = r.startAt;
  out["argoVersion"] = r.argoVersion;
  out["simulated"] = r.simulated;
  json nodes = json::array();
  for (const auto& n : r.nodes) {
    nodes.push_back({{"id", n.id},
                     {"name", n.name},
                     {"displayName", n.displayName},
                     {"type", n.type},
                     {"templateName", n.templateName},
                     {"parent", n.parent},
                     {"children", n.children},
                     {"boundaryId", n.boundaryId},
                     {"attempt", optional(n.attempt)},
                     {"phase", n.phase},
                     {"message", n.message},
                     {"startedAt", seconds(n.startedAt)},
                     {"finishedAt", optionalSeconds(n.finishedAt)},
                     {"exitCode", optional(n.exitCode)},
                     {"podActiveDeadlineSeconds", optional(n.podActiveDeadlineSeconds)},
                     {"executorDeadline", optionalSeconds(n.executorDeadline)},
                     {"runningAt", optionalSeconds(n.runningAt)},
                     {"endedBy", n.endedBy},
                     {"behaviour", n.behaviour},
                     {"onExit", n.onExit}});
  }
  out["nodes"] = std::move(nodes);
  json events = json::array();
  for (const auto& e : r.events)
    events.push_back({{"t", seconds(e.t)}, {"node", e.node}, {"kind", e.kind}, {"message", e.message}});
  out["events"] = std::move(events);
  json deadlines = json::array();
  for (const auto& d : r.deadlines)
    deadlines.push_back({{"kind", d.kind}, {"node", d.node}, {"at", seconds(d.at)}});
  out["deadlines"] = std::move(deadlines);
  json diagnostics = json::array();
  for (const auto& d : r.diagnostics)
    diagnostics.push_back({{"severity", severityName(d.severity)},
                           {"line", d.pos.line},
                           {"column", d.pos.column},
                           {"path", d.path},
                           {"message", d.message}});
  out["diagnostics"] = std::move(diagnostics);
  // Invalid UTF-8 in user text must not throw: replace it.
  return out.dump(indent, ' ', false, json::error_handler_t::replace);
}

} // namespace argosim
