#include "engine/parse/argo_duration.hpp"

#include "engine/time/duration.hpp"
#include "engine/time/wall_clock.hpp"

namespace argosim::parse_detail {

DurationResult parseArgoDurationText(std::string_view text) {
  argosim::DurationResult r = argosim::parseArgoDuration(text);
  DurationResult out;
  if (r.ok)
    out.value = r.value;
  else
    out.error = r.error;
  return out;
}

std::optional<std::int64_t> goAtoi(std::string_view text) {
  GoAtoiResult r = argosim::goAtoi(text);
  if (!r.ok) return std::nullopt;
  return r.value;
}

std::optional<std::int64_t> parseRfc3339Seconds(std::string_view text) {
  return argosim::parseRfc3339Seconds(text);
}

} // namespace argosim::parse_detail
