// Each case names the validate.go function (or validate_test.go / validate_dag_test.go test) it re-expresses.
#include "engine/parse/parse_input.hpp"
#include "engine/validate/validate_workflow.hpp"
#include "tests/engine/parse/diagnostics_matchers.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::count;

namespace {

// Line 1-5 are the header; the templates given start on line 6.
Diagnostics validate(const std::string& templates, const std::string& specExtra = "") {
  std::string text = "kind: Workflow\nmetadata: {name: wf}\nspec:\n  entrypoint: main\n" + specExtra +
                     "  templates:\n" + templates;
  ParsedInput in = parseInput(text, Limits{});
  INFO(argosim::test::dump(in.diagnostics));
  REQUIRE(count(in.diagnostics, Severity::Error) == 0);
  return validateWorkflow(in.workflow);
}

const std::string kLeaf = "  - {name: leaf, container: {image: a}}\n";

} // namespace

TEST_CASE("validate: a valid workflow has no diagnostics") {
  Diagnostics ds = validate("  - name: main\n"
                            "    steps: [[{name: a, template: leaf}]]\n" +
                            kLeaf);
  INFO(argosim::test::dump(ds));
  REQUIRE(ds.empty());
}

TEST_CASE("validate.go: Workflow — spec.entrypoint is required") {
  ParsedInput in = parseInput(
      "kind: Workflow\nmetadata: {name: wf}\nspec:\n  templates: [{name: a, suspend: {}}]\n", Limits{});
  Diagnostics ds = validateWorkflow(in.workflow);
  REQUIRE_DIAG(ds, Severity::Error, 1, 1, "spec.entrypoint is required");
  REQUIRE(count(ds, Severity::Error) == 1);
}

TEST_CASE("validate.go: validateTemplateHolder — entrypoint undefined (TestEventNodeEvents' wording)") {
  ParsedInput in =
      parseInput("kind: Workflow\nmetadata: {name: wf}\nspec:\n  entrypoint: '123'\n  templates: "
                 "[{name: a, suspend: {}}]\n",
                 Limits{});
  REQUIRE_DIAG(validateWorkflow(in.workflow), Severity::Error, 4, 15, "template name '123' undefined");
}

TEST_CASE("validate.go: validateWorkflowFieldNames — template names unique (TestDuplicateOrEmptyNames)") {
  Diagnostics ds = validate("  - {name: main, suspend: {}}\n"
                            "  - {name: main, suspend: {}}\n");
  REQUIRE_DIAG(ds, Severity::Error, 7, 12, "spec.templates[1].name 'main' is not unique");
}

TEST_CASE("validate.go: validateSteps — a step's template must exist") {
  Diagnostics ds = validate("  - name: main\n"
                            "    steps:\n"
                            "    - - {name: a, template: x}\n");
  REQUIRE_DIAG(ds, Severity::Error, 8, 29, "templates.main.steps[0].a template name 'x' undefined");
}

TEST_CASE("validate.go: validateTemplateHolder — invalid retryPolicy, bare and behind a step") {
  Diagnostics entry = validate("  - name: main\n"
                               "    retryStrategy: {retryPolicy: Foo}\n"
                               "    container: {image: a}\n");
  REQUIRE_DIAG(entry, Severity::Error, 7, 34, "Foo is not a valid RetryPolicy");
  Diagnostics step = validate("  - name: main\n"
                              "    steps: [[{name: a, template: flaky}]]\n"
                              "  - name: flaky\n"
                              "    retryStrategy: {retryPolicy: Sometimes}\n"
                              "    container: {image: a}\n");
  REQUIRE_DIAG(step, Severity::Error, 9, 34,
               "templates.main.steps[0].a Sometimes is not a valid RetryPolicy");
}

TEST_CASE("validate.go: validateLeaf — activeDeadlineSeconds (TestValidActiveDeadlineSeconds)") {
  Diagnostics negative = validate("  - {name: main, activeDeadlineSeconds: -1, container: {image: a}}\n");
  REQUIRE_DIAG(negative, Severity::Error, 6, 41,
               "templates.main.activeDeadlineSeconds must be a positive integer > 0 or an argo variable");
  Diagnostics word = validate("  - {name: main, activeDeadlineSeconds: 'soon', container: {image: a}}\n");
  REQUIRE_DIAG(word, Severity::Error, 6, 41,
               "templates.main.activeDeadlineSeconds must be a positive integer > 0 or an argo variable");
  // 0 passes the validator (only < 0 is checked); a {{…}} string passes too, when the variable is in scope
  // (TestValidActiveDeadlineSecondsArgoVariable; resolveAllVariables rejects an unknown one).
  REQUIRE(count(validate("  - {name: main, activeDeadlineSeconds: 0, container: {image: a}}\n"),
                Severity::Error) == 0);
  REQUIRE(count(validate("  - {name: main, activeDeadlineSeconds: '{{workflow.parameters.t}}', container: "
                         "{image: a}}\n",
                         "  arguments: {parameters: [{name: t, value: '30'}]}\n"),
                Severity::Error) == 0);
}

TEST_CASE("validate.go: validateNonLeaf — activeDeadlineSeconds on steps") {
  Diagnostics ds = validate("  - name: main\n"
                            "    activeDeadlineSeconds: 10\n"
                            "    steps: [[{name: a, template: leaf}]]\n" +
                            kLeaf);
  REQUIRE_DIAG(ds, Severity::Error, 7, 28,
               "templates.main.activeDeadlineSeconds is only valid for leaf templates");
}

TEST_CASE(
    "validate.go: validateTemplate — timeout (TestTemplateTimeoutDuration, TestCheckTemplateTimeouts)") {
  Diagnostics bare = validate("  - {name: main, timeout: '60', container: {image: a}}\n");
  REQUIRE_DIAG(bare, Severity::Error, 6, 27, "main has invalid duration format in timeout");
  Diagnostics onSteps = validate("  - name: main\n"
                                 "    timeout: 1m\n"
                                 "    steps: [[{name: a, template: leaf}]]\n" +
                                 kLeaf);
  REQUIRE_DIAG(onSteps, Severity::Error, 7, 14, "Steps template doesn't support timeout field");
  Diagnostics pending = validate("  - {name: main, pendingTimeout: 1m, suspend: {}}\n");
  REQUIRE_DIAG(pending, Severity::Error, 6, 34, "Suspend template doesn't support pendingTimeout field");
  // The check runs on the template after argument substitution: the step's "60" arrives in the second pass.
  Diagnostics substituted =
      validate("  - name: main\n"
               "    steps: [[{name: a, template: leaf, arguments: {parameters: [{name: t, "
               "value: '60'}]}}]]\n"
               "  - name: leaf\n"
               "    inputs: {parameters: [{name: t}]}\n"
               "    timeout: '{{inputs.parameters.t}}'\n"
               "    container: {image: a}\n");
  REQUIRE_DIAG(substituted, Severity::Error, 10, 14,
               "templates.main.steps[0].a leaf has invalid duration format in timeout");
}

TEST_CASE("validate.go: validateLeaf — parallelism on a leaf (TestLeafWithParallelism)") {
  REQUIRE_DIAG(validate("  - {name: main, parallelism: 2, container: {image: a}}\n"), Severity::Error, 6, 31,
               "templates.main.parallelism is only valid for steps and dag templates");
}

TEST_CASE("validate.go: validateSteps — duplicate step names") {
  Diagnostics ds = validate("  - name: main\n"
                            "    steps:\n"
                            "    - - {name: a, template: leaf}\n"
                            "    - - {name: a, template: leaf}\n" +
                            kLeaf);
  REQUIRE_DIAG(ds, Severity::Error, 9, 16, "templates.main.steps[1].name 'a' is not unique");
}

TEST_CASE("validate.go: validateTemplateType — none or several types (TestMultipleTemplateTypes)") {
  REQUIRE_DIAG(
      validate("  - {name: main}\n"), Severity::Error, 6, 12,
      "templates.main template type unspecified. choose one of: container, containerSet, steps, script, "
      "resource, dag, suspend, template, template ref");
  REQUIRE_DIAG(
      validate("  - {name: main, suspend: {}, container: {image: a}}\n"), Severity::Error, 6, 12,
      "templates.main multiple template types specified. choose one of: container, containerSet, steps, "
      "script, resource, dag, suspend, template, template ref");
}

TEST_CASE("validate.go: sortDAGTasks — cycles and unknown dependencies (TestDAGCycle)") {
  Diagnostics cycle = validate("  - name: main\n"
                               "    dag:\n"
                               "      tasks:\n"
                               "      - {name: a, template: leaf, dependencies: [b]}\n"
                               "      - {name: b, template: leaf, depends: a}\n" +
                               kLeaf);
  REQUIRE_DIAG(cycle, Severity::Error, 9, 16, "templates.main sorting failed: graph with cycle");
  Diagnostics unknown = validate("  - name: main\n"
                                 "    dag:\n"
                                 "      tasks:\n"
                                 "      - {name: a, template: leaf, dependencies: [zz]}\n" +
                                 kLeaf);
  REQUIRE_DIAG(unknown, Severity::Error, 9, 50, "templates.main sorting failed: invalid dependency zz");
  Diagnostics dup = validate("  - name: main\n"
                             "    dag:\n"
                             "      tasks:\n"
                             "      - {name: a, template: leaf}\n"
                             "      - {name: a, template: leaf}\n" +
                             kLeaf);
  REQUIRE_DIAG(dup, Severity::Error, 10, 16, "templates.main sorting failed: duplicated nodeName a");
}

TEST_CASE("validate.go: validateDAG — depends expressions (common.ValidateTaskResults, "
          "TestDependsAndDependencies)") {
  Diagnostics badResult = validate("  - name: main\n"
                                   "    dag:\n"
                                   "      tasks:\n"
                                   "      - {name: a, template: leaf}\n"
                                   "      - {name: b, template: leaf, depends: 'a.Suceeded'}\n" +
                                   kLeaf);
  REQUIRE_DIAG(badResult, Severity::Error, 10, 44,
               "templates.main.tasks.b task result 'Suceeded' for task 'a' is invalid");
  Diagnostics both = validate("  - name: main\n"
                              "    dag:\n"
                              "      tasks:\n"
                              "      - {name: a, template: leaf}\n"
                              "      - {name: b, template: leaf, depends: a}\n"
                              "      - {name: c, template: leaf, dependencies: [a]}\n" +
                              kLeaf);
  REQUIRE_DIAG(both, Severity::Error, 11, 50,
               "templates.main cannot use both 'depends' and 'dependencies' in the same DAG template");
  Diagnostics continueOn = validate("  - name: main\n"
                                    "    dag:\n"
                                    "      tasks:\n"
                                    "      - {name: a, template: leaf, continueOn: {failed: true}}\n"
                                    "      - {name: b, template: leaf, depends: a}\n" +
                                    kLeaf);
  REQUIRE_DIAG(continueOn, Severity::Error, 9, 35,
               "templates.main cannot use 'continueOn' when using 'depends'. Instead use "
               "'dep-task.Failed'/'dep-task.Errored'");
}

TEST_CASE("validate.go: validateDAG — items-based result on a task without items names the dependency "
          "(TestAnyWithoutExpandingTask)") {
  Diagnostics ds = validate("  - name: main\n"
                            "    dag:\n"
                            "      tasks:\n"
                            "      - {name: a, template: leaf}\n"
                            "      - {name: b, template: leaf, depends: a.AnySucceeded}\n" +
                            kLeaf);
  REQUIRE_DIAG(ds, Severity::Error, 10, 44,
               "templates.main.tasks.a dependency 'a' uses an items-based condition such as .AnySucceeded or "
               ".AllFailed but does not contain any items");
}

TEST_CASE("validate.go: validateDAGTargets (TestDAGNonExistantTarget)") {
  Diagnostics ds = validate("  - name: main\n"
                            "    dag:\n"
                            "      target: DOESNTEXIST\n"
                            "      tasks: [{name: a, template: leaf}]\n" +
                            kLeaf);
  REQUIRE_DIAG(ds, Severity::Error, 8, 15, "templates.main.targets: target 'DOESNTEXIST' is not defined");
}

TEST_CASE("validate.go: Workflow — onExit template undefined") {
  Diagnostics ds = validate("  - {name: main, suspend: {}}\n", "  onExit: bye\n");
  REQUIRE_DIAG(ds, Severity::Error, 5, 11, "template name 'bye' undefined");
}

TEST_CASE("validate.go: validateHooks — a hook other than exit needs an expression") {
  Diagnostics ds = validate("  - {name: main, suspend: {}}\n", "  hooks: {running: {template: main}}\n");
  REQUIRE_DIAG(ds, Severity::Error, 5, 11, "hooks.running Expression required");
}

TEST_CASE("validate.go: Workflow — unreachable templates are validated with a templates.<name> prefix") {
  Diagnostics ds = validate("  - {name: main, suspend: {}}\n"
                            "  - {name: other, activeDeadlineSeconds: -2, container: {image: a}}\n");
  REQUIRE_DIAG(
      ds, Severity::Error, 7, 42,
      "templates.other templates.other.activeDeadlineSeconds must be a positive integer > 0 or an argo "
      "variable");
}

TEST_CASE("validate.go: ProcessArgs — an input without value, default or argument") {
  Diagnostics ds = validate("  - name: main\n"
                            "    inputs: {parameters: [{name: message}]}\n"
                            "    container: {image: a}\n");
  REQUIRE_DIAG(ds, Severity::Error, 7, 27, "templates.main inputs.parameters.message was not supplied");
}

TEST_CASE("validate.go: only the first error is reported, as Argo returns one") {
  Diagnostics ds = validate("  - {name: main, activeDeadlineSeconds: -1, container: {image: a}}\n"
                            "  - {name: b, activeDeadlineSeconds: -1, container: {image: a}}\n");
  REQUIRE(count(ds, Severity::Error) == 1);
}

TEST_CASE("validate: warnings — backoff without limit, factor, unparsable strings, maxDuration") {
  Diagnostics ds =
      validate("  - name: main\n"
               "    retryStrategy:\n"
               "      backoff: {duration: 1d, factor: 0, cap: 5m, maxDuration: 10s}\n"
               "    container: {image: a}\n"
               "  - name: b\n"
               "    retryStrategy: {limit: 2, backoff: {duration: 30s, maxDuration: 10s, factor: 'x'}}\n"
               "    container: {image: a}\n");
  REQUIRE(count(ds, Severity::Error) == 0);
  REQUIRE_DIAG(ds, Severity::Warning, 8, 16,
               "retries without waiting: backoff is only applied when limit is set");
  REQUIRE_DIAG(
      ds, Severity::Warning, 8, 27,
      "duration \"1d\" is not a duration Argo can read; Argo only parses it after the first failure, and "
      "then the retry node errors with \"unable to parse 1d as a duration: time: unknown unit \"d\" in "
      "duration \"1d\"\"");
  REQUIRE_DIAG(ds, Severity::Warning, 8, 39,
               "factor 0 is not a positive integer: it is ignored, every wait is the base duration");
  REQUIRE_DIAG(
      ds, Severity::Warning, 11, 82,
      "factor 'x' is not an integer: after the first failure the retry node errors with \"value 'x' cannot "
      "be resolved to an int\"");
  REQUIRE_DIAG(
      ds, Severity::Warning, 11, 69,
      "maxDuration 10s is shorter than the first backoff (30s): no retry ever starts, the first failure ends "
      "with \"Backoff would exceed max duration limit\"");
}

TEST_CASE("validate: spec.retryStrategy is not validated by Argo, so a bad policy is a warning") {
  Diagnostics ds = validate("  - {name: main, suspend: {}}\n", "  retryStrategy: {retryPolicy: Never}\n");
  REQUIRE(count(ds, Severity::Error) == 0);
  REQUIRE_DIAG(
      ds, Severity::Warning, 5, 32,
      "the validator does not check spec.retryStrategy: after the first failure the retry node errors with "
      "\"Never is not a valid RetryPolicy\"");
}

TEST_CASE("validate: recursion through templates is bounded") {
  std::string templates = "  - {name: main, steps: [[{name: a, template: t0}]]}\n";
  for (int i = 0; i < 300; ++i)
    templates += "  - {name: t" + std::to_string(i) + ", steps: [[{name: a, template: t" +
                 std::to_string(i + 1) + "}]]}\n";
  templates += "  - {name: t300, suspend: {}}\n";
  Diagnostics ds = validate(templates);
  REQUIRE(count(ds, Severity::Error) == 0);
  REQUIRE(count(ds, Severity::Warning) >= 1);
  // A template calling itself terminates (tctx.results caches it before descending).
  REQUIRE(count(validate("  - {name: main, steps: [[{name: a, template: main}]]}\n"), Severity::Error) == 0);
}
