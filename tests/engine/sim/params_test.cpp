// `{{…}}` substitution of the parameters the simulation reads (common.ProcessArgs, template.Replace).
#include "engine/sim/params.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace argosim;

TEST_CASE("params: known references are replaced, with or without inner spaces") {
  const Params p = {{"inputs.parameters.ads", "5"}, {"retries", "2"}};
  CHECK(substituteParams("{{inputs.parameters.ads}}", p) == "5");
  CHECK(substituteParams("try {{ retries }} of 3", p) == "try 2 of 3");
}

TEST_CASE("params: unknown and unterminated references are left as written") {
  const Params p = {{"item", "a"}};
  CHECK(substituteParams("{{steps.x.status}} == {{item}}", p) == "{{steps.x.status}} == a");
  CHECK(substituteParams("{{item", p) == "{{item");
}

// util/template ReplaceStrictAny(…, ["steps", "tasks"]) as steps.go resolveReferences and dag.go
// resolveDependencyReferences call it: only `steps.…` / `tasks.…` tags must resolve; artifacts resolve later.
TEST_CASE("params: the first steps./tasks. reference that cannot be resolved") {
  const Params scope{{"steps.flip.outputs.result", "heads"}, {"tasks.A.status", "Succeeded"}};
  CHECK_FALSE(unresolvedReference("{{steps.flip.outputs.result}} == heads", scope));
  CHECK_FALSE(
      unresolvedReference("{{ tasks.A.status }} {{item}} {{inputs.parameters.x}} {{workflow.name}}", scope));
  CHECK(unresolvedReference("{{steps.flip.outputs.parameters.side}}", scope) ==
        std::optional<std::string>("steps.flip.outputs.parameters.side"));
  CHECK(unresolvedReference("{{tasks.A.status}}-{{ tasks.B.outputs.result }}", scope) ==
        std::optional<std::string>("tasks.B.outputs.result"));
  CHECK_FALSE(unresolvedReference("{{steps.gen.outputs.artifacts.out}}", scope));
  CHECK_FALSE(unresolvedReference("{{stepsX.a}} {{tasksfoo}}", scope)); // a whole dot-segment only
  CHECK(unresolvedReference("{{steps}}", scope) == std::optional<std::string>("steps"));
  // A step that has run (its id is in scope) is not waited for: what it left out stays as written.
  const Params ran{{"steps.flip.id", "wf-1"}, {"steps.flip.status", "Succeeded"}};
  CHECK_FALSE(unresolvedReference("{{steps.flip.outputs.parameters.side}} {{steps.flip.ip}}", ran));
  CHECK(unresolvedReference("{{steps.other.outputs.result}}", ran) ==
        std::optional<std::string>("steps.other.outputs.result"));
}
