// The parser's view of Argo durations and RFC 3339 times, adapting engine/time to optional-returning helpers.
#pragma once

#include "engine/time/nanos.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace argosim::parse_detail {

struct DurationResult {
  std::optional<Nanos> value;
  std::string
      error; // Argo's text, e.g. `unable to parse 1d as a duration: time: unknown unit "d" in duration "1d"`
};

// utils.go: ParseStringToDuration (engine/time/duration.hpp: parseArgoDuration).
DurationResult parseArgoDurationText(std::string_view text);

// strconv.Atoi: optional sign, decimal digits, int64 range, nothing else.
std::optional<std::int64_t> goAtoi(std::string_view text);

// RFC 3339 → Unix seconds (engine/time/wall_clock.hpp).
std::optional<std::int64_t> parseRfc3339Seconds(std::string_view text);

} // namespace argosim::parse_detail
