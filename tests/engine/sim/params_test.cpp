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
