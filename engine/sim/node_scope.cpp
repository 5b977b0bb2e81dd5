#include "engine/sim/node_scope.hpp"

#include "engine/time/wall_clock.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

namespace argosim {

namespace {
using nlohmann::json;

std::string key(std::string_view prefix, const std::string& name, std::string_view field) {
  std::string k;
  k.reserve(prefix.size() + name.size() + field.size() + 2);
  k.append(prefix).append(".").append(name).append(".").append(field);
  return k;
}

// Go's json.Marshal: compact, and <, > and & escaped (they can only occur inside strings).
std::string goJson(const json& value) {
  const std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

// operator.go parseLoopIndex: the number after the last `(` of the node's name.
long loopIndex(const std::string& nodeName) {
  const auto open = nodeName.rfind('(');
  if (open == std::string::npos) return 0;
  return std::strtol(nodeName.c_str() + open + 1, nullptr, 10);
}

// operator.go aggregatedJSONValueList: a list of the values themselves when every one is a JSON list or map,
// else a list of the strings.
std::string aggregatedValueList(const std::vector<std::string>& values) {
  json parsed = json::array();
  for (const auto& v : values) {
    json item = json::parse(v, nullptr, false);
    if (item.is_discarded() || !(item.is_array() || item.is_object())) return goJson(json(values));
    parsed.push_back(std::move(item));
  }
  return goJson(parsed);
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
  json paramList = json::array();
  json results = json::array();
  std::map<std::string, std::vector<std::string>> valuesByName;
  std::optional<std::string> unreadable;
  for (const auto& [index, n] : byIndex) {
    // A node without outputs (Argo: Outputs == nil) is one whose main never ran.
    if (n->phase != NodePhase::Succeeded || (!n->exitCode && n->outputs.empty())) continue;
    if (!n->outputs.parameters.empty()) {
      json param = json::object();
      for (const auto& [p, value] : n->outputs.parameters) {
        param[p] = value;
        valuesByName[p].push_back(value);
      }
      paramList.push_back(std::move(param));
    }
    if (n->outputs.result) {
      json item = json::parse(*n->outputs.result, nullptr, false);
      if (item.is_discarded()) {
        if (!unreadable) unreadable = *n->outputs.result;
      } else {
        results.push_back(std::move(item));
      }
    }
  }
  if (!unreadable) scope[key(prefix, name, "outputs.result")] = goJson(results);
  scope[key(prefix, name, "outputs.parameters")] = goJson(paramList);
  for (const auto& [p, values] : valuesByName)
    scope[key(prefix, name, "outputs.parameters." + p)] = aggregatedValueList(values);
  return unreadable;
}

} // namespace argosim
