// The CLI's --text view of a Result: a node table and a timeline whose columns line up.
#include "engine/argosim.hpp"
#include "engine/result/result_text.hpp"

#include <catch2/catch_test_macros.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {
std::vector<std::string> linesAfter(const std::string& text, const std::string& heading) {
  std::istringstream in(text.substr(text.find(heading + "\n") + heading.size() + 1));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line) && !line.empty();)
    lines.push_back(line);
  return lines;
}
} // namespace

TEST_CASE(
    "text view: timeline columns are as wide as the longest node name, so names never run into events") {
  const char* yaml = R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: a-workflow-with-a-rather-long-name}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: work, template: flaky, withItems: [first-item-with-a-long-name]}
  - name: flaky
    retryStrategy: {limit: 1}
    container: {image: alpine, command: [sh, -c, "exit 0"]}
)";
  const std::string text = argosim::resultToText(argosim::simulateText(yaml));
  const auto events = linesAfter(text, "TIMELINE");
  REQUIRE(events.size() > 4);
  const std::string longest = "a-workflow-with-a-rather-long-name[0].work(0:first-item-with-a-long-name)(0)";
  REQUIRE(text.find(longest) != std::string::npos);
  // every event's kind starts in the same column, two spaces after the longest name
  const std::size_t kindColumn = 10 + longest.size() + 2;
  for (const auto& line : events) {
    INFO(line);
    REQUIRE(line.size() > kindColumn);
    CHECK(line[kindColumn - 1] == ' ');
    CHECK(line[kindColumn] != ' ');
  }
}

TEST_CASE(
    "text view: WHY is endedBy then the message, without repeating a word Argo's message already starts "
    "with") {
  const char* yaml = R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: wf}
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
      - {name: A, template: fail}
      - {name: B, template: fail, depends: A.Succeeded}
  - name: fail
    container: {image: alpine, command: [sh, -c, "exit 1"]}
)";
  const std::string text = argosim::resultToText(argosim::simulateText(yaml));
  INFO(text);
  CHECK(text.find("exit: main: Error (exit code 1)") != std::string::npos);
  // dag.go: an omitted task's message is "omitted: depends condition not met"
  CHECK(text.find("  omitted: depends condition not met") != std::string::npos);
  CHECK(text.find("omitted: omitted:") == std::string::npos);
}

TEST_CASE("text view: an OUTPUTS section lists the nodes that have outputs, values quoted on one line") {
  argosim::Result r;
  r.nodes.resize(3);
  r.nodes[0].name = "wf";
  r.nodes[1].name = "wf[0].flip";
  r.nodes[1].outputs.result = "heads\nand \"tails\"";
  r.nodes[1].outputs.parameters = {{"side", "H"}};
  r.nodes[2].name = "wf[0].flip(0)";
  r.nodes[2].outputs.parameters = {{"side", "T"}};
  const auto lines = linesAfter(argosim::resultToText(r), "OUTPUTS");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "wf[0].flip     result \"heads\\nand \\\"tails\\\"\"  side \"H\"");
  CHECK(lines[1] == "wf[0].flip(0)  side \"T\"");
  CHECK(argosim::resultToText(argosim::Result{}).find("OUTPUTS") == std::string::npos);
}

TEST_CASE("text view: the first line names the Argo release simulated") {
  argosim::Result r;
  r.workflow.name = "wf";
  r.workflow.phase = "Succeeded";
  r.argoVersion = "v3.6";
  CHECK(argosim::resultToText(r).rfind("workflow wf (Argo v3.6): Succeeded\n", 0) == 0);
}
