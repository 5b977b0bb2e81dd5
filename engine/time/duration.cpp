#include "engine/time/duration.hpp"

#include <cstdint>
#include <limits>

namespace argosim {

namespace {

constexpr std::uint64_t kTwoTo63 = std::uint64_t{1} << 63;

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// Go time.leadingInt: the leading digits as a uint64; it refuses anything above 2^63 (not 2^63-1: a
// negative duration may need exactly 2^63).
bool leadingInt(std::string_view& s, std::uint64_t& out) {
  std::uint64_t x = 0;
  std::size_t i = 0;
  for (; i < s.size() && isDigit(s[i]); ++i) {
    if (x > kTwoTo63 / 10) return false;
    x = x * 10 + static_cast<std::uint64_t>(s[i] - '0');
    if (x > kTwoTo63) return false;
  }
  out = x;
  s.remove_prefix(i);
  return true;
}

// Go time.leadingFraction: digits after the point; once more digits would overflow it keeps consuming them
// but stops adding precision, so "1.<50 digits>s" still parses.
void leadingFraction(std::string_view& s, std::uint64_t& x, double& scale) {
  x = 0;
  scale = 1;
  bool overflow = false;
  std::size_t i = 0;
  for (; i < s.size() && isDigit(s[i]); ++i) {
    if (overflow) continue;
    if (x > (kTwoTo63 - 1) / 10) {
      overflow = true;
      continue;
    }
    const std::uint64_t y = x * 10 + static_cast<std::uint64_t>(s[i] - '0');
    if (y > kTwoTo63) {
      overflow = true;
      continue;
    }
    x = y;
    scale *= 10;
  }
  s.remove_prefix(i);
}

// Go time's unitMap. Both micro signs are accepted: U+00B5 and U+03BC.
std::uint64_t unitNanos(std::string_view u) {
  if (u == "ns") return 1;
  if (u == "us" || u == "\xC2\xB5s" || u == "\xCE\xBCs") return 1000;
  if (u == "ms") return 1000 * 1000;
  if (u == "s") return 1000 * 1000 * 1000;
  if (u == "m") return 60ull * 1000 * 1000 * 1000;
  if (u == "h") return 3600ull * 1000 * 1000 * 1000;
  return 0;
}

DurationResult fail(std::string error) {
  DurationResult r;
  r.error = std::move(error);
  return r;
}

DurationResult success(Nanos value) {
  DurationResult r;
  r.ok = true;
  r.value = value;
  return r;
}

} // namespace

std::string goTimeQuote(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  // Go walks runes, but every byte of a non-ASCII rune (valid or not) ends up as \xNN, so bytes suffice.
  for (const char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    if (b >= 0x80 || b < 0x20) {
      out += "\\x";
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xF]);
      continue;
    }
    if (ch == '"' || ch == '\\') out.push_back('\\');
    out.push_back(ch);
  }
  out.push_back('"');
  return out;
}

GoAtoiResult goAtoi(std::string_view s) {
  // strconv.Atoi → ParseInt(s, 10, 0): optional sign, then base-10 digits only (no "_", no "0x", no spaces).
  if (s.empty()) return {};
  bool neg = false;
  std::string_view digits = s;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    digits.remove_prefix(1);
  }
  if (digits.empty()) return {};
  // ParseUint scans left to right and reports whichever failure it meets first: a syntax error (value 0) or
  // an overflow (value clamped), so "99999999999999999999x" is a range error but "9x" a syntax error.
  constexpr std::uint64_t kCutoff = std::numeric_limits<std::uint64_t>::max() / 10 + 1;
  std::uint64_t n = 0;
  bool range = false;
  for (const char c : digits) {
    if (!isDigit(c)) return {};
    if (n >= kCutoff) {
      range = true;
      break;
    }
    n *= 10;
    const std::uint64_t n1 = n + static_cast<std::uint64_t>(c - '0');
    if (n1 < n) {
      range = true;
      break;
    }
    n = n1;
  }
  if (range || (!neg && n >= kTwoTo63)) {
    return {false, neg ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int64_t>::max()};
  }
  if (neg && n > kTwoTo63) return {false, std::numeric_limits<std::int64_t>::min()};
  // n == 2^63 with a minus sign is exactly INT64_MIN; unsigned negation then a modular cast gets there
  // without UB.
  return {true, static_cast<std::int64_t>(neg ? (~n + 1) : n)};
}

DurationResult parseGoDuration(std::string_view s) {
  // time.ParseDuration (time/format.go): [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+
  const std::string_view orig = s;
  auto invalid = [&] { return fail("time: invalid duration " + goTimeQuote(orig)); };
  std::uint64_t d = 0;
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return success(0); // the only unit-less number Go accepts
  if (s.empty()) return invalid();
  while (!s.empty()) {
    if (!(s[0] == '.' || isDigit(s[0]))) return invalid();
    const std::size_t before = s.size();
    std::uint64_t v = 0;
    if (!leadingInt(s, v)) return invalid();
    const bool pre = s.size() != before;

    std::uint64_t f = 0;
    double scale = 1;
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      const std::size_t fracBefore = s.size();
      leadingFraction(s, f, scale);
      post = s.size() != fracBefore;
    }
    if (!pre && !post) return invalid(); // ".s", "-.s"

    // The unit is everything up to the next digit or '.', so "1 s" has unit " s" and "1_000" has unit "_".
    std::size_t i = 0;
    while (i < s.size() && s[i] != '.' && !isDigit(s[i]))
      ++i;
    if (i == 0) return fail("time: missing unit in duration " + goTimeQuote(orig));
    const std::string_view u = s.substr(0, i);
    s.remove_prefix(i);
    const std::uint64_t unit = unitNanos(u);
    if (unit == 0) return fail("time: unknown unit " + goTimeQuote(u) + " in duration " + goTimeQuote(orig));
    if (v > kTwoTo63 / unit) return invalid();
    v *= unit;
    if (f > 0) {
      // Go computes the fraction in float64 exactly this way; same IEEE operations give the same nanoseconds.
      v += static_cast<std::uint64_t>(static_cast<double>(f) * (static_cast<double>(unit) / scale));
      if (v > kTwoTo63) return invalid();
    }
    // Go adds in uint64 and only rejects sums above 2^63; two 2^63 terms wrap to 0 and are accepted. Kept.
    d += v;
    if (d > kTwoTo63) return invalid();
  }
  if (neg) return success(static_cast<Nanos>(~d + 1)); // -Duration(d); 2^63 becomes INT64_MIN
  if (d > kTwoTo63 - 1) return invalid();
  return success(static_cast<Nanos>(d));
}

DurationResult parseArgoDuration(std::string_view s) {
  // utils.go ParseStringToDuration.
  if (const GoAtoiResult seconds = goAtoi(s); seconds.ok) {
    // Go: time.Duration(val) * time.Second, a silent two's-complement wrap on overflow ("9223372037" seconds
    // becomes a negative duration). Multiplying as uint64 and converting back reproduces it without UB.
    const std::uint64_t wrapped =
        static_cast<std::uint64_t>(seconds.value) * static_cast<std::uint64_t>(kSecond);
    return success(static_cast<Nanos>(wrapped));
  }
  DurationResult parsed = parseGoDuration(s);
  if (parsed.ok) return parsed;
  return fail("unable to parse " + std::string(s) + " as a duration: " + parsed.error);
}

} // namespace argosim
