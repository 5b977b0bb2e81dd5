// Virtual time and durations: signed 64-bit nanoseconds, as Go's time.Duration, with saturating sums.
#pragma once

#include <cstdint>
#include <limits>

namespace argosim {

using Nanos = std::int64_t;

inline constexpr Nanos kNanosecond = 1;
inline constexpr Nanos kMicrosecond = 1000;
inline constexpr Nanos kMillisecond = 1000 * kMicrosecond;
inline constexpr Nanos kSecond = 1000 * kMillisecond;
inline constexpr Nanos kMinute = 60 * kSecond;
inline constexpr Nanos kHour = 60 * kMinute;
inline constexpr Nanos kMaxNanos = std::numeric_limits<Nanos>::max();
inline constexpr Nanos kMinNanos = std::numeric_limits<Nanos>::min();

// Go's time.Time does not overflow within ±292 years of a start; a sum that would leave int64 pins to the
// edge.
constexpr Nanos addSaturating(Nanos a, Nanos b) {
  if (b > 0 && a > kMaxNanos - b) return kMaxNanos;
  if (b < 0 && a < kMinNanos - b) return kMinNanos;
  return a + b;
}

constexpr double toSeconds(Nanos n) {
  return static_cast<double>(n) / static_cast<double>(kSecond);
}

} // namespace argosim
