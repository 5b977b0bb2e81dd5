// Step outputs in the scope of later step groups: steps.go executeSteps (buildLocalScope for each step of a
// finished group, processAggregateNodeOutputs for a fanned-out one) and resolveReferences (`when` first, then
// the rest; an unresolved `{{steps.…}}` requeues).
#include "engine/argosim.hpp"
#include "tests/engine/sim/result_lookup.hpp"
#include "tests/engine/sim/simulate_unvalidated.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::hasNode;
using argosim::test::node;

namespace {
const std::string kHead = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: wf}\nspec:\n"
                          "  entrypoint: main\n  templates:\n";
} // namespace

TEST_CASE("steps.go executeSteps + resolveReferences: Argo's coinflip runs the branch the result names") {
  const Result r = simulateText(kHead + R"(  - name: main
    steps:
    - - name: flip
        template: coin
    - - name: heads
        template: leaf
        when: "{{steps.flip.outputs.result}} == heads"
      - name: tails
        template: leaf
        when: "{{steps.flip.outputs.result}} == tails"
  - name: coin
    retryStrategy: {limit: 2}
    script: {image: python:alpine3.6, command: [python], source: 'print("heads")'}
  - name: leaf
    container: {image: alpine, command: [sh, -c, "echo hi"]}
)");
  CHECK(r.workflow.phase == "Succeeded");
  CHECK(node(r, "wf[0].flip").outputs.result == std::optional<std::string>("heads"));
  CHECK(node(r, "wf[0].flip(0)").behaviour == "default (10s, exit 0); result from the container command");
  CHECK(node(r, "wf[1].heads").phase == "Succeeded");
  CHECK(node(r, "wf[1].tails").phase == "Skipped");
  CHECK(node(r, "wf[1].tails").message == "when 'heads == tails' evaluated false");
  CHECK(r.diagnostics.empty());
}

TEST_CASE("steps.go resolveReferences: a step's result and output parameters become later arguments") {
  const Result r = simulateText(kHead + R"(  - name: main
    steps:
    - - name: gen
        template: gen
    - - name: use-result
        template: exit-with
        arguments: {parameters: [{name: code, value: "{{steps.gen.outputs.result}}"}]}
      - name: use-param
        template: exit-with
        arguments: {parameters: [{name: code, value: "{{steps.gen.outputs.parameters.code}}"}]}
  - name: gen
    outputs:
      parameters:
      - name: code
        valueFrom: {path: /tmp/code}
    container: {image: alpine, command: [sh, -c, "echo 3; echo 4 > /tmp/code"]}
  - name: exit-with
    inputs: {parameters: [{name: code}]}
    container: {image: alpine, command: [sh, -c, "exit {{inputs.parameters.code}}"]}
---
kind: Scenario
pods:
  gen: {run: 5s, result: "3", parameters: {code: "4"}}
)");
  CHECK(node(r, "wf[1].use-result").exitCode == 3);
  CHECK(node(r, "wf[1].use-result").message == "main: Error (exit code 3)");
  CHECK(node(r, "wf[1].use-param").exitCode == 4);
  CHECK(r.workflow.phase == "Failed");
}

TEST_CASE(
    "steps.go resolveReferences: a reference to a step that has not run requeues the group; it never runs") {
  // validate.go resolveAllVariables refuses this spec (`c` runs later); past it, the controller only
  // requeues.
  const Result r = test::simulateUnvalidated(kHead + R"(  - name: main
    steps:
    - - name: a
        template: leaf
    - - name: b
        template: leaf
        when: "{{steps.c.outputs.result}} == x"
    - - name: c
        template: leaf
  - name: leaf
    container: {image: alpine, command: [sh, -c, "exit 0"]}
)");
  CHECK(r.workflow.phase == "Running");
  CHECK(node(r, "wf[1]").phase == "Running");
  CHECK_FALSE(hasNode(r, "wf[1].b"));
  REQUIRE(r.diagnostics.size() == 2);
  CHECK(r.diagnostics[0].message ==
        "{{steps.c.outputs.result}} cannot be resolved, so the controller requeues wf[1] without "
        "running it until it can (a step or task that does not exist or has not run yet, or an output it "
        "never produced)");
}

TEST_CASE(
    "steps.go resolveReferences: an output the Scenario gave no value for is left as written, not waited "
    "for") {
  // The producing pod wrote *something* in Argo; argosim does not know what, and says so where it is
  // declared.
  const Result r = simulateText(kHead + R"(  - name: main
    steps:
    - - name: a
        template: gen
    - - name: b
        template: leaf
        arguments: {parameters: [{name: p, value: "{{steps.a.outputs.parameters.out}}"}]}
  - name: gen
    container: {image: alpine, command: [sh, -c, "exit 0"]}
    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/out}}]}
  - name: leaf
    inputs: {parameters: [{name: p}]}
    container: {image: alpine, command: [sh, -c, "exit 0"]}
)");
  CHECK(r.workflow.phase == "Succeeded");
  CHECK(node(r, "wf[1].b").phase == "Succeeded");
  bool warned = false;
  for (const auto& d : r.diagnostics)
    warned = warned || d.message.find("output parameter 'out' of template 'gen' gets no value") == 0;
  CHECK(warned);
}

TEST_CASE("steps.go executeSteps: a fanned-out step's results are a JSON list, fit for withParam") {
  const Result r = simulateText(kHead + R"(  - name: main
    steps:
    - - name: gen
        template: gen
        arguments: {parameters: [{name: num, value: "{{item}}"}]}
        withItems: [10, 20]
    - - name: use
        template: leaf
        withParam: "{{steps.gen.outputs.result}}"
  - name: gen
    inputs: {parameters: [{name: num}]}
    container: {image: alpine, command: [sh, -c, "echo {{inputs.parameters.num}}"]}
  - name: leaf
    container: {image: alpine, command: [sh, -c, "exit 0"]}
)");
  CHECK(node(r, "wf[0].gen(0:10)").outputs.result == std::optional<std::string>("10"));
  CHECK(hasNode(r, "wf[1].use(0:10)"));
  CHECK(hasNode(r, "wf[1].use(1:20)"));
  CHECK(r.workflow.phase == "Succeeded");
}

TEST_CASE(
    "executor.go CaptureScriptResult: a result argosim cannot know is \"\", and the template says how to "
    "give it") {
  const Result r = simulateText(kHead + R"(  - name: main
    steps:
    - - name: flip
        template: coin
    - - name: heads
        template: leaf
        when: "{{steps.flip.outputs.result}} == heads"
  - name: coin
    script:
      image: python:alpine3.6
      command: [python]
      source: |
        import random
        print("heads" if random.randint(0, 1) == 0 else "tails")
  - name: leaf
    container: {image: alpine, command: [sh, -c, "exit 0"]}
)");
  REQUIRE(node(r, "wf[0].flip").outputs.result == std::optional<std::string>(""));
  bool told = false;
  for (const auto& d : r.diagnostics)
    told = told || (d.pos.line == 14 &&
                    d.message.find("the result of template 'coin' is read by a later step") == 0 &&
                    d.message.find("pods: {flip: {result: …}}") != std::string::npos);
  CHECK(told);
}

TEST_CASE(
    "executor.go CaptureScriptResult: no warning when the Scenario gives the result of the attempt that "
    "succeeds") {
  // processNodeRetries: the Retry node takes its successful attempt's outputs; a failed one needs no result.
  const Result r = simulateText(kHead + R"(  - name: main
    steps:
    - - name: flip
        template: coin
    - - name: heads
        template: leaf
        when: "{{steps.flip.outputs.result}} == heads"
  - name: coin
    retryStrategy: {limit: 1}
    script: {image: python, command: [python], source: "import random"}
  - name: leaf
    container: {image: alpine, command: [sh, -c, "exit 0"]}
---
kind: Scenario
pods:
  flip:
    attempts:
    - {run: 5s, exit: 1}
    - {run: 5s, result: heads}
)");
  CHECK(node(r, "wf[1].heads").phase == "Succeeded");
  for (const auto& d : r.diagnostics)
    CHECK(d.message.find("is read by a later step") == std::string::npos);
}
