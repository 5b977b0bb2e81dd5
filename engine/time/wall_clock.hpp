// Wall-clock timestamps as Kubernetes and Go print and read them (RFC 3339, time.Time.String()), in pure
// arithmetic.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace argosim {

// Go time.Parse(time.RFC3339, s) on its strict fast path (time/format_rfc3339.go parseRFC3339), as unix
// seconds: "YYYY-MM-DDThh:mm:ss[.digits](Z|±hh:mm)", year 0000..9999, real month lengths, fractional seconds
// truncated. nullopt for anything else.
std::optional<std::int64_t> parseRfc3339Seconds(std::string_view s);

// metav1.Time's JSON form: RFC 3339 in UTC, whole seconds: "2024-07-04T00:01:00Z".
std::string formatRfc3339(std::int64_t unixSeconds);

// Go time.Time.String() for a UTC time with no sub-second part: "2024-07-04 00:01:00 +0000 UTC".
std::string formatGoTimeString(std::int64_t unixSeconds);

} // namespace argosim
