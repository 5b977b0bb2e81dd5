// Argo's human-readable durations ("Backoff for 1 minute 30 seconds"), as util/humanize prints them.
#pragma once

#include "engine/time/nanos.hpp"

#include <string>

namespace argosim {

// util/humanize: TruncatedDuration — one unit, via go-humanize CustomRelTime with Argo's magnitude table.
// A negative duration is described by its size ("1 minute" for -90s).
std::string humanizeTruncatedDuration(Nanos d);

// util/humanize: Duration — up to two units: "59 seconds", "1 minute 30 seconds", "a long while 23 hours".
// Negative durations take the one-unit path (d.Seconds() < 60), so -90s is "1 minute".
std::string humanizeDuration(Nanos d);

} // namespace argosim
