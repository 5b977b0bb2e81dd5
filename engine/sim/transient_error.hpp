// Whether a node's message is a transient error, as the OnTransientError retry policy decides (util/errors).
#pragma once

#include <string_view>

namespace argosim {

// util/errors/errors.go: IsTransientErr applied to InternalError(message) — a fixed list of substrings, or a
// match of the controller's TRANSIENT_ERROR_PATTERN (empty: no pattern). The pattern uses ECMAScript syntax
// here, which agrees with Go's RE2 on the patterns people write (literals, alternation, classes).
bool isTransientMessage(std::string_view message, std::string_view transientErrorPattern);

} // namespace argosim
