#include "engine/sim/node_scope.hpp"

#include "engine/text/go_json.hpp"
#include "engine/time/wall_clock.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace argosim {

namespace {
std::string key(std::string_view prefix, const std::string& name, std::string_view field) {
  std::string k;
  k.reserve(prefix.size() + name.size() + field.size() + 2);
  k.append(prefix).append(".").append(name).append(".").append(field);
  return k;
}

GoJson goList() {
  GoJson list;
  list.kind = GoJson::Kind::List;
  return list;
}

GoJson goString(std::string text) {
  GoJson s;
  s.kind = GoJson::Kind::String;
  s.text = std::move(text);
  return s;
}

// operator.go parseLoopIndex: the number after the last `(` of the node's name.
long loopIndex(const std::string& nodeName) {
  const auto open = nodeName.rfind('(');
  if (open == std::string::npos) return 0;
  return std::strtol(nodeName.c_str() + open + 1, nullptr, 10);
}

// operator.go aggregatedJSONValueList with tryJSONUnmarshal: when every value reads as JSON into interface{}
// and is a list or a map, the list of those values (their numbers float64s, their maps' keys sorted); else
// the list of the strings.
std::string aggregatedValueList(const std::vector<std::string>& values) {
  GoJson parsed = goList();
  for (const auto& v : values) {
    GoJsonParse item = parseGoJson(v, GoJsonTarget::Interface);
    if (item.error || !(item.value.kind == GoJson::Kind::List || item.value.kind == GoJson::Kind::Map)) {
      GoJson strings = goList();
      for (const auto& text : values)
        strings.list.push_back(goString(text));
      return marshalGoJson(strings).text;
    }
    parsed.list.push_back(std::move(item.value));
  }
  return marshalGoJson(parsed).text;
}
} // namespace

void addNodeToScope(Params& scope, std::string_view prefix, const std::string& name, const Node& node,
                    std::int64_t startAtUnixSeconds) {
  const auto wall = [&](Nanos t) { return formatRfc3339(startAtUnixSeconds + t / kSecond); };
  scope[key(prefix, name, "id")] = node.id;
  scope[key(prefix, name, "startedAt")] = wall(node.startedAt);
  if (node.finishedAt) scope[key(prefix, name, "finishedAt")] = wall(*node.finishedAt);
  scope[key(prefix, name, "status")] = nodePhaseName(node.phase);
  if (node.exitCode) scope[key(prefix, name, "exitCode")] = std::to_string(*node.exitCode);
  if (node.outputs.result) scope[key(prefix, name, "outputs.result")] = *node.outputs.result;
  for (const auto& [p, value] : node.outputs.parameters)
    scope[key(prefix, name, "outputs.parameters." + p)] = value;
}

void addSkippedNodeDefaultsToScope(Params& scope, std::string_view prefix, const std::string& name,
                                   const Node& node, const Template& tmpl) {
  if (node.phase != NodePhase::Skipped && node.phase != NodePhase::Omitted) return;
  if (node.exitCode || !node.outputs.empty()) return;
  for (const auto& p : tmpl.outputs)
    if (p.valueFromDefault)
      scope[key(prefix, name, "outputs.parameters." + p.name.value)] = p.valueFromDefault->value;
}

std::optional<std::string> addAggregateToScope(Params& scope, std::string_view prefix,
                                               const std::string& name, std::vector<const Node*> items) {
  if (items.empty()) return std::nullopt;
  // A fan-out of thousands usually reports nothing: then the lists are empty, and there is nothing to sort.
  if (std::all_of(items.begin(), items.end(), [](const Node* n) { return n->outputs.empty(); })) {
    scope[key(prefix, name, "outputs.result")] = "[]";
    scope[key(prefix, name, "outputs.parameters")] = "[]";
    return std::nullopt;
  }
  std::vector<std::pair<long, const Node*>> byIndex;
  byIndex.reserve(items.size());
  for (const Node* n : items)
    byIndex.emplace_back(loopIndex(n->name), n);
  std::stable_sort(byIndex.begin(), byIndex.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  GoJson paramList = goList();
  GoJson results = goList(); // of wfv1.Item: each result's JSON text kept as written, only compacted
  std::map<std::string, std::vector<std::string>> valuesByName;
  std::optional<std::string> unreadable;
  for (const auto& [index, n] : byIndex) {
    // A node without outputs (Argo: Outputs == nil) is one whose main never ran.
    if (n->phase != NodePhase::Succeeded || (!n->exitCode && n->outputs.empty())) continue;
    if (!n->outputs.parameters.empty()) {
      std::map<std::string, std::string> param; // Go's map[string]string: the last of a name wins
      for (const auto& [p, value] : n->outputs.parameters) {
        param[p] = value;
        valuesByName[p].push_back(value);
      }
      GoJson map;
      map.kind = GoJson::Kind::Map;
      for (auto& [p, value] : param)
        map.members.push_back(GoJsonMember{p, goString(std::move(value))});
      paramList.list.push_back(std::move(map));
    }
    if (n->outputs.result) {
      GoJsonParse item = parseGoJson(*n->outputs.result, GoJsonTarget::RawMessage);
      if (item.error) {
        if (!unreadable) unreadable = *n->outputs.result;
      } else {
        results.list.push_back(std::move(item.value));
      }
    }
  }
  if (!unreadable) scope[key(prefix, name, "outputs.result")] = marshalGoJson(results).text;
  scope[key(prefix, name, "outputs.parameters")] = marshalGoJson(paramList).text;
  for (const auto& [p, values] : valuesByName)
    scope[key(prefix, name, "outputs.parameters." + p)] = aggregatedValueList(values);
  return unreadable;
}

} // namespace argosim
