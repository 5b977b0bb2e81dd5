// What a finished step or task puts in scope (engine/sim/node_scope.cpp): operator.go buildLocalScope /
// addNodeOutputsToLocalScope, scope.go addSkippedNodeOutputsToScope and operator.go
// processAggregateNodeOutputs / aggregatedJSONValueList.
#include "engine/sim/node_scope.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace argosim;

namespace {
Node pod(const std::string& name, NodePhase phase, std::optional<std::string> result,
         std::vector<std::pair<std::string, std::string>> parameters = {}) {
  Node n;
  n.id = "wf-1";
  n.name = name;
  n.phase = phase;
  n.startedAt = 5 * kSecond;
  n.finishedAt = 65 * kSecond;
  n.exitCode = phase == NodePhase::Succeeded ? 0 : 1;
  n.outputs.result = std::move(result);
  n.outputs.parameters = std::move(parameters);
  return n;
}
constexpr std::int64_t kStart = 1720051200; // 2024-07-04T00:00:00Z
} // namespace

TEST_CASE("operator.go buildLocalScope: a node's values and outputs under steps.<name> / tasks.<name>") {
  Params scope;
  addNodeToScope(scope, "steps", "flip", pod("wf[0].flip", NodePhase::Succeeded, "heads", {{"side", "H"}}),
                 kStart);
  CHECK(scope.at("steps.flip.id") == "wf-1");
  CHECK(scope.at("steps.flip.status") == "Succeeded");
  CHECK(scope.at("steps.flip.exitCode") == "0");
  CHECK(scope.at("steps.flip.startedAt") == "2024-07-04T00:00:05Z");
  CHECK(scope.at("steps.flip.finishedAt") == "2024-07-04T00:01:05Z");
  CHECK(scope.at("steps.flip.outputs.result") == "heads");
  CHECK(scope.at("steps.flip.outputs.parameters.side") == "H");

  Params tasks;
  Node running = pod("wf.A", NodePhase::Running, std::nullopt);
  running.finishedAt.reset();
  running.exitCode.reset();
  addNodeToScope(tasks, "tasks", "A", running, kStart);
  CHECK(tasks.count("tasks.A.status") == 1);
  CHECK(tasks.count("tasks.A.finishedAt") == 0); // only when set
  CHECK(tasks.count("tasks.A.exitCode") == 0);
  CHECK(tasks.count("tasks.A.outputs.result") == 0); // not captured: a reference to it cannot resolve
}

TEST_CASE("scope.go addSkippedNodeOutputsToScope: a skipped node offers its outputs' valueFrom.default") {
  Template tmpl;
  Parameter withDefault;
  withDefault.name.value = "side";
  withDefault.valueFromDefault = Located<std::string>{"none", {}};
  Parameter without;
  without.name.value = "count";
  tmpl.outputs = {withDefault, without};
  Node skipped;
  skipped.phase = NodePhase::Skipped;
  Params scope;
  addSkippedNodeDefaultsToScope(scope, "steps", "flip", skipped, tmpl);
  CHECK(scope.at("steps.flip.outputs.parameters.side") == "none");
  CHECK(scope.count("steps.flip.outputs.parameters.count") == 0);

  Params ran;
  addSkippedNodeDefaultsToScope(ran, "steps", "flip", pod("x", NodePhase::Succeeded, std::nullopt), tmpl);
  CHECK(ran.empty()); // only a Skipped or Omitted node that produced nothing
}

TEST_CASE("operator.go processAggregateNodeOutputs: a fan-out's outputs as JSON lists in item order") {
  const Node a = pod("wf[0].gen(1:b)", NodePhase::Succeeded, "{\"n\": 2}", {{"p", "y"}, {"q", "[1]"}});
  const Node b = pod("wf[0].gen(0:a)", NodePhase::Succeeded, "1", {{"p", "x<&>"}, {"q", "{\"k\":1}"}});
  const Node failed = pod("wf[0].gen(2:c)", NodePhase::Failed, "9", {{"p", "z"}});
  Params scope;
  CHECK_FALSE(addAggregateToScope(scope, "steps", "gen", {&a, &failed, &b}));
  CHECK(scope.at("steps.gen.outputs.result") == "[1,{\"n\":2}]"); // each result read as JSON
  CHECK(scope.at("steps.gen.outputs.parameters") ==
        "[{\"p\":\"x\\u003c\\u0026\\u003e\",\"q\":\"{\\\"k\\\":1}\"},{\"p\":\"y\",\"q\":\"[1]\"}]");
  CHECK(scope.at("steps.gen.outputs.parameters.p") == "[\"x\\u003c\\u0026\\u003e\",\"y\"]"); // strings
  CHECK(scope.at("steps.gen.outputs.parameters.q") == "[{\"k\":1},[1]]"); // all lists or maps: as JSON

  Params none;
  const Node quiet = pod("wf[0].gen(0:a)", NodePhase::Succeeded, std::nullopt);
  CHECK_FALSE(addAggregateToScope(none, "tasks", "gen", {&quiet}));
  CHECK(none.at("tasks.gen.outputs.result") == "[]");
  CHECK(none.at("tasks.gen.outputs.parameters") == "[]");

  Params plain;
  const Node word = pod("wf[0].gen(0:a)", NodePhase::Succeeded, "heads");
  CHECK(addAggregateToScope(plain, "steps", "gen", {&word}) == std::optional<std::string>("heads"));
  CHECK(plain.count("steps.gen.outputs.result") == 0); // Argo fails the template on it instead
}

TEST_CASE(
    "operator.go processAggregateNodeOutputs: results are wfv1.Items, kept as written and only compacted") {
  // item.go Item is a json.RawMessage: json.Marshal of []Item writes each result's own text, compacted with
  // <, >, & and U+2028 escaped; numbers, key order, duplicate keys and escapes stay as the result wrote them.
  const Node a = pod("wf[0].gen(0:a)", NodePhase::Succeeded, "1e2");
  const Node b = pod("wf[0].gen(1:b)", NodePhase::Succeeded, " 12345678901234567890\n");
  const Node c = pod("wf[0].gen(2:c)", NodePhase::Succeeded, R"({ "b": 1, "a": "<\u00e9&>", "b": 2 })");
  const Node d = pod("wf[0].gen(3:d)", NodePhase::Succeeded, "\"bad\xff \xe2\x80\xa8\"");
  Params scope;
  CHECK_FALSE(addAggregateToScope(scope, "steps", "gen", {&a, &b, &c, &d}));
  CHECK(scope.at("steps.gen.outputs.result") ==
        "[1e2,12345678901234567890,{\"b\":1,\"a\":\"\\u003c\\u00e9\\u0026\\u003e\",\"b\":2},\"bad\xff "
        "\\u2028\"]");
}

TEST_CASE("operator.go aggregatedJSONValueList: lists and maps go through interface{}, numbers as float64") {
  // tryJSONUnmarshal reads each value into interface{} (numbers become float64, maps sort their keys, strings
  // are decoded) and json.Marshal writes the list again.
  const Node a = pod("wf[0].gen(0:a)", NodePhase::Succeeded, std::nullopt,
                     {{"q", "[1e2, 1.50, 12345678901234567890]"}, {"s", "bad\xff"}});
  const Node b = pod("wf[0].gen(1:b)", NodePhase::Succeeded, std::nullopt,
                     {{"q", R"({"z": {"y": 1, "x": "<&>"}, "a": ["\u00e9", "bad)"
                            "\xff"
                            R"("]})"},
                      {"s", "\xe2\x80\xa8"}});
  Params scope;
  CHECK_FALSE(addAggregateToScope(scope, "steps", "gen", {&a, &b}));
  CHECK(scope.at("steps.gen.outputs.parameters.q") ==
        "[[100,1.5,12345678901234567000],{\"a\":[\"\xc3\xa9\",\"bad\xef\xbf\xbd\"],\"z\":{\"x\":"
        "\"\\u003c\\u0026\\u003e"
        "\",\"y\":1}}]");
  // Not all lists or maps: the strings themselves, with json.Marshal's escapes (invalid UTF-8 as \ufffd).
  CHECK(scope.at("steps.gen.outputs.parameters.s") == "[\"bad\\ufffd\",\"\\u2028\"]");
  CHECK(scope.at("steps.gen.outputs.parameters") ==
        "[{\"q\":\"[1e2, 1.50, 12345678901234567890]\",\"s\":\"bad\\ufffd\"},"
        "{\"q\":\"{\\\"z\\\": {\\\"y\\\": 1, \\\"x\\\": \\\"\\u003c\\u0026\\u003e\\\"}, \\\"a\\\": "
        "[\\\"\\\\u00e9\\\", "
        "\\\"bad\\ufffd\\\"]}\",\"s\":\"\\u2028\"}]");
}
