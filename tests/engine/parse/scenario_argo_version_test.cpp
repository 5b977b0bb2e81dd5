// The Scenario's controller.argoVersion (engine/parse/scenario_reader.cpp): the release to simulate, refused
// with its position when argosim has no profile for it.
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

ParsedInput withVersion(const std::string& version) {
  return parseInput(kWorkflow + "kind: Scenario\ncontroller:\n  argoVersion: " + version + "\n", Limits{});
}

} // namespace

TEST_CASE("scenario argoVersion: a minor or a patch picks the profile; none means v4.1") {
  CHECK(parseInput(kWorkflow + "kind: Scenario\n", Limits{}).scenario.controller.argoProfile == nullptr);
  CHECK(withVersion("v3.6").scenario.controller.argoProfile == &kArgoV36);
  CHECK(withVersion("3.7").scenario.controller.argoProfile == &kArgoV37); // a YAML number, read as written
  CHECK(withVersion("4.0").scenario.controller.argoProfile == &kArgoV40);
  const ParsedInput patch = withVersion("v3.5.15");
  CHECK(patch.scenario.controller.argoProfile == &kArgoV35);
  CHECK(patch.diagnostics.empty());
}

TEST_CASE("scenario argoVersion: an unknown release is an error at the value listing the accepted ones") {
  const ParsedInput in = withVersion("v3.4");
  REQUIRE_DIAG(
      in.diagnostics, Severity::Error, 9, 16,
      "\"v3.4\" is not an Argo release argosim simulates: write one of v3.5, v3.6, v3.7, v4.0, v4.1 (a "
      "patch such as v3.6.12 maps to its minor's profile)");
  CHECK(in.scenario.controller.argoProfile == nullptr);
  REQUIRE(count(withVersion("[v3.6]").diagnostics, Severity::Error) == 1);
  REQUIRE_DIAG(withVersion("").diagnostics, Severity::Error, 9, 3,
               "argoVersion is empty: write one of v3.5, v3.6, v3.7, v4.0, v4.1");
}

TEST_CASE("scenario argoVersion: a patch older than a fix its profile has gets an info at the value") {
  const ParsedInput in = withVersion("v3.6.12");
  CHECK(in.scenario.controller.argoProfile == &kArgoV36);
  REQUIRE_DIAG(
      in.diagnostics, Severity::Info, 9, 16,
      "v3.6.12 is simulated with the v3.6 profile, read from v3.6.19, which has fixes v3.6.12 lacks: "
      "the backoff wait is clamped instead of overflowing (#15277) from v3.6.18");
  CHECK(count(in.diagnostics, Severity::Error) == 0);
}
