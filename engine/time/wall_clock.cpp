#include "engine/time/wall_clock.hpp"

namespace argosim {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

struct CivilDate {
  std::int64_t year;
  int month; // 1..12
  int day;   // 1..31
};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil); exact for any int year
// that fits, so no libc time functions (and no time zone database) are involved.
std::int64_t daysFromCivil(std::int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;                                   // [0, 399]
  const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; // [0, 365]
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
  return era * 146097 + doe - 719468;
}

// The inverse (civil_from_days).
CivilDate civilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;                                      // [0, 146096]
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; // [0, 399]
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               // [0, 365]
  const std::int64_t mp = (5 * doy + 2) / 153;                                    // [0, 11]
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

bool isLeap(std::int64_t y) {
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

int daysIn(int month, std::int64_t year) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeap(year) ? 29 : kDays[month - 1];
}

// Digits only, within [lo, hi]; Go's parseUint helper in parseRFC3339.
std::optional<int> fixedNumber(std::string_view s, int lo, int hi) {
  int x = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    x = x * 10 + (c - '0');
  }
  if (x < lo || x > hi) return std::nullopt;
  return x;
}

// Go's appendInt(b, x, width): a '-' for negatives, then the magnitude zero-padded to `width` digits.
void appendPadded(std::string& out, std::int64_t x, int width) {
  std::string digits;
  const bool neg = x < 0;
  // Unsigned magnitude so that INT64_MIN has one too.
  std::uint64_t u = neg ? ~static_cast<std::uint64_t>(x) + 1 : static_cast<std::uint64_t>(x);
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + u % 10));
    u /= 10;
  } while (u != 0);
  if (neg) out.push_back('-');
  for (int pad = width - static_cast<int>(digits.size()); pad > 0; --pad)
    out.push_back('0');
  out += digits;
}

struct Broken {
  CivilDate date;
  int hour, minute, second;
};

Broken breakDown(std::int64_t unixSeconds) {
  // Floor division, so that times before 1970 land on the right day.
  std::int64_t days = unixSeconds / kSecondsPerDay;
  std::int64_t rem = unixSeconds % kSecondsPerDay;
  if (rem < 0) {
    rem += kSecondsPerDay;
    --days;
  }
  return {civilFromDays(days), static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
          static_cast<int>(rem % 60)};
}

void appendDateTime(std::string& out, const Broken& b, char separator) {
  appendPadded(out, b.date.year, 4);
  out.push_back('-');
  appendPadded(out, b.date.month, 2);
  out.push_back('-');
  appendPadded(out, b.date.day, 2);
  out.push_back(separator);
  appendPadded(out, b.hour, 2);
  out.push_back(':');
  appendPadded(out, b.minute, 2);
  out.push_back(':');
  appendPadded(out, b.second, 2);
}

} // namespace

std::optional<std::int64_t> parseRfc3339Seconds(std::string_view s) {
  if (s.size() < 19) return std::nullopt; // "2006-01-02T15:04:05"
  const auto year = fixedNumber(s.substr(0, 4), 0, 9999);
  const auto month = fixedNumber(s.substr(5, 2), 1, 12);
  if (!year || !month) return std::nullopt;
  const auto day = fixedNumber(s.substr(8, 2), 1, daysIn(*month, *year));
  const auto hour = fixedNumber(s.substr(11, 2), 0, 23);
  const auto minute = fixedNumber(s.substr(14, 2), 0, 59);
  const auto second = fixedNumber(s.substr(17, 2), 0, 59); // Go rejects a leap second "60"
  if (!day || !hour || !minute || !second) return std::nullopt;
  if (s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
  s.remove_prefix(19);

  // A '.' and at least one digit: a fractional second, which whole-second time drops.
  if (s.size() >= 2 && s[0] == '.' && s[1] >= '0' && s[1] <= '9') {
    std::size_t n = 2;
    while (n < s.size() && s[n] >= '0' && s[n] <= '9')
      ++n;
    s.remove_prefix(n);
  }

  std::int64_t offset = 0;
  if (s != "Z") {
    if (s.size() != 6) return std::nullopt; // "-07:00"
    const auto oh = fixedNumber(s.substr(1, 2), 0, 23);
    const auto om = fixedNumber(s.substr(4, 2), 0, 59);
    if (!oh || !om || (s[0] != '+' && s[0] != '-') || s[3] != ':') return std::nullopt;
    offset = (*oh * 60 + *om) * 60;
    if (s[0] == '-') offset = -offset;
  }
  const std::int64_t days = daysFromCivil(*year, *month, *day);
  return days * kSecondsPerDay + *hour * 3600 + *minute * 60 + *second - offset;
}

std::string formatRfc3339(std::int64_t unixSeconds) {
  std::string out;
  appendDateTime(out, breakDown(unixSeconds), 'T');
  out.push_back('Z');
  return out;
}

std::string formatGoTimeString(std::int64_t unixSeconds) {
  // Layout "2006-01-02 15:04:05.999999999 -0700 MST": the ".999999999" part vanishes for whole seconds.
  std::string out;
  appendDateTime(out, breakDown(unixSeconds), ' ');
  out += " +0000 UTC";
  return out;
}

} // namespace argosim
