// Whether a node's message is a transient error, as the OnTransientError retry policy decides (util/errors).
#pragma once

#include "engine/model/argo_profile.hpp"

#include <string_view>

namespace argosim {

// util/errors/errors.go: IsTransientErr applied to InternalError(message) — the release's fixed list of
// substrings, or a match of the controller's TRANSIENT_ERROR_PATTERN (empty: no pattern), a Go regexp
// (regexp.MatchString).
bool isTransientMessage(std::string_view message, std::string_view transientErrorPattern,
                        const ArgoProfile& profile = kArgoV41);

} // namespace argosim
