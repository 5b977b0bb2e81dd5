// parse → validate → simulate, with every failure turned into diagnostics (the engine never throws outward).
#include "engine/argosim.hpp"

#include "engine/parse/parse_input.hpp"
#include "engine/sim/simulate.hpp"
#include "engine/validate/validate_workflow.hpp"

#include <exception>

namespace argosim {

Result simulateText(std::string_view yaml, const Limits& limits, const ArgoProfile& profile) {
  Result result;
  try {
    ParsedInput input = parseInput(yaml, limits);
    if (!input.workflowFound || hasErrors(input.diagnostics)) {
      result.diagnostics = std::move(input.diagnostics);
      result.simulated = false;
      return result;
    }
    Diagnostics validation = validateWorkflow(input.workflow);
    result = simulate(input.workflow, input.scenario, validation, limits, profile);
    Diagnostics all = std::move(input.diagnostics);
    all.insert(all.end(), validation.begin(), validation.end());
    all.insert(all.end(), result.diagnostics.begin(), result.diagnostics.end());
    result.diagnostics = std::move(all);
  } catch (const std::exception& e) {
    result = Result{};
    result.diagnostics.push_back({Severity::Error, {}, "", std::string("internal error: ") + e.what()});
  }
  return result;
}

} // namespace argosim
