// Runs the simulated controller over virtual time until the workflow completes, stalls, or hits a bound.
#pragma once

#include "engine/limits.hpp"
#include "engine/model/argo_profile.hpp"
#include "engine/model/diagnostic.hpp"
#include "engine/model/scenario.hpp"
#include "engine/model/workflow.hpp"
#include "engine/result/result.hpp"

namespace argosim {

// `validation` holds the validator's findings: an error among them fails the workflow as `invalid spec: …`
// at t = 0, as the controller's first reconcile does.
Result simulate(const Workflow& workflow, const Scenario& scenario, const Diagnostics& validation,
                const Limits& limits, const ArgoProfile& profile = kArgoV41);

} // namespace argosim
