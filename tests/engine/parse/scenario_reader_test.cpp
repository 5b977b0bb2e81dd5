// The Scenario's controller.transientErrorPattern (engine/parse/scenario_reader.cpp). Argo's errors.go:
// matchTransientErrPattern discards the regexp.MatchString error; the simulator's own document refuses it.
#include "engine/parse/parse_input.hpp"
#include "tests/engine/parse/diagnostics_matchers.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::count;

namespace {

const std::string kWorkflow =
    "kind: Workflow\nmetadata: {name: wf}\nspec:\n  entrypoint: m\n"
    "  templates: [{name: m, container: {image: a}}]\n---\n"; // Scenario from line 7

ParsedInput withPattern(const std::string& pattern) {
  return parseInput(kWorkflow + "kind: Scenario\ncontroller:\n  transientErrorPattern: " + pattern + "\n",
                    Limits{});
}

} // namespace

TEST_CASE("scenario: a transientErrorPattern Go's regexp cannot compile is an error at the value") {
  ParsedInput in = withPattern("\"(\"");
  REQUIRE_DIAG(
      in.diagnostics, Severity::Error, 9, 26,
      "transientErrorPattern is not a Go regular expression (error parsing regexp: missing closing ): "
      "`(`): the controller would match no error with it");
  REQUIRE(withPattern("'a**'").diagnostics.size() == 1);
  REQUIRE(withPattern("'x{1001}'").diagnostics.size() == 1); // Go's repeat limit
}

TEST_CASE("scenario: a transientErrorPattern past argosim's regexp bounds is refused with them") {
  ParsedInput in = withPattern("'(?:abcdefghijklmnopqrstuvwxy){1000}'");
  REQUIRE(in.diagnostics.size() == 1);
  CHECK(in.diagnostics[0].message.rfind("transientErrorPattern: argosim: regexp compiles to more than", 0) ==
        0);
}

TEST_CASE("scenario: valid Go patterns pass, Unicode classes and inline flags included") {
  for (const char* pattern :
       {"OOMKilled", "'quota|(?i)timeout'", "'\\pL+'", "'(?P<n>x)'", "'a(?i:b)c'", "'\\p{Greek}'"}) {
    INFO(pattern);
    ParsedInput in = withPattern(pattern);
    INFO(argosim::test::dump(in.diagnostics));
    REQUIRE(count(in.diagnostics, Severity::Error) == 0);
    REQUIRE(in.scenario.controller.transientErrorPattern);
  }
}

TEST_CASE("scenario: an attempt's reason is main's termination reason (operator.go inferFailedReason)") {
  ParsedInput ok = parseInput(
      kWorkflow + "kind: Scenario\npods:\n  m: {run: 5s, exit: 137, reason: OOMKilled}\n", Limits{});
  REQUIRE(count(ok.diagnostics, Severity::Error) == 0);
  CHECK(ok.scenario.pods.at(0).second.attempts.at(0).reason == "OOMKilled");

  ParsedInput both = parseInput(
      kWorkflow + "kind: Scenario\npods:\n  m: {run: 5s, error: pod deleted, reason: OOMKilled}\n", Limits{});
  REQUIRE_DIAG(both.diagnostics, Severity::Error, 9, 44,
               "reason is the main container's termination reason; a pod that ends with `error` has none");
}

// executor.go CaptureScriptResult (stdout → outputs.result) and SaveParameters (valueFrom →
// outputs.parameters): the Scenario says what main prints and what the parameter files hold.
TEST_CASE("scenario: an attempt's result and output parameters are read as text") {
  ParsedInput in = parseInput(kWorkflow + "kind: Scenario\npods:\n"
                                          "  m:\n    attempts:\n"
                                          "      - {run: 5s, exit: 1, result: tails}\n"
                                          "      - {result: 42, parameters: {side: heads, count: 3}}\n",
                              Limits{});
  INFO(argosim::test::dump(in.diagnostics));
  REQUIRE(count(in.diagnostics, Severity::Error) == 0);
  const auto& attempts = in.scenario.pods.at(0).second.attempts;
  CHECK(attempts.at(0).result == std::optional<std::string>("tails"));
  CHECK(attempts.at(0).parameters.empty());
  CHECK(attempts.at(1).result == std::optional<std::string>("42")); // a number, as Argo's AnyString reads it
  REQUIRE(attempts.at(1).parameters.size() == 2);
  CHECK(attempts.at(1).parameters[0].first.value == "side");
  CHECK(attempts.at(1).parameters[0].second == "heads");
  CHECK(attempts.at(1).parameters[1].first.value == "count");
  CHECK(attempts.at(1).parameters[1].second == "3");
  CHECK_FALSE(ParsedInput(parseInput(kWorkflow + "kind: Scenario\npods:\n  m: {run: 5s}\n", Limits{}))
                  .scenario.pods.at(0)
                  .second.attempts.at(0)
                  .result); // not said: the engine decides (command inference, or "")
}

TEST_CASE("scenario: bad result and parameters are errors with line and column") {
  const auto parse = [](const std::string& entry) {
    return parseInput(kWorkflow + "kind: Scenario\npods:\n  m: " + entry + "\n", Limits{});
  };
  REQUIRE_DIAG(parse("{result: [a]}").diagnostics, Severity::Error, 9, 15,
               "expected a string, number or boolean, found a list");
  REQUIRE_DIAG(parse("{parameters: [a]}").diagnostics, Severity::Error, 9, 19,
               "expected a map, found a list");
  REQUIRE_DIAG(parse("{parameters: {side: {a: 1}}}").diagnostics, Severity::Error, 9, 26,
               "expected a string, number or boolean, found a map");
  REQUIRE_DIAG(parse("{parameters: {side: a, side: b}}").diagnostics, Severity::Error, 9, 29,
               "duplicate output parameter \"side\"");
  REQUIRE_DIAG(parse("{run: 5s, error: pod deleted, result: x}").diagnostics, Severity::Error, 9, 23,
               "a pod that ends with `error` reports no outputs: drop error, or result and parameters");
  REQUIRE_DIAG(parse("{results: x}").diagnostics, Severity::Error, 9, 7,
               "unknown field \"results\" in a pod attempt (did you mean \"result\"?)");
}
