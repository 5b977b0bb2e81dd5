// Entry point of the parser: one YAML text (a Workflow and an optional Scenario) → the model plus
// diagnostics.
#pragma once

#include "engine/limits.hpp"
#include "engine/model/diagnostic.hpp"
#include "engine/model/scenario.hpp"
#include "engine/model/workflow.hpp"

#include <string_view>

namespace argosim {

struct ParsedInput {
  Workflow workflow;
  Scenario scenario;
  Diagnostics diagnostics;
  bool workflowFound = false;
};

// The suffix appended to metadata.generateName, standing in for the API server's 5 random characters, so that
// node names are reproducible: `generateName: wf-` → workflow `wf-abcde`.
inline constexpr std::string_view kGenerateNameSuffix = "abcde";

// Never throws; every problem is a Diagnostic with a 1-based line and column. Values are kept as written
// (negative numbers, unparsed backoff strings): deciding whether they are acceptable is the validator's and
// controller's job.
ParsedInput parseInput(std::string_view text, const Limits& limits);

} // namespace argosim
