// A suspend node's `supplied` outputs when its duration runs out: operator.go executeSuspend with
// addRawOutputFields (the default is valueFrom.default, else the same-named input's default) and util.go
// OverrideOutputParametersWithDefault (no default at all is an error).
#include "engine/argosim.hpp"
#include "tests/engine/sim/result_lookup.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::node;

namespace {
Result run(const std::string& outputs) {
  return simulateText(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: wf}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: approve, template: approve}
  - name: approve
    suspend: {duration: "5"}
    inputs: {parameters: [{name: answer, default: "yes"}]}
    outputs:
      parameters:
)" + outputs);
}
} // namespace

TEST_CASE("operator.go addRawOutputFields: an expired suspend's supplied outputs take their defaults") {
  const Result r = run("      - {name: answer, valueFrom: {supplied: {}}}\n"
                       "      - {name: note, valueFrom: {supplied: {}, default: later}}\n");
  const NodeRecord& approve = node(r, "wf[0].approve");
  CHECK(approve.phase == "Succeeded");
  CHECK(approve.finishedAt == 5 * kSecond);
  REQUIRE(approve.outputs.parameters.size() == 2);
  CHECK(approve.outputs.parameters[0] == std::pair<std::string, std::string>("answer", "yes"));
  CHECK(approve.outputs.parameters[1] == std::pair<std::string, std::string>("note", "later"));
}

TEST_CASE("util.go OverrideOutputParametersWithDefault: a supplied output without any default is an error") {
  const Result r = run("      - {name: reason, valueFrom: {supplied: {}}}\n");
  CHECK(node(r, "wf[0].approve").phase == "Error");
  CHECK(node(r, "wf[0].approve").message ==
        "raw output parameter 'reason' has not been set and does not have a default value");
  CHECK(r.workflow.phase == "Failed"); // the steps node fails on its errored child
}
