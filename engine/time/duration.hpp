// Duration strings as Argo reads them: Go's time.ParseDuration and Argo's ParseStringToDuration, same errors.
#pragma once

#include "engine/time/nanos.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace argosim {

struct DurationResult {
  bool ok = false;
  Nanos value = 0;
  std::string error; // Go's err.Error(), byte for byte; empty when ok
};

// Go time.ParseDuration: "1h30m", "-1.5s", "300ms"; errors such as `time: missing unit in duration "1.5"`.
DurationResult parseGoDuration(std::string_view s);

// Argo v1alpha1 utils.go ParseStringToDuration: an Atoi-able string is whole seconds, else a Go duration,
// else `unable to parse <s> as a duration: <Go error>`.
DurationResult parseArgoDuration(std::string_view s);

// Go strconv.Atoi on a 64-bit platform (what the controller runs on): syntax and range failures both fail.
// On failure `value` is what Atoi returns with its error: 0 for a syntax error, the clamped bound for a range
// error (k8s IntOrString.IntValue() discards the error and keeps that value).
struct GoAtoiResult {
  bool ok = false;
  std::int64_t value = 0;
};
GoAtoiResult goAtoi(std::string_view s);

// Go time's quote(): the string in double quotes with `"` and `\` escaped and bytes < 0x20 or >= 0x80 as
// \xNN.
std::string goTimeQuote(std::string_view s);

} // namespace argosim
