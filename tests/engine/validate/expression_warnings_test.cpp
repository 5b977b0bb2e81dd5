// Up-front warnings for expressions (engine/validate/expression_warnings.cpp): a retry expression Argo would
// only compile after the first failure (operator.go processNodeRetries, argoexpr.EvalBool), and expression
// tags argosim cannot evaluate (util/template/expression_template.go; util/expr/env GetFuncMap's jsonpath
// and sprig).
#include "engine/parse/parse_input.hpp"
#include "engine/validate/validate_workflow.hpp"
#include "tests/engine/parse/diagnostics_matchers.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::count;

namespace {
Diagnostics warningsOf(const std::string& templates) {
  ParsedInput in = parseInput(
      "kind: Workflow\nmetadata: {name: wf}\nspec:\n  entrypoint: main\n  templates:\n" + templates,
      Limits{});
  INFO(argosim::test::dump(in.diagnostics));
  REQUIRE(count(in.diagnostics, Severity::Error) == 0);
  return validateWorkflow(in.workflow);
}
} // namespace

TEST_CASE("expression warnings: a retry expression that does not type-check is flagged at its field") {
  const Diagnostics ds = warningsOf("  - name: main\n"                    // 6
                                    "    retryStrategy:\n"                // 7
                                    "      limit: 3\n"                    // 8
                                    "      expression: \"retries < 3\"\n" // 9
                                    "    container: {image: a, command: [sh, -c, 'exit 1']}\n");
  REQUIRE_DIAG(
      ds, Severity::Warning, 9, 19,
      "the expression does not compile (invalid operation: < (mismatched types string and int) at column "
      "9): Argo compiles it after the first failure, and the retry node errors with this");
}

TEST_CASE("expression warnings: a valid retry expression and evaluable tags say nothing") {
  const Diagnostics ds = warningsOf("  - name: main\n"
                                    "    retryStrategy:\n"
                                    "      limit: \"{{=asInt('2') + 1}}\"\n"
                                    "      expression: \"asInt(lastRetry.exitCode) == 1\"\n"
                                    "    container: {image: a, command: [sh, -c, 'exit 1']}\n");
  CHECK(count(ds, Severity::Warning) == 0);
}

TEST_CASE("expression warnings: a tag using jsonpath, sprig or a predicate is flagged where it is written") {
  const Diagnostics ds =
      warningsOf("  - name: main\n"                                                       // 6
                 "    steps:\n"                                                           // 7
                 "    - - name: a\n"                                                      // 8
                 "        template: leaf\n"                                               // 9
                 "        when: \"{{=jsonpath(workflow.parameters.j, '$.a') == 'x'}}\"\n" // 10
                 "      - name: b\n"                                                      // 11
                 "        template: leaf\n"                                               // 12
                 "        withParam: \"{{=toJson(filter([1, 3], {# > 1}))}}\"\n"          // 13
                 "        arguments:\n"                                                   // 14
                 "          parameters: [{name: p, value: \"{{=sprig.trunc(5, 'abcdefg')}}\"}]\n"
                 "  - name: leaf\n"
                 "    inputs: {parameters: [{name: p, value: x}]}\n"
                 "    container: {image: a}\n");
  CHECK(count(ds, Severity::Warning) == 3);
  REQUIRE_DIAG(
      ds, Severity::Warning, 10, 15,
      "argosim cannot evaluate {{=jsonpath(workflow.parameters.j, '$.a') == 'x'}} (argosim: jsonpath() is "
      "not supported): it stays as written, so the run departs from Argo's from here");
  REQUIRE_DIAG(
      ds, Severity::Warning, 13, 20,
      "argosim cannot evaluate {{=toJson(filter([1, 3], {# > 1}))}} (argosim: the builtin filter() is not "
      "supported): it stays as written, so the run departs from Argo's from here");
  REQUIRE_DIAG(
      ds, Severity::Warning, 15, 41,
      "argosim cannot evaluate {{=sprig.trunc(5, 'abcdefg')}} (argosim: sprig is not supported): it stays "
      "as written, so the run departs from Argo's from here");
}
