// A template's `timeout` / `pendingTimeout` read the way the simulated release's controller reads it.
#pragma once

#include "engine/model/argo_profile.hpp"
#include "engine/time/duration.hpp"

#include <string_view>

namespace argosim {

// operator.go: getTimeoutAsDeadline (v4.1: ParseStringToDuration, "60" is 60 s) or checkTemplateTimeout
// (before: time.ParseDuration, "60" lacks a unit). On failure `error` is the node's whole message, e.g.
// `invalid timeout format. time: unknown unit "d" in duration "1d"` before v4.1.
DurationResult parseTemplateTimeout(std::string_view text, const ArgoProfile& profile);

} // namespace argosim
