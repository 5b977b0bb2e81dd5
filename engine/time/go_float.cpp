#include "engine/time/go_float.hpp"

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace argosim {

namespace {

// Written as an integer mantissa with an exponent ("12345e-4") so that no decimal point, and hence no locale,
// is involved.
// With `asFloat32`, the value read back is rounded to float32 (strconv's bitSize 32).
double valueOf(const ShortestDecimal& d, bool asFloat32) {
  const std::string text =
      d.digits + "e" + std::to_string(d.exponent - static_cast<int>(d.digits.size()) + 1);
  return asFloat32 ? static_cast<double>(std::strtof(text.c_str(), nullptr))
                   : std::strtod(text.c_str(), nullptr);
}

// The next p-digit decimal above or below (p = digits.size()), carrying into the exponent when needed.
ShortestDecimal step(ShortestDecimal d, bool up) {
  std::string& s = d.digits;
  int i = static_cast<int>(s.size()) - 1;
  if (up) {
    while (i >= 0 && s[i] == '9')
      s[i--] = '0';
    if (i < 0) {
      s.insert(s.begin(), '1');
      s.pop_back();
      ++d.exponent;
    } else {
      ++s[i];
    }
  } else {
    while (i >= 0 && s[i] == '0')
      s[i--] = '9';
    --s[i]; // s[0] is never '0', so the borrow stops in range
    if (s[0] == '0') {
      s.erase(s.begin());
      s.push_back('9');
      --d.exponent;
    }
  }
  return d;
}

} // namespace

// The shortest decimal that reads back as `a` (a > 0, finite), and of those the closest to `a`: what Go's
// strconv (Ryu) and C++17 to_chars both produce. std::to_chars for double is missing from the Emscripten
// libc++ we build with, so this searches precisions with correctly rounded printf/strtod instead. At each
// precision only the two decimals bracketing `a` can round-trip; printf gives the nearer one, and when that
// one fails the other may still fit (the rounding interval of a power of two is lopsided), so both are tried.
ShortestDecimal shortestDecimal(double a, int bitSize) {
  const bool asFloat32 = bitSize == 32;
  ShortestDecimal best;
  for (int p = 1; p <= (asFloat32 ? 9 : 17); ++p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*e", p - 1, a);
    ShortestDecimal d;
    const char* c = buf;
    for (; *c != 'e' && *c != 'E' && *c != '\0'; ++c) {
      if (*c >= '0' && *c <= '9') d.digits.push_back(*c); // skips the locale's decimal point, whatever it is
    }
    d.exponent = *c != '\0' ? std::atoi(c + 1) : 0;
    const double back = valueOf(d, asFloat32);
    if (back == a) {
      best = d;
      break;
    }
    const ShortestDecimal other = step(d, back < a);
    if (valueOf(other, asFloat32) == a) {
      best = other;
      break;
    }
  }
  while (best.digits.size() > 1 && best.digits.back() == '0')
    best.digits.pop_back();
  return best;
}

std::string formatGoFloat(double value, int bitSize) {
  const bool asFloat32 = bitSize == 32;
  if (asFloat32) {
    // Out of float32's range the conversion is undefined in C++; Go's float32() gives an infinity.
    if (std::isfinite(value) && std::fabs(value) > static_cast<double>(FLT_MAX))
      value = std::copysign(INFINITY, value);
    else if (std::isfinite(value))
      value = static_cast<double>(static_cast<float>(value));
  }
  // fmt (print.go fmtFloat) maps %v to strconv 'g' with precision -1; fmt keeps a "+" only on +Inf.
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  const bool neg = std::signbit(value);
  std::string out = neg ? "-" : "";
  if (value == 0) return out + "0";

  const ShortestDecimal d = shortestDecimal(std::fabs(value), bitSize);
  const std::string& digits = d.digits;
  const int nd = static_cast<int>(digits.size());
  const int dp = d.exponent + 1; // Go's decimal point position: digits[0:dp] are the integer part

  // strconv ftoa.go formatDigits, 'g' with shortest: %e when exp < -4 || exp >= 6 (eprec is forced to 6).
  if (d.exponent < -4 || d.exponent >= 6) {
    out.push_back(digits[0]);
    if (nd > 1) {
      out.push_back('.');
      out.append(digits, 1, std::string::npos);
    }
    out.push_back('e');
    out.push_back(d.exponent < 0 ? '-' : '+');
    const int mag = d.exponent < 0 ? -d.exponent : d.exponent;
    if (mag < 10) out.push_back('0'); // at least two exponent digits: e+06, e-05, e+100
    out += std::to_string(mag);
    return out;
  }
  // %f with max(nd - dp, 0) fraction digits.
  if (dp > 0) {
    for (int i = 0; i < dp; ++i)
      out.push_back(i < nd ? digits[i] : '0');
  } else {
    out.push_back('0');
  }
  const int frac = nd - dp > 0 ? nd - dp : 0;
  if (frac > 0) {
    out.push_back('.');
    for (int i = 0; i < frac; ++i) {
      const int j = dp + i;
      out.push_back(j >= 0 && j < nd ? digits[j] : '0');
    }
  }
  return out;
}

} // namespace argosim
