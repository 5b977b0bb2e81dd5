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
  REQUIRE(withPattern("'x{1001}'").diagnostics.size() == 1); // Go's repeat limit, which std::regex lacks
}

TEST_CASE("scenario: valid Go patterns pass, even those std::regex could not express") {
  for (const char* pattern : {"OOMKilled", "'quota|(?i)timeout'", "'\\pL+'", "'(?P<n>x)'"}) {
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
