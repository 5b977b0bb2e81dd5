#include "engine/validate/dag_dependencies.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace argosim;

// workflow/common/ancestry.go: GetTaskDependencies' taskNameRegex, leftmost-first.
TEST_CASE("ancestry.go: GetTaskDependencies — names and results in a depends expression") {
  auto m = scanDependsExpression("(a.Succeeded || b-2.Failed) && !c && d.AnySucceeded");
  REQUIRE(m.size() == 4);
  REQUIRE(m[0].task == "a");
  REQUIRE(m[0].result == "Succeeded");
  REQUIRE(m[1].task == "b-2");
  REQUIRE(m[1].result == "Failed");
  REQUIRE(m[2].task == "c");
  REQUIRE(m[2].result.empty());
  REQUIRE(m[3].result == "AnySucceeded");
  // A lower-case result is not a result: `succeeded` becomes a task name of its own.
  auto lower = scanDependsExpression("a.succeeded");
  REQUIRE(lower.size() == 2);
  REQUIRE(lower[1].task == "succeeded");
}

TEST_CASE("ancestry.go: getTaskDependsLogic — dependencies expand to name.Succeeded") {
  DagTask t;
  t.dependencies = {{"a", {}}, {"b", {}}, {"a", {}}};
  auto deps = taskDependencies(t);
  REQUIRE(deps.size() == 2);
  REQUIRE(deps[0].task == "a");
  REQUIRE_FALSE(deps[0].itemsBased);
  DagTask d;
  d.depends = Located<std::string>{"x.AllFailed || x.Succeeded", {}};
  auto items = taskDependencies(d);
  REQUIRE(items.size() == 1);
  REQUIRE(items[0].itemsBased);
}
