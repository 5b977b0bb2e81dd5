// A steps or DAG template's own outputs.parameters: operator.go getTemplateOutputsFromScope, called by
// steps.go executeSteps and dag.go executeDAG once they succeed (valueFrom.parameter is resolved whole, as
// template.ResolveVar does; valueFrom.default stands in when it cannot be).
#include "engine/argosim.hpp"
#include "tests/engine/sim/result_lookup.hpp"
#include "tests/engine/sim/simulate_unvalidated.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::node;

namespace {
// validate.go validateOutputs refuses an output that names what `gen` does not declare; the runs below drive
// the controller past it, for its own fallback (valueFrom.default) and error.
Result run(const std::string& innerOutputs) {
  return test::simulateUnvalidated(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: wf}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: inner, template: inner}
    - - name: use
        template: exit-with
        arguments: {parameters: [{name: code, value: "{{steps.inner.outputs.parameters.code}}"}]}
  - name: inner
    dag:
      tasks:
      - {name: gen, template: gen}
    outputs:
      parameters:
)" + innerOutputs + R"(  - name: gen
    container: {image: alpine, command: [sh, -c, "echo 5"]}
  - name: exit-with
    inputs: {parameters: [{name: code}]}
    container: {image: alpine, command: [sh, -c, "exit {{inputs.parameters.code}}"]}
)");
}
} // namespace

TEST_CASE("operator.go getTemplateOutputsFromScope: a DAG template passes a task's result up to the steps") {
  const Result r = run("      - {name: code, valueFrom: {parameter: '{{tasks.gen.outputs.result}}'}}\n");
  CHECK(node(r, "wf[0].inner").outputs.parameters ==
        std::vector<std::pair<std::string, std::string>>{{"code", "5"}});
  CHECK(node(r, "wf[1].use").exitCode == 5);
}

TEST_CASE("operator.go getTemplateOutputsFromScope: valueFrom.default when the reference cannot resolve") {
  const Result withDefault = run("      - {name: code, valueFrom: {parameter: "
                                 "'{{tasks.gen.outputs.parameters.none}}', default: '4'}}\n");
  CHECK(node(withDefault, "wf[1].use").exitCode == 4);

  const Result without =
      run("      - {name: code, valueFrom: {parameter: '{{tasks.gen.outputs.parameters.none}}'}}\n");
  CHECK(node(without, "wf[0].inner").phase == "Error");
  CHECK(node(without, "wf[0].inner").message == "Unable to resolve: \"tasks.gen.outputs.parameters.none\"");
  CHECK(without.workflow.phase == "Failed");

  const Result noValueFrom = run("      - {name: code, value: '1'}\n");
  CHECK(node(noValueFrom, "wf[0].inner").message == "output parameters must have a valueFrom specified");
}

TEST_CASE("operator.go getTemplateOutputsFromScope: a steps template passes a step's parameter up") {
  const Result r = simulateText(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: wf}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: gen, template: gen}
    outputs:
      parameters:
      - {name: side, valueFrom: {parameter: '{{steps.gen.outputs.parameters.side}}'}}
  - name: gen
    outputs:
      parameters:
      - {name: side, valueFrom: {path: /tmp/side}}
    container: {image: alpine, command: [sh, -c, "exit 0"]}
---
kind: Scenario
pods:
  gen: {run: 5s, parameters: {side: heads}}
)");
  CHECK(node(r, "wf").outputs.parameters ==
        std::vector<std::pair<std::string, std::string>>{{"side", "heads"}});
  CHECK(r.workflow.phase == "Succeeded");
}
