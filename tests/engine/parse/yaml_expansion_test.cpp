// The alias-expansion bound over parts of a Workflow the schema readers skip
// (engine/parse/yaml_expansion.cpp). go-yaml's decoder (decode.go: allowedAliasRatio) refuses "excessive
// aliasing" wherever the aliases are.
#include "engine/parse/parse_input.hpp"
#include "tests/engine/parse/diagnostics_matchers.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::count;

namespace {

// Five levels of ten aliases each under metadata.annotations, which no reader looks into.
std::string laughsInAnnotations() {
  std::string text =
      "kind: Workflow\nmetadata:\n  name: w\n  annotations:\n    l0: &l0 [x, x, x, x, x, x, x, x, "
      "x, x]\n";
  for (int i = 1; i < 5; ++i) {
    std::string prev = "*l" + std::to_string(i - 1);
    text += "    l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j)
      text += (j ? ", " : "") + prev;
    text += "]\n";
  }
  return text + "spec:\n  entrypoint: m\n  templates:\n    - {name: m, container: {image: a}}\n";
}

} // namespace

TEST_CASE("alias expansion: a billion laughs under metadata.annotations is refused like any other") {
  Limits limits;
  limits.maxYamlNodes = 10000;
  ParsedInput in = parseInput(laughsInAnnotations(), limits);
  INFO(argosim::test::dump(in.diagnostics));
  REQUIRE(count(in.diagnostics, Severity::Error) == 1);
  REQUIRE(in.diagnostics.back().message ==
          "the YAML expands to more than 10000 values (aliases are copied each time they are used): reading "
          "stopped (limit maxYamlNodes)");
  REQUIRE(in.diagnostics.back().pos.line >= 5);
}

TEST_CASE("alias expansion: the same text under a larger bound passes") {
  ParsedInput in = parseInput(laughsInAnnotations(), Limits{}); // ~124 000 nodes < 500 000
  INFO(argosim::test::dump(in.diagnostics));
  REQUIRE(count(in.diagnostics, Severity::Error) == 0);
  REQUIRE(in.workflowFound);
}

TEST_CASE(
    "alias expansion: a long chain of nested aliases in a skipped field is bounded by size, not depth") {
  // Argo drops an unknown field after decoding it; 200 levels through aliases are few nodes.
  std::string text = "kind: Workflow\nx:\n  k0: &k0 {n: 0}\n";
  for (int i = 1; i < 200; ++i)
    text +=
        "  k" + std::to_string(i) + ": &k" + std::to_string(i) + " {n: *k" + std::to_string(i - 1) + "}\n";
  text += "metadata: {name: w}\nspec:\n  entrypoint: m\n  templates: [{name: m, container: {image: a}}]\n";
  ParsedInput in = parseInput(text, Limits{});
  INFO(argosim::test::dump(in.diagnostics));
  REQUIRE(count(in.diagnostics, Severity::Error) == 0);
}

TEST_CASE("alias expansion: an alias of its own anchor in a skipped field ends") {
  ParsedInput in = parseInput("kind: Workflow\nmetadata:\n  name: w\n  annotations: &a {x: *a}\nspec:\n"
                              "  entrypoint: m\n  templates: [{name: m, container: {image: a}}]\n",
                              Limits{});
  REQUIRE(in.workflowFound); // refused or not, whatever yaml-cpp makes of it, reading ends
}
