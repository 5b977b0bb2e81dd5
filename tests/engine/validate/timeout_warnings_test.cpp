// Warnings at template timeouts the controller cannot parse (engine/validate/timeout_warnings.cpp). Sources:
// validate.go: validateTemplate (only a bare-integer timeout is refused), operator.go: checkTemplateTimeouts
// and utils.go: ParseStringToDuration (where the runtime error comes from).
#include "engine/argosim.hpp"
#include "engine/parse/parse_input.hpp"
#include "engine/validate/validate_workflow.hpp"
#include "tests/engine/parse/diagnostics_matchers.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::count;

namespace {

// The template given starts on line 6.
std::string workflow(const std::string& templates, const std::string& specExtra = "") {
  return "kind: Workflow\nmetadata: {name: wf}\nspec:\n  entrypoint: main\n" + specExtra + "  templates:\n" +
         templates;
}

Diagnostics validate(const std::string& text) {
  ParsedInput in = parseInput(text, Limits{});
  INFO(argosim::test::dump(in.diagnostics));
  REQUIRE(count(in.diagnostics, Severity::Error) == 0);
  return validateWorkflow(in.workflow);
}

} // namespace

TEST_CASE("checkTemplateTimeouts: a timeout Go cannot parse warns at the value; the run still errors") {
  const std::string text = workflow("  - name: main\n"
                                    "    timeout: 1d\n"
                                    "    container: {image: a, command: [sh, -c, 'exit 0']}\n");
  Diagnostics ds = validate(text);
  REQUIRE_DIAG(ds, Severity::Warning, 7, 14,
               "timeout \"1d\" is not a duration Argo can read; the validator lets it through, and the "
               "controller then errors the node with \"invalid timeout format unable to parse 1d as a "
               "duration: time: unknown unit \"d\" in duration \"1d\"\"");
  REQUIRE(count(ds, Severity::Error) == 0);
  Result r = simulateText(text);
  REQUIRE(r.workflow.phase == "Error");
  REQUIRE(r.workflow.message.find("invalid timeout format unable to parse 1d as a duration") !=
          std::string::npos);
}

TEST_CASE("checkTemplateTimeouts: an unparsable pendingTimeout warns that it errors a Pending node") {
  Diagnostics ds = validate(workflow("  - name: main\n"
                                     "    pendingTimeout: abc\n"
                                     "    container: {image: a}\n"));
  REQUIRE_DIAG(
      ds, Severity::Warning, 7, 21,
      "pendingTimeout \"abc\" is not a duration Argo can read; the validator lets it through, and the "
      "controller then errors the node while its pod is Pending with \"invalid timeout format unable "
      "to parse abc as a duration: time: invalid duration \"abc\"\"");
}

TEST_CASE("checkTemplateTimeouts: durations, seconds, parameters and empty strings give no warning") {
  for (const char* value : {"90s", "1h30m", "'30'", "'{{inputs.parameters.t}}'", "''"}) {
    INFO(value);
    // The input is declared: resolveAllVariables would reject an unknown one.
    Diagnostics ds = validate(workflow(std::string("  - name: main\n    pendingTimeout: ") + value +
                                       "\n    inputs: {parameters: [{name: t, value: 1m}]}\n"
                                       "    container: {image: a}\n"));
    REQUIRE(ds.empty());
  }
  REQUIRE(validate(workflow("  - {name: main, timeout: 2m, container: {image: a}}\n")).empty());
}

TEST_CASE("checkTemplateTimeouts: a bare-integer timeout stays validate.go's error, not also a warning") {
  Diagnostics ds = validate(workflow("  - {name: main, timeout: '30', container: {image: a}}\n"));
  REQUIRE(count(ds, Severity::Error) == 1);
  REQUIRE(count(ds, Severity::Warning) == 0);
}

TEST_CASE("checkTemplateTimeouts: templateDefaults' timeouts are parsed for every template they reach") {
  Diagnostics ds =
      validate(workflow("  - {name: main, container: {image: a}}\n", "  templateDefaults: {timeout: 5x}\n"));
  REQUIRE(count(ds, Severity::Warning) == 1);
  REQUIRE(ds[0].path == "spec.templateDefaults.timeout");
  REQUIRE(ds[0].pos.line == 5);
}
