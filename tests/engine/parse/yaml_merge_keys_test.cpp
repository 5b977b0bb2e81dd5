// YAML merge keys (`<<`) as Kubernetes' YAML→JSON step reads them: go-yaml v2 decode.go (decoder.merge),
// which sigs.k8s.io/yaml uses for workflow/common/parse.go toWorkflowTypeYAML.
#include "engine/argosim.hpp"
#include "engine/parse/parse_input.hpp"
#include "tests/engine/parse/diagnostics_matchers.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::count;

namespace {

const std::string kHeader = "apiVersion: argoproj.io/v1alpha1\n"
                            "kind: Workflow\n"
                            "metadata:\n"
                            "  name: wf\n"
                            "spec:\n"
                            "  entrypoint: main\n"
                            "  templates:\n"; // templates start on line 8

const Template* templateNamed(const ParsedInput& in, const std::string& name) {
  for (const auto& t : in.workflow.templates)
    if (t.name.value == name) return &t;
  return nullptr;
}

} // namespace

TEST_CASE("merge keys: a template takes the fields of the map it merges (go-yaml v2 decoder.merge)") {
  ParsedInput in = parseInput(kHeader + "  - &base\n"
                                        "    name: base\n"
                                        "    activeDeadlineSeconds: 30\n"
                                        "    container: {image: alpine, command: [sh, -c, \"exit 3\"]}\n"
                                        "  - <<: *base\n"
                                        "    name: main\n",
                              Limits{});
  const Template* main = templateNamed(in, "main");
  REQUIRE(main);
  REQUIRE(main->activeDeadlineSeconds);
  CHECK(main->activeDeadlineSeconds->intValue == 30);
  CHECK(main->command == std::vector<std::string>{"sh", "-c", "exit 3"});
  CHECK(count(in.diagnostics, Severity::Error) == 0);
}

TEST_CASE(
    "merge keys: overriding a merged key is taken, and warned about (go-yaml/yaml#410: --strict rejects "
    "it)") {
  ParsedInput in = parseInput(kHeader + "  - &base\n"
                                        "    name: base\n"
                                        "    container: {image: alpine}\n"
                                        "  - <<: *base\n"
                                        "    name: main\n",
                              Limits{});
  REQUIRE(templateNamed(in, "main"));
  REQUIRE_DIAG(
      in.diagnostics, Severity::Warning, 12, 5,
      "key \"name\" is set in the map and by the merge (<<) at line 11: argo submit and argo lint "
      "(--strict, their default) reject it with \"key \\\"name\\\" already set in map\"; otherwise the "
      "later one wins, as here");
}

TEST_CASE("merge keys: go-yaml v2 writes in document order, so a merge after a key overrides it") {
  ParsedInput in = parseInput(kHeader + "  - &base\n"
                                        "    name: base\n"
                                        "    activeDeadlineSeconds: 30\n"
                                        "    container: {image: alpine}\n"
                                        "  - name: main\n"
                                        "    activeDeadlineSeconds: 90\n"
                                        "    <<: *base\n",
                              Limits{});
  // The merge also brings `name: base`, so the second template is a second "base".
  REQUIRE_FALSE(templateNamed(in, "main"));
  CHECK(in.workflow.templates.size() == 2);
  CHECK(in.workflow.templates[1].activeDeadlineSeconds->intValue == 30);
  CHECK(count(in.diagnostics, Severity::Warning) >= 2);
}

TEST_CASE("merge keys: in a list of maps the earlier map wins (go-yaml v2 applies them last to first)") {
  ParsedInput in = parseInput(kHeader + "  - &a {name: a, activeDeadlineSeconds: 10}\n"
                                        "  - &b {name: b, activeDeadlineSeconds: 20, timeout: 5m}\n"
                                        "  - <<: [*a, *b]\n"
                                        "    name: main\n"
                                        "    container: {image: alpine}\n",
                              Limits{});
  const Template* main = templateNamed(in, "main");
  REQUIRE(main);
  CHECK(main->activeDeadlineSeconds->intValue == 10);
  REQUIRE(main->timeout);
  CHECK(main->timeout->value == "5m");
}

TEST_CASE("merge keys: only a plain << merges; a quoted one is an ordinary (unknown) key") {
  ParsedInput in = parseInput(kHeader + "  - &base {name: base, container: {image: alpine}}\n"
                                        "  - \"<<\": *base\n"
                                        "    name: main\n"
                                        "    container: {image: alpine}\n",
                              Limits{});
  REQUIRE_DIAG(in.diagnostics, Severity::Warning, 9, 5, "unknown field \"<<\" in a template: Argo drops it");
}

TEST_CASE("merge keys: a value that is not a map or a list of maps is an error at the value") {
  ParsedInput in = parseInput(kHeader + "  - <<: 5\n"
                                        "    name: main\n"
                                        "    container: {image: alpine}\n"
                                        "  - <<: [{name: x}, 7]\n"
                                        "    name: other\n",
                              Limits{});
  REQUIRE_DIAG(in.diagnostics, Severity::Error, 8, 9,
               "map merge requires map or sequence of maps as the value, found the number 5");
  REQUIRE_DIAG(in.diagnostics, Severity::Error, 11, 9,
               "map merge requires map or sequence of maps as the value, found a list");
}

TEST_CASE("merge keys: also in the Scenario and in withItems values") {
  ParsedInput in = parseInput(kHeader + "  - name: main\n"
                                        "    steps:\n"
                                        "    - - name: s\n"
                                        "        template: leaf\n"
                                        "        withItems:\n"
                                        "        - &item {os: linux, arch: amd64}\n"
                                        "        - {<<: *item, arch: arm64}\n"
                                        "  - name: leaf\n"
                                        "    container: {image: alpine}\n"
                                        "---\n"
                                        "kind: Scenario\n"
                                        "pods:\n"
                                        "  leaf: &fail {run: 5s, exit: 1}\n"
                                        "  main: {<<: *fail, run: 7s}\n",
                              Limits{});
  REQUIRE(in.workflow.templates.size() == 2);
  const auto& items = *in.workflow.templates[0].steps.at(0).at(0).withItems;
  REQUIRE(items.size() == 2);
  CHECK(items[1].value == nlohmann::json{{"os", "linux"}, {"arch", "arm64"}});
  REQUIRE(in.scenario.pods.size() == 2);
  const AttemptBehaviour& main = in.scenario.pods[1].second.attempts.at(0);
  CHECK(main.exitCode == 1);
  CHECK(main.run == Nanos{7 * kSecond});
}

TEST_CASE("merge keys: a map that merges itself is an error, as go-yaml's \"anchor value contains itself\"") {
  ParsedInput in = parseInput(kHeader + "  - &self\n"
                                        "    name: main\n"
                                        "    <<: *self\n"
                                        "    container: {image: alpine}\n",
                              Limits{});
  REQUIRE_DIAG(in.diagnostics, Severity::Error, 10, 5,
               "the merged map contains this merge itself (go-yaml: anchor value contains itself)");
}

TEST_CASE("merge keys: texts merged into a template keep their place for resolveAllVariables (validate.go "
          "validateLeaf skips inputs)") {
  // Argo does not check the strings under a template's inputs; merged in, they are still inputs.
  const std::string text = kHeader +
                           "  - &base\n"
                           "    name: base\n"
                           "    inputs: {parameters: [{name: p, value: \"{{workflow.parameters.unset}}\"}]}\n"
                           "    container: {image: alpine}\n"
                           "  - <<: *base\n"
                           "    name: main\n";
  const Result r = simulateText(text);
  INFO(argosim::test::dump(r.diagnostics));
  CHECK(count(r.diagnostics, Severity::Error) == 0);
  CHECK(r.workflow.phase == "Succeeded");
}
