// parse → validate → simulate, with every failure turned into diagnostics (the engine never throws outward).
#include "engine/argosim.hpp"

#include "engine/parse/parse_input.hpp"
#include "engine/sim/simulate.hpp"
#include "engine/validate/release_schema.hpp"
#include "engine/validate/validate_workflow.hpp"

#include <exception>

namespace argosim {
namespace {

// `forced` (the caller's choice) wins over the Scenario's argoVersion, which wins over v4.1.
Result run(std::string_view yaml, const Limits& limits, const ArgoProfile* forced) {
  Result result;
  try {
    ParsedInput input = parseInput(yaml, limits);
    const ArgoProfile* chosen = input.scenario.controller.argoProfile;
    if (forced && chosen && chosen->version != forced->version)
      input.diagnostics.push_back({Severity::Info, input.scenario.controller.argoVersionPos,
                                   "controller.argoVersion",
                                   "argoVersion " + std::string(chosen->version) +
                                       " is overridden: simulating " + std::string(forced->version)});
    const ArgoProfile& profile = forced ? *forced : chosen ? *chosen : kArgoV41;
    if (input.workflowFound && !hasErrors(input.diagnostics)) {
      Diagnostics schema = applyReleaseSchema(input.workflow, profile);
      input.diagnostics.insert(input.diagnostics.end(), schema.begin(), schema.end());
    }
    if (!input.workflowFound || hasErrors(input.diagnostics)) {
      result.diagnostics = std::move(input.diagnostics);
      result.simulated = false;
      result.argoVersion = std::string(profile.version);
      return result;
    }
    Diagnostics validation = validateWorkflow(input.workflow, profile);
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

} // namespace

Result simulateText(std::string_view yaml, const Limits& limits) {
  return run(yaml, limits, nullptr);
}

Result simulateText(std::string_view yaml, const Limits& limits, const ArgoProfile& profile) {
  return run(yaml, limits, &profile);
}

} // namespace argosim
