// Argo's submission check of `{{variables}}` (validate.go: resolveAllVariables and the scopes
// validateTemplate, validateSteps, validateDAG and validateOutputs give it); each case names the Argo
// function it re-expresses.
#include "engine/parse/parse_input.hpp"
#include "engine/validate/validate_workflow.hpp"
#include "tests/engine/parse/diagnostics_matchers.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::count;

namespace {

// Lines 1-4 are the header, then `specExtra`; with none, the templates given start on line 6.
Diagnostics validate(const std::string& templates, const std::string& specExtra = "",
                     const std::string& metadata = "{name: wf}") {
  std::string text = "kind: Workflow\nmetadata: " + metadata + "\nspec:\n  entrypoint: main\n" + specExtra +
                     "  templates:\n" + templates;
  ParsedInput in = parseInput(text, Limits{});
  INFO(argosim::test::dump(in.diagnostics));
  REQUIRE(count(in.diagnostics, Severity::Error) == 0);
  return validateWorkflow(in.workflow);
}

void requireNoError(const Diagnostics& ds) {
  INFO(argosim::test::dump(ds));
  REQUIRE(count(ds, Severity::Error) == 0);
}

const std::string kScript = "  - {name: flip, script: {image: a, source: echo heads}}\n";

} // namespace

TEST_CASE("validate.go: validateLeaf — an input the template does not declare fails to resolve") {
  Diagnostics ds = validate("  - name: main\n"
                            "    container: {image: a, args: [\"echo {{inputs.parameters.x}}\"]}\n");
  REQUIRE_DIAG(ds, Severity::Error, 7, 34, "templates.main: failed to resolve {{inputs.parameters.x}}");
  REQUIRE(count(ds, Severity::Error) == 1);
}

TEST_CASE(
    "validate.go: validateInputs / common.SubstituteParams — declared inputs and the whole list resolve") {
  requireNoError(validate(
      "  - name: main\n"
      "    inputs: {parameters: [{name: x, value: '1'}], artifacts: [{name: src, path: /s}]}\n"
      "    container:\n"
      "      image: a\n"
      "      args: ['{{inputs.parameters.x}} {{ inputs.parameters }} {{inputs.artifacts.src.path}}']\n"));
}

TEST_CASE("validate.go: Workflow globalParams — spec.arguments' names, and only those") {
  const std::string args = "  arguments: {parameters: [{name: message, value: hi}]}\n";
  requireNoError(validate("  - {name: main, container: {image: a, args: ['{{workflow.parameters.message}}', "
                          "'{{workflow.parameters}}', '{{workflow.parameters.json}}']}}\n",
                          args));
  Diagnostics ds =
      validate("  - {name: main, container: {image: a, args: ['{{workflow.parameters.mesage}}']}}\n", args);
  REQUIRE_DIAG(ds, Severity::Error, 7, 47,
               "templates.main: failed to resolve {{workflow.parameters.mesage}}");
  // Without arguments there is no `workflow.parameters` list either.
  ds = validate("  - {name: main, container: {image: a, args: ['{{workflow.parameters}}']}}\n");
  REQUIRE_DIAG(ds, Severity::Error, 6, 47, "templates.main: failed to resolve {{workflow.parameters}}");
}

TEST_CASE(
    "validate.go: Workflow globalParams — labels, annotations, priority and the exit handler's failures") {
  requireNoError(validate("  - {name: main, container: {image: a, args: ['{{workflow.labels.team}} "
                          "{{workflow.annotations.note}} {{workflow.priority}} {{workflow.failures}} "
                          "{{workflow.status}} {{workflow.uid}} {{workflow.mainEntrypoint}}']}}\n",
                          "  priority: 3\n  onExit: main\n",
                          "{name: wf, labels: {team: x}, annotations: {note: y}}"));
  Diagnostics ds = validate("  - {name: main, container: {image: a, args: ['{{workflow.priority}}']}}\n");
  REQUIRE_DIAG(ds, Severity::Error, 6, 47, "templates.main: failed to resolve {{workflow.priority}}");
  ds = validate("  - {name: main, container: {image: a, args: ['{{workflow.labels.team}}']}}\n");
  REQUIRE_DIAG(ds, Severity::Error, 6, 47, "templates.main: failed to resolve {{workflow.labels.team}}");
}

TEST_CASE("validate.go: resolveAllVariables — only checked roots are checked, and some prefixes are exempt") {
  // common.GlobalVarValidWorkflowVariablePrefix leaves retries, lastRetry.*, node.name, a bare item and other
  // tools' templates alone; outputs.*, workflow.creationTimestamp/duration/scheduledTime and steps.name are
  // known only at runtime.
  requireNoError(
      validate("  - name: main\n"
               "    retryStrategy: {limit: 2}\n"
               "    container:\n"
               "      image: a\n"
               "      args: ['{{retries}} {{lastRetry.exitCode}} {{node.name}} {{item}} {{ .Values.x }}',\n"
               "             '{{outputs.result}} {{workflow.creationTimestamp.Y}} {{workflow.duration}}',\n"
               "             '{{workflow.scheduledTime}} {{steps.name}} {{tasks.name}}']\n"));
}

TEST_CASE("template.Validate — expression tags ({{=…}}) are not checked") {
  requireNoError(
      validate("  - {name: main, container: {image: a, args: ['{{=inputs.parameters.nope}}']}}\n"));
}

TEST_CASE("validate.go: validateTemplate — pod.name is in scope for pod templates only (IsPodType)") {
  requireNoError(validate("  - {name: main, container: {image: a, args: ['{{pod.name}}']}}\n"));
  Diagnostics ds = validate("  - name: main\n"
                            "    steps: [[{name: a, template: leaf, when: '{{pod.name}} == x'}]]\n"
                            "  - {name: leaf, container: {image: a}}\n");
  REQUIRE_DIAG(ds, Severity::Error, 7, 46, "templates.main.steps failed to resolve {{pod.name}}");
}

TEST_CASE("validate.go: validateTemplateHolder wraps the leaf's error with the step that reached it") {
  Diagnostics ds = validate("  - name: main\n"
                            "    steps: [[{name: a, template: leaf}]]\n"
                            "  - {name: leaf, container: {image: a, args: ['{{inputs.parameters.x}}']}}\n");
  REQUIRE_DIAG(ds, Severity::Error, 8, 47,
               "templates.main.steps[0].a templates.leaf: failed to resolve {{inputs.parameters.x}}");
}

TEST_CASE("validate.go: validateSteps / addOutputsToScope — an earlier script step's result and status") {
  requireNoError(
      validate("  - name: main\n"
               "    steps:\n"
               "    - - {name: flip, template: flip}\n"
               "    - - {name: a, template: leaf, when: '{{steps.flip.outputs.result}} == heads'}\n"
               "      - {name: b, template: leaf, when: '{{steps.flip.status}} == Succeeded'}\n"
               "      - {name: c, template: leaf, when: '{{steps.c.status}} == {{steps.flip.exitCode}}'}\n"
               "  - {name: leaf, container: {image: a}}\n" +
               kScript));
  Diagnostics ds =
      validate("  - name: main\n"
               "    steps:\n"
               "    - - {name: flip, template: flip}\n"
               "    - - {name: a, template: leaf, when: '{{steps.flip.outputs.reslt}} == heads'}\n"
               "  - {name: leaf, container: {image: a}}\n" +
               kScript);
  REQUIRE_DIAG(ds, Severity::Error, 9, 41,
               "templates.main.steps failed to resolve {{steps.flip.outputs.reslt}}");
}

TEST_CASE("validate.go: addOutputsToScope — a resource template has no outputs.result (HasOutput)") {
  Diagnostics ds = validate("  - name: main\n"
                            "    steps:\n"
                            "    - - {name: make, template: make}\n"
                            "    - - {name: a, template: make, when: '{{steps.make.outputs.result}} == x'}\n"
                            "  - {name: make, resource: {action: create, manifest: 'kind: ConfigMap'}}\n");
  REQUIRE_DIAG(ds, Severity::Error, 9, 41,
               "templates.main.steps failed to resolve {{steps.make.outputs.result}}");
}

TEST_CASE("validate.go: validateSteps — a step's outputs join the scope after it, not after its group") {
  // Argo's validator walks steps one by one: a later step of the same group is not in scope yet...
  Diagnostics ds = validate("  - name: main\n"
                            "    steps:\n"
                            "    - - {name: a, template: leaf, when: '{{steps.b.outputs.result}} == x'}\n"
                            "      - {name: b, template: flip}\n"
                            "  - {name: leaf, container: {image: a}}\n" +
                            kScript);
  REQUIRE_DIAG(ds, Severity::Error, 8, 41,
               "templates.main.steps failed to resolve {{steps.b.outputs.result}}");
  // ...while an earlier one of the same group already is (the submission passes; the run is another matter).
  requireNoError(validate("  - name: main\n"
                          "    steps:\n"
                          "    - - {name: b, template: flip}\n"
                          "      - {name: a, template: leaf, when: '{{steps.b.outputs.result}} == x'}\n"
                          "  - {name: leaf, container: {image: a}}\n" +
                          kScript));
}

TEST_CASE("validate.go: addItemsToScope — withParam allows any item.*, withItems only the keys it has") {
  requireNoError(
      validate("  - name: main\n"
               "    steps:\n"
               "    - - {name: a, template: leaf, withParam: '[]', when: '{{item.anything}} == x'}\n"
               "    - - {name: b, template: leaf, withItems: [{os: x}], when: '{{item.os}} == x'}\n"
               "  - {name: leaf, container: {image: a}}\n"));
  Diagnostics ds =
      validate("  - name: main\n"
               "    steps:\n"
               "    - - {name: b, template: leaf, withItems: [{os: x}], when: '{{item.version}} == x'}\n"
               "  - {name: leaf, container: {image: a}}\n");
  REQUIRE_DIAG(ds, Severity::Error, 8, 63, "templates.main.steps failed to resolve {{item.version}}");
}

TEST_CASE("validate.go: validateDAG — every task's outputs are in scope, status only for ancestors") {
  const std::string leafs = "  - {name: leaf, container: {image: a}}\n" + kScript;
  // addOutputsToScope runs for every task before any task is checked: outputs need no dependency.
  requireNoError(
      validate("  - name: main\n"
               "    dag:\n"
               "      tasks:\n"
               "      - {name: A, template: flip}\n"
               "      - {name: B, template: leaf, when: '{{tasks.A.outputs.result}} == x'}\n"
               "      - {name: C, depends: A && B, template: leaf, when: '{{tasks.A.status}} == x'}\n" +
               leafs));
  Diagnostics ds = validate("  - name: main\n"
                            "    dag:\n"
                            "      tasks:\n"
                            "      - {name: A, template: flip}\n"
                            "      - {name: B, template: leaf, when: '{{tasks.A.status}} == Succeeded'}\n" +
                            leafs);
  REQUIRE_DIAG(ds, Severity::Error, 10, 41, "templates.main.tasks.B failed to resolve {{tasks.A.status}}");
}

TEST_CASE("validate.go: validateDAG — resolveAllVariables passes a non-dependency's result, "
          "validateDAGTaskArgumentDependency then rejects it as an argument") {
  Diagnostics ds =
      validate("  - name: main\n"
               "    dag:\n"
               "      tasks:\n"
               "      - {name: A, template: flip}\n"
               "      - name: B\n"
               "        template: print\n"
               "        arguments: {parameters: [{name: m, value: '{{tasks.A.outputs.result}}'}]}\n"
               "  - {name: print, inputs: {parameters: [{name: m}]}, container: {image: a}}\n" +
               kScript);
  REQUIRE_DIAG(ds, Severity::Error, 12, 51,
               "templates.main.tasks.B missing dependency 'A' for parameter 'm'");
}

TEST_CASE("validate.go: validateOutputs — a steps template's outputs see all its steps") {
  requireNoError(validate(
      "  - name: main\n"
      "    steps: [[{name: flip, template: flip}]]\n"
      "    outputs: {parameters: [{name: r, valueFrom: {parameter: '{{steps.flip.outputs.result}}'}}]}\n" +
      kScript));
  Diagnostics ds = validate(
      "  - name: main\n"
      "    steps: [[{name: flip, template: flip}]]\n"
      "    outputs: {parameters: [{name: r, valueFrom: {parameter: '{{steps.flop.outputs.result}}'}}]}\n" +
      kScript);
  REQUIRE_DIAG(ds, Severity::Error, 8, 61,
               "templates.main.outputs failed to resolve {{steps.flop.outputs.result}}");
}

TEST_CASE("validate.go: addOutputsToScope — a globalName lifts workflow.outputs.parameters.<name>") {
  requireNoError(
      validate("  - name: main\n"
               "    steps:\n"
               "    - - {name: a, template: gen}\n"
               "    - - {name: b, template: leaf, when: '{{workflow.outputs.parameters.g}} == x'}\n"
               "  - {name: leaf, container: {image: a}}\n"
               "  - name: gen\n"
               "    container: {image: a}\n"
               "    outputs: {parameters: [{name: p, globalName: g, valueFrom: {path: /p}}]}\n"));
  Diagnostics ds =
      validate("  - name: main\n"
               "    steps: [[{name: b, template: leaf, when: '{{workflow.outputs.parameters.g}} == x'}]]\n"
               "  - {name: leaf, container: {image: a}}\n");
  REQUIRE_DIAG(ds, Severity::Error, 7, 46,
               "templates.main.steps failed to resolve {{workflow.outputs.parameters.g}}");
}

TEST_CASE("validate.go: resolveAllVariables — the tag is quoted as Argo's JSON holds it") {
  Diagnostics ds =
      validate("  - name: main\n"
               "    steps:\n"
               "    - - {name: flip, template: flip}\n"
               "    - - {name: a, template: flip, when: '{{steps.flip.outputs.result == \"x\"}}'}\n" +
               kScript);
  REQUIRE_DIAG(ds, Severity::Error, 9, 41,
               "templates.main.steps failed to resolve {{steps.flip.outputs.result == \\\"x\\\"}}");
}

TEST_CASE("common.ProcessArgs (fasttemplate) — a `{{` with a checked root and no `}}` ends the submission") {
  Diagnostics ds = validate("  - name: main\n"
                            "    steps: [[{name: a, template: leaf, when: '{{steps.x.status == y'}]]\n"
                            "  - {name: leaf, container: {image: a}}\n");
  REQUIRE_DIAG(ds, Severity::Error, 7, 46,
               "templates.main Cannot find end tag=\"}}\" in the template=\"...\" starting from "
               "\"steps.x.status == y\\\"...\"");
}

TEST_CASE("common.ProcessArgs (fasttemplate) — a lone `{{` with another root is only warned about") {
  // Argo's JSON closes it later (here the script's own `"}}`), and a tag with an unchecked root passes.
  Diagnostics ds = validate("  - {name: main, script: {image: a, source: 'echo {{ oops'}}\n");
  REQUIRE(count(ds, Severity::Error) == 0);
  REQUIRE_DIAG(
      ds, Severity::Warning, 6, 45,
      "this `{{` has no `}}` after it: Argo reads the rest of the template as a variable name, and may "
      "reject the Workflow (\"Cannot find end tag\") or leave the text as written");
}

TEST_CASE("validate.go: validateSteps — a step argosim cannot resolve (templateRef) names any output") {
  requireNoError(validate("  - name: main\n"
                          "    steps:\n"
                          "    - - {name: a, templateRef: {name: wt, template: t}}\n"
                          "    - - {name: b, template: leaf, when: '{{steps.a.outputs.parameters.p}} == x'}\n"
                          "  - {name: leaf, container: {image: a}}\n"));
}

TEST_CASE("validate.go: resolveAllVariables — the tag is trimmed to look up, quoted untrimmed "
          "(TestShouldCheckValidationToSpacedParameters)") {
  requireNoError(validate("  - {name: main, container: {image: a, args: ['{{  workflow.name  }}']}}\n"));
  Diagnostics ds =
      validate("  - {name: main, container: {image: a, args: ['{{  workflow.thisdoesnotexist  }}']}}\n");
  REQUIRE_DIAG(ds, Severity::Error, 6, 47,
               "templates.main: failed to resolve {{  workflow.thisdoesnotexist  }}");
}
