// Warnings at template `timeout` / `pendingTimeout` strings that the controller cannot parse as durations.
#pragma once

#include "engine/model/argo_profile.hpp"
#include "engine/model/diagnostic.hpp"
#include "engine/model/workflow.hpp"

namespace argosim {

// validate.go only refuses a `timeout` that is a bare integer; any other string passes submission and is
// parsed at runtime by operator.go: checkTemplateTimeouts, as `profile`'s release reads it
// (engine/time/template_timeout.hpp), where a failure errors the node. These warnings say so at the field,
// before the run.
void warnUnparsableTimeouts(const Workflow& workflow, const ArgoProfile& profile, Diagnostics& out);

} // namespace argosim
