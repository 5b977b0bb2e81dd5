// What a pod reports as outputs: operator.go includeScriptOutput / hasOutputResultRef (stdout is captured
// only when the parent template refers to the step's or task's result), executor.go CaptureScriptResult (one
// trailing newline trimmed; "" when main prints nothing) and SaveParameters (valueFrom.default when the file
// is missing); PostMain reports them whether main succeeded or not.
#include "engine/argosim.hpp"
#include "tests/engine/sim/result_lookup.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::node;

namespace {
Result run(const std::string& when, const std::string& scenario) {
  return simulateText(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: wf}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: a, template: gen, continueOn: {failed: true}}
    - - {name: b, template: gen, when: ")" +
                      when + R"("}
  - name: gen
    outputs:
      parameters:
      - {name: side, valueFrom: {path: /tmp/side, default: none}}
      - {name: count, valueFrom: {path: /tmp/count}}
    container: {image: alpine, command: [./flip]}
---
kind: Scenario
pods:
)" + scenario);
}
} // namespace

TEST_CASE("operator.go hasOutputResultRef: stdout is captured only for a step whose result is referred to") {
  const Result r = run("{{steps.a.outputs.result}} == heads", "  a: {run: 5s, result: \"heads\\n\"}\n");
  CHECK(node(r, "wf[0].a").outputs.result == std::optional<std::string>("heads")); // one newline trimmed
  CHECK(node(r, "wf[1].b").phase == "Succeeded");
  CHECK_FALSE(node(r, "wf[1].b").outputs.result); // nothing refers to b's result
  CHECK(node(r, "wf[0].a").behaviour == "scenario pods.a[0]");
}

TEST_CASE(
    "executor.go CaptureScriptResult: a program the Scenario and the command say nothing of prints \"\"") {
  const Result r = run("'{{steps.a.outputs.result}}' == ''", "");
  CHECK(node(r, "wf[0].a").outputs.result == std::optional<std::string>(""));
  CHECK(node(r, "wf[0].a").behaviour == "default (10s, exit 0); result \"\" (prints nothing)");
  CHECK(node(r, "wf[1].b").phase == "Succeeded");
}

TEST_CASE("executor.go PostMain + SaveParameters: a failed main still reports outputs; defaults fill in") {
  const Result r = run("{{steps.a.outputs.parameters.side}} == none && {{steps.a.outputs.result}} == oops",
                       "  a: {run: 5s, exit: 1, result: oops, parameters: {count: 3, colour: red}}\n");
  const NodeRecord& a = node(r, "wf[0].a");
  CHECK(a.phase == "Failed");
  CHECK(a.outputs.result == std::optional<std::string>("oops"));
  REQUIRE(a.outputs.parameters.size() == 2);
  CHECK(a.outputs.parameters[0] == std::pair<std::string, std::string>("side", "none"));
  CHECK(a.outputs.parameters[1] == std::pair<std::string, std::string>("count", "3"));
  CHECK(node(r, "wf[1].b").phase == "Succeeded");
  // b's count has no value: the Scenario gives none and there is no valueFrom.default.
  CHECK(node(r, "wf[1].b").outputs.parameters.size() == 1);
  std::vector<std::string> warnings;
  for (const auto& d : r.diagnostics)
    warnings.push_back(d.message);
  CHECK(warnings == std::vector<std::string>{
                        "the Scenario gives output parameter 'colour', which template 'gen' does not declare",
                        "output parameter 'count' of template 'gen' gets no value: the Scenario gives none "
                        "(parameters: {count: …}) and it has no valueFrom.default; argosim leaves it unset"});
}

TEST_CASE(
    "operator.go generateOutputResultRegex: the expression form steps['name'].outputs.result counts too") {
  const Result r = simulateText(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: wf}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: a, template: gen}
      - {name: c, template: gen}
    - - name: b
        template: gen
        arguments: {parameters: [{name: x, value: "{{=steps['a'].outputs.result + 'c.outputs.result'}}"}]}
  - name: gen
    inputs: {parameters: [{name: x, default: ""}]}
    container: {image: alpine, command: [sh, -c, "echo hi"]}
)");
  CHECK(node(r, "wf[0].a").outputs.result == std::optional<std::string>("hi"));
  CHECK_FALSE(node(r, "wf[0].c").outputs.result); // `'c.outputs.result'` is no steps.c reference
}
