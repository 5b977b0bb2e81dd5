// Task outputs in a DAG: dag.go buildLocalScopeFromTask (every ancestor's values, common.GetTaskAncestry) and
// resolveDependencyReferences (`when` first; an unresolved `{{tasks.…}}` requeues the task).
#include "engine/argosim.hpp"
#include "tests/engine/sim/result_lookup.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::hasNode;
using argosim::test::node;

TEST_CASE("dag.go resolveDependencyReferences: when, depends and arguments read tasks.<name>.outputs") {
  const Result r = simulateText(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: wf}
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
      - {name: flip, template: coin}
      - name: heads
        template: leaf
        depends: flip
        when: "{{tasks.flip.outputs.result}} == heads"
      - name: tails
        template: exit-with
        depends: flip.Succeeded
        when: "{{tasks.flip.outputs.result}} == tails"
        arguments: {parameters: [{name: code, value: "{{tasks.flip.outputs.parameters.code}}"}]}
      - name: report
        template: exit-with
        depends: heads || tails
        arguments: {parameters: [{name: code, value: "{{tasks.flip.exitCode}}"}]}
  - name: coin
    retryStrategy: {limit: 1}
    outputs:
      parameters:
      - name: code
        valueFrom: {path: /tmp/code, default: "7"}
    script: {image: python:alpine3.6, command: [python], source: 'print("heads")'}
  - name: leaf
    container: {image: alpine, command: [sh, -c, "exit 0"]}
  - name: exit-with
    inputs: {parameters: [{name: code}]}
    container: {image: alpine, command: [sh, -c, "exit {{inputs.parameters.code}}"]}
---
kind: Scenario
pods:
  coin:
    attempts:
    - {run: 5s, exit: 1, result: heads}
    - {run: 5s, result: tails}
)");
  CHECK(node(r, "wf.flip").outputs.result == std::optional<std::string>("tails"));
  CHECK(node(r, "wf.heads").phase == "Skipped");
  CHECK(node(r, "wf.heads").message == "when 'tails == heads' evaluated false");
  CHECK(node(r, "wf.tails").exitCode == 7); // valueFrom.default: the Scenario gives no `code`
  // `report` does not depend on flip directly: flip is an ancestor through heads and tails.
  CHECK(node(r, "wf.report").exitCode == 0);
  CHECK(node(r, "wf.report").phase == "Succeeded");
}

TEST_CASE("dag.go resolveDependencyReferences: a task whose reference cannot resolve is never created") {
  const Result r = simulateText(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: wf}
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
      - {name: A, template: leaf}
      - name: B
        template: leaf
        depends: A
        when: "{{tasks.A.outputs.result}} == x"
  - name: leaf
    container: {image: alpine, command: [sh, -c, "exit 0"]}
)");
  // A's result is captured (B refers to it), and `exit 0` prints nothing: " == x" is no expression.
  CHECK(node(r, "wf.A").outputs.result == std::optional<std::string>(""));
  CHECK(node(r, "wf.B").phase == "Error");
  CHECK(node(r, "wf.B").message == "Invalid 'when' expression ' == x': Cannot transition token types from "
                                   "UNKNOWN [<nil>] to COMPARATOR [==]");

  const Result waiting = simulateText(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: wf}
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
      - {name: A, template: leaf}
      - {name: C, template: leaf}
      - name: B
        template: leaf
        depends: A
        when: "{{tasks.C.outputs.result}} == x"
  - name: leaf
    container: {image: alpine, command: [sh, -c, "exit 0"]}
)");
  // C is no ancestor of B: its values are never in B's scope. Argo's validation (resolveAllVariables, not
  // modelled) would reject the spec; the controller itself only requeues.
  CHECK_FALSE(hasNode(waiting, "wf.B"));
  CHECK(waiting.workflow.phase == "Running");
  CHECK(waiting.diagnostics.at(0).message.rfind("{{tasks.C.outputs.result}} cannot be resolved, so the "
                                                "controller requeues wf.B",
                                                0) == 0);
}
