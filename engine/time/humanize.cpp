#include "engine/time/humanize.hpp"

#include <cmath>
#include <cstdint>
#include <string>

namespace argosim {

namespace {

// go-humanize's calendar: a month is 30 days and a year 360 days (12 such months).
constexpr Nanos kDay = 24 * kHour;
constexpr Nanos kWeek = 7 * kDay;
constexpr Nanos kMonth = 30 * kDay;
constexpr Nanos kYear = 12 * kMonth;
constexpr Nanos kLongTime = 37 * kYear;

// One row of util/humanize's relativeMagnitudes: used for the first row whose bound exceeds the duration.
// `divBy == 0` marks a fixed text; otherwise the text is "<d/divBy><suffix>".
struct Magnitude {
  Nanos below;
  const char* text;
  Nanos divBy;
};

constexpr Magnitude kMagnitudes[] = {
    {kSecond, "0 seconds", 0},    {2 * kSecond, "1 second", 0},   {kMinute, " seconds", kSecond},
    {2 * kMinute, "1 minute", 0}, {kHour, " minutes", kMinute},   {2 * kHour, "1 hour", 0},
    {kDay, " hours", kHour},      {2 * kDay, "1 day", 0},         {kWeek, " days", kDay},
    {2 * kWeek, "1 week", 0},     {kMonth, " weeks", kWeek},      {2 * kMonth, "1 month", 0},
    {kYear, " months", kMonth},   {18 * kMonth, "1 year", 0},     {2 * kYear, "2 years", 0},
    {kLongTime, " years", kYear}, {kMaxNanos, "a long while", 0},
};

// Go's Duration.Seconds/Minutes/Hours: whole units plus the remainder as a fraction, in this float order.
double unitsOf(Nanos d, Nanos unit) {
  return static_cast<double>(d / unit) + static_cast<double>(d % unit) / static_cast<double>(unit);
}

} // namespace

std::string humanizeTruncatedDuration(Nanos d) {
  // TruncatedDuration measures time.Time{}.Add(d) against time.Time{}; CustomRelTime takes the absolute gap,
  // and time.Time.Sub saturates, so -2^63 (whose absolute value does not fit) reads as MaxInt64.
  const Nanos diff = d >= 0 ? d : (d == kMinNanos ? kMaxNanos : -d);
  // sort.Search for the first row whose bound exceeds diff; none does for MaxInt64, which then takes the
  // last.
  const Magnitude* row = &kMagnitudes[sizeof kMagnitudes / sizeof kMagnitudes[0] - 1];
  for (const Magnitude& m : kMagnitudes) {
    if (m.below > diff) {
      row = &m;
      break;
    }
  }
  if (row->divBy == 0) return row->text;
  return std::to_string(diff / row->divBy) + row->text;
}

std::string humanizeDuration(Nanos d) {
  // humanize.go Duration: the second unit is int64(math.Mod(<float units>, n)).
  if (unitsOf(d, kSecond) < 60.0) return humanizeTruncatedDuration(d);
  if (unitsOf(d, kMinute) < 60.0) {
    const auto seconds = static_cast<std::int64_t>(std::fmod(unitsOf(d, kSecond), 60));
    return humanizeTruncatedDuration(d) + " " + std::to_string(seconds) + " seconds";
  }
  if (unitsOf(d, kHour) < 24.0) {
    const auto minutes = static_cast<std::int64_t>(std::fmod(unitsOf(d, kMinute), 60));
    return humanizeTruncatedDuration(d) + " " + std::to_string(minutes) + " minutes";
  }
  const auto hours = static_cast<std::int64_t>(std::fmod(unitsOf(d, kHour), 24));
  return humanizeTruncatedDuration(d) + " " + std::to_string(hours) + " hours";
}

} // namespace argosim
