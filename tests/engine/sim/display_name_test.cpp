// operator.go initializeNode: a node's display name is its name after the boundary node's name, with one
// leading stepsOrDagSeparator (`^(\[\d+\])?\.`) removed.
#include "engine/argosim.hpp"

#include <catch2/catch_test_macros.hpp>
#include <map>
#include <string>

using namespace argosim;

namespace {
std::map<std::string, std::string> displayNames(const std::string& yaml) {
  std::map<std::string, std::string> out;
  for (const auto& node : simulateText(yaml).nodes)
    out[node.name] = node.displayName;
  return out;
}
} // namespace

TEST_CASE("operator.go initializeNode: display names under steps drop the group index and the dot") {
  const auto names = displayNames(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: wf}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - name: a
        template: leaf
        withItems: [x]
    - - name: b
        template: flaky
  - name: leaf
    container: {image: alpine, command: [sh, -c, "exit 0"]}
  - name: flaky
    retryStrategy: {limit: 1}
    container: {image: alpine, command: [sh, -c, "exit 0"]}
)");
  CHECK(names.at("wf") == "wf");
  CHECK(names.at("wf[0]") == "[0]"); // the group itself keeps its index: no dot follows it
  CHECK(names.at("wf[0].a(0:x)") == "a(0:x)");
  CHECK(names.at("wf[1].b") == "b");
  CHECK(names.at("wf[1].b(0)") == "b(0)"); // a retry's child: boundary is the steps node
}

TEST_CASE("operator.go initializeNode: display names under a DAG drop the dot") {
  const auto names = displayNames(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: wf}
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
      - {name: A, template: leaf}
      - {name: B, template: leaf, dependencies: [A]}
  - name: leaf
    container: {image: alpine, command: [sh, -c, "exit 0"]}
)");
  CHECK(names.at("wf.A") == "A");
  CHECK(names.at("wf.B") == "B");
}
