// Which attempt's outputs a Retry node stands for: operator.go processNodeRetries (a succeeded Retry node
// copies its last child's outputs) and possiblyGetRetryChildNode (the scope always reads the last attempt,
// even when the Retry node failed and has no outputs of its own).
#include "engine/argosim.hpp"
#include "tests/engine/sim/result_lookup.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::node;

namespace {
const std::string kWorkflow = R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: wf}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - name: flip
        template: coin
        continueOn: {failed: true}
    - - name: after
        template: leaf
        when: "{{steps.flip.outputs.result}} == {{steps.flip.status}}"
  - name: coin
    retryStrategy: {limit: 1}
    container: {image: alpine, command: [sh, -c, "exit 0"]}
  - name: leaf
    container: {image: alpine, command: [sh, -c, "exit 0"]}
---
kind: Scenario
)";
} // namespace

TEST_CASE("operator.go processNodeRetries: a succeeded Retry node takes its successful attempt's outputs") {
  const Result r = simulateText(kWorkflow + R"(pods:
  coin:
    attempts:
    - {run: 5s, exit: 1, result: Failed}
    - {run: 5s, result: Succeeded}
)");
  CHECK(node(r, "wf[0].flip(0)").outputs.result == std::optional<std::string>("Failed"));
  CHECK(node(r, "wf[0].flip").outputs.result == std::optional<std::string>("Succeeded"));
  CHECK(node(r, "wf[1].after").phase == "Succeeded"); // "Succeeded == Succeeded"
}

TEST_CASE(
    "operator.go possiblyGetRetryChildNode: a failed Retry node's scope values are its last attempt's") {
  const Result r = simulateText(kWorkflow + R"(pods:
  coin:
    attempts:
    - {run: 5s, exit: 1, result: first}
    - {run: 5s, exit: 2, result: Failed}
)");
  CHECK(node(r, "wf[0].flip").phase == "Failed");
  CHECK(node(r, "wf[0].flip").outputs.empty()); // processNodeRetries copies outputs only on success
  CHECK(node(r, "wf[0].flip(1)").outputs.result == std::optional<std::string>("Failed"));
  CHECK(node(r, "wf[1].after").phase == "Succeeded"); // "Failed == Failed": the last attempt's result
  CHECK(r.workflow.phase == "Succeeded");
}
