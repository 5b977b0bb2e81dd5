// Argo's duration strings (utils.go: ParseStringToDuration) and RFC 3339 timestamps, as the parser needs
// them. Stand-ins until engine/time/duration.hpp and wall_clock.hpp land; then these forward to them.
#pragma once

#include "engine/time/nanos.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace argosim::parse_detail {

struct DurationResult {
  std::optional<Nanos> value;
  std::string error; // Go's text, e.g. `time: unknown unit "d" in duration "1d"`
};

// Go's time.ParseDuration: `90s`, `1h30m`, `1.5m`, `-2s`; `0` alone needs no unit; no `d`.
DurationResult parseGoDuration(std::string_view text);

// ParseStringToDuration: a whole number (strconv.Atoi) is seconds, else a Go duration. The error reads
// `unable to parse <s> as a duration: <Go error>`.
DurationResult parseArgoDurationText(std::string_view text);

// strconv.Atoi: optional sign, decimal digits, int64 range, nothing else.
std::optional<std::int64_t> goAtoi(std::string_view text);

// RFC 3339 (`2024-07-04T00:00:00Z`, `…+02:00`, fractional seconds allowed and dropped) → Unix seconds.
std::optional<std::int64_t> parseRfc3339Seconds(std::string_view text);

} // namespace argosim::parse_detail
