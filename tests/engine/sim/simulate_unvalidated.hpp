// Test helper: runs the operator on a text without the submission-time validation, for the controller's own
// handling of what validate.go would refuse up front (a reference it cannot resolve, for instance).
#pragma once

#include "engine/parse/parse_input.hpp"
#include "engine/sim/simulate.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

namespace argosim::test {

inline Result simulateUnvalidated(const std::string& text) {
  ParsedInput in = parseInput(text, Limits{});
  REQUIRE(in.workflowFound);
  return simulate(in.workflow, in.scenario, {}, Limits{});
}

} // namespace argosim::test
