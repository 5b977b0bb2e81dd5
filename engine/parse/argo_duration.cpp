#include "engine/parse/argo_duration.hpp"

#include <limits>

namespace argosim::parse_detail {
namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

std::string quoted(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

} // namespace

std::optional<std::int64_t> goAtoi(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool negative = false;
  std::size_t i = 0;
  if (s[0] == '+' || s[0] == '-') {
    negative = s[0] == '-';
    i = 1;
  }
  if (i == s.size()) return std::nullopt;
  // Accumulate as a negative number so that INT64_MIN fits.
  std::int64_t value = 0;
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  for (; i < s.size(); ++i) {
    if (!isDigit(s[i])) return std::nullopt;
    int digit = s[i] - '0';
    if (value < kMin / 10 || value * 10 < kMin + digit) return std::nullopt;
    value = value * 10 - digit;
  }
  if (!negative) {
    if (value == kMin) return std::nullopt;
    value = -value;
  }
  return value;
}

// Re-expresses time.ParseDuration's grammar and its error texts (Go: src/time/format.go).
DurationResult parseGoDuration(std::string_view text) {
  DurationResult result;
  auto invalid = [&] {
    result.error = "time: invalid duration " + quoted(text);
    return result;
  };
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") {
    result.value = 0;
    return result;
  }
  if (s.empty()) return invalid();
  // Go sums in uint64 up to 1<<63 (allowing -9223372036854775808ns).
  constexpr unsigned long long kLimit = 1ULL << 63;
  unsigned long long total = 0;
  while (!s.empty()) {
    if (!(s[0] == '.' || isDigit(s[0]))) return invalid();
    unsigned long long whole = 0;
    std::size_t i = 0;
    bool overflow = false;
    while (i < s.size() && isDigit(s[i])) {
      if (whole > (kLimit - 1) / 10) overflow = true;
      whole = whole * 10 + static_cast<unsigned>(s[i] - '0');
      if (whole > kLimit) overflow = true;
      ++i;
    }
    if (overflow) return invalid();
    bool hadWhole = i > 0;
    unsigned long long frac = 0;
    double scale = 1;
    bool hadFrac = false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      std::size_t fracStart = i;
      while (i < s.size() && isDigit(s[i])) {
        if (frac < (1ULL << 62) / 10) {
          frac = frac * 10 + static_cast<unsigned>(s[i] - '0');
          scale *= 10;
        }
        ++i;
      }
      hadFrac = i > fracStart;
    }
    if (!hadWhole && !hadFrac) return invalid();
    std::size_t unitStart = i;
    while (i < s.size() && s[i] != '.' && !isDigit(s[i]))
      ++i;
    if (i == unitStart) {
      result.error = "time: missing unit in duration " + quoted(text);
      return result;
    }
    std::string_view unit = s.substr(unitStart, i - unitStart);
    unsigned long long perUnit = 0;
    if (unit == "ns")
      perUnit = 1;
    else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs")
      perUnit = 1000;
    else if (unit == "ms")
      perUnit = 1000000;
    else if (unit == "s")
      perUnit = 1000000000ULL;
    else if (unit == "m")
      perUnit = 60ULL * 1000000000ULL;
    else if (unit == "h")
      perUnit = 3600ULL * 1000000000ULL;
    else {
      result.error = "time: unknown unit " + quoted(unit) + " in duration " + quoted(text);
      return result;
    }
    if (whole > kLimit / perUnit) return invalid();
    unsigned long long v = whole * perUnit;
    if (frac > 0) {
      v +=
          static_cast<unsigned long long>(static_cast<double>(frac) * (static_cast<double>(perUnit) / scale));
      if (v > kLimit) return invalid();
    }
    total += v;
    if (total > kLimit) return invalid();
    s.remove_prefix(i);
  }
  if (!negative && total > kLimit - 1) return invalid();
  result.value = negative ? static_cast<Nanos>(0ULL - total) : static_cast<Nanos>(total);
  return result;
}

DurationResult parseArgoDurationText(std::string_view text) {
  DurationResult result;
  if (auto seconds = goAtoi(text)) {
    // Go multiplies without an overflow check; saturating is the bounded equivalent for huge inputs.
    if (*seconds > kMaxNanos / kSecond)
      result.value = kMaxNanos;
    else if (*seconds < kMinNanos / kSecond)
      result.value = kMinNanos;
    else
      result.value = *seconds * kSecond;
    return result;
  }
  result = parseGoDuration(text);
  if (!result.value)
    result.error = "unable to parse " + std::string(text) + " as a duration: " + result.error;
  return result;
}

std::optional<std::int64_t> parseRfc3339Seconds(std::string_view s) {
  auto num = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
    if (pos + len > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (!isDigit(s[i])) return std::nullopt;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  auto year = num(0, 4), month = num(5, 2), day = num(8, 2), hour = num(11, 2), minute = num(14, 2),
       second = num(17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
    return std::nullopt;
  static constexpr int kDaysIn[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (*month < 1 || *month > 12 || *day < 1 || *day > kDaysIn[*month - 1] || *hour > 23 || *minute > 59 ||
      *second > 59)
    return std::nullopt;
  bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
  if (*month == 2 && *day == 29 && !leap) return std::nullopt;
  std::size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    ++i;
    std::size_t start = i;
    while (i < s.size() && isDigit(s[i]))
      ++i;
    if (i == start) return std::nullopt;
  }
  std::int64_t offset = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else {
    if (i >= s.size() || (s[i] != '+' && s[i] != '-')) return std::nullopt;
    auto oh = num(i + 1, 2), om = num(i + 4, 2);
    if (!oh || !om || s[i + 3] != ':' || *oh > 23 || *om > 59) return std::nullopt;
    offset = (s[i] == '-' ? -1 : 1) * (*oh * 3600 + *om * 60);
    i += 6;
  }
  if (i != s.size()) return std::nullopt;
  // Days from 1970-01-01 (H. Hinnant's days_from_civil).
  int y = *year - (*month <= 2 ? 1 : 0);
  int era = y / 400;
  int yoe = y - era * 400;
  int mp = (*month + 9) % 12;
  int doy = (153 * mp + 2) / 5 + *day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  std::int64_t days = static_cast<std::int64_t>(era) * 146097 + doe - 719468;
  return days * 86400 + *hour * 3600 + *minute * 60 + *second - offset;
}

} // namespace argosim::parse_detail
