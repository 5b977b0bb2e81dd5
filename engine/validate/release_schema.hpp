// What the simulated release's Workflow schema does before validation: fields it lacks are dropped, and
// (v4.0+) the CRD's enum refuses an unknown retryPolicy.
#pragma once

#include "engine/model/argo_profile.hpp"
#include "engine/model/diagnostic.hpp"
#include "engine/model/workflow.hpp"

namespace argosim {

// Removes from `workflow` the fields `profile`'s release does not have (backoff.cap before v3.7,
// pendingTimeout before v4.1), each with a warning saying what that release does with it. An Error is a
// value the release's CRD schema refuses, so no Workflow would exist to simulate.
Diagnostics applyReleaseSchema(Workflow& workflow, const ArgoProfile& profile);

} // namespace argosim
