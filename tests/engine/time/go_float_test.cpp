#include "engine/time/go_float.hpp"
#include "engine/time/nanos.hpp"

#include <catch2/catch_test_macros.hpp>
#include <cmath>
#include <limits>

using namespace argosim;

TEST_CASE("fmt.Sprint(float64) of Duration.Seconds(): lastRetry.duration (operator.go "
          "buildRetryStrategyLocalScope)") {
  // TestBuildRetryStrategyLocalScope expects "6" for a 6 s attempt.
  CHECK(formatGoFloat(toSeconds(6 * kSecond)) == "6");
  CHECK(formatGoFloat(toSeconds(6500 * kMillisecond)) == "6.5");
  CHECK(formatGoFloat(toSeconds(0)) == "0");
  CHECK(formatGoFloat(toSeconds(120 * kSecond)) == "120");
  CHECK(formatGoFloat(toSeconds(100 * kMillisecond)) == "0.1");
  CHECK(formatGoFloat(toSeconds(1)) == "1e-09");
  CHECK(formatGoFloat(toSeconds(11 * 24 * kHour)) == "950400");
  CHECK(formatGoFloat(toSeconds(12 * 24 * kHour)) == "1.0368e+06"); // 12 days: exponent form from 10^6
}

TEST_CASE("fmt.Sprint(float64): %v is strconv 'g' shortest, exponent when exp < -4 || exp >= 6") {
  CHECK(formatGoFloat(6) == "6");
  CHECK(formatGoFloat(6.5) == "6.5");
  CHECK(formatGoFloat(0.1) == "0.1");
  CHECK(formatGoFloat(-6.5) == "-6.5");
  CHECK(formatGoFloat(12.345) == "12.345");
  CHECK(formatGoFloat(100000) == "100000");
  CHECK(formatGoFloat(123456) == "123456");
  CHECK(formatGoFloat(999999) == "999999");
  CHECK(formatGoFloat(1e6) == "1e+06"); // fmt_test.go: {"%#v", 1000000.0, "1e+06"}
  CHECK(formatGoFloat(1234567) == "1.234567e+06");
  CHECK(formatGoFloat(1e21) == "1e+21");
  CHECK(formatGoFloat(1e100) == "1e+100");
  CHECK(formatGoFloat(0.0001) == "0.0001");
  CHECK(formatGoFloat(0.00012) == "0.00012");
  CHECK(formatGoFloat(0.00001) == "1e-05");
  CHECK(formatGoFloat(1.5e-5) == "1.5e-05");
  CHECK(formatGoFloat(0.1 + 0.2) == "0.30000000000000004");
  CHECK(formatGoFloat(1.0 / 3) == "0.3333333333333333");
  CHECK(formatGoFloat(18446744073709551616.0) == "1.8446744073709552e+19");
  CHECK(formatGoFloat(std::numeric_limits<double>::max()) == "1.7976931348623157e+308");
  CHECK(formatGoFloat(std::numeric_limits<double>::denorm_min()) == "5e-324");
  CHECK(formatGoFloat(2.5) == "2.5");
}

TEST_CASE("fmt_test.go float cases: %v / %g with shortest precision") {
  CHECK(formatGoFloat(1.2345678) == "1.2345678");       // {"%v", 1.2345678, "1.2345678"}
  CHECK(formatGoFloat(1.0) == "1");                     // {"%#v", 1.0, "1"}
  CHECK(formatGoFloat(1234.5678e3) == "1.2345678e+06"); // {"%g", 1234.5678e3, ...}
  CHECK(formatGoFloat(1234.5678e-8) == "1.2345678e-05");
  CHECK(formatGoFloat(-7.0) == "-7");
  CHECK(formatGoFloat(-1e-9) == "-1e-09");
  CHECK(formatGoFloat(1.23456789e3) == "1234.56789");
  CHECK(formatGoFloat(1.23456789e-3) == "0.00123456789");
  CHECK(formatGoFloat(1.23456789e20) == "1.23456789e+20");
}

TEST_CASE("fmt.Sprint(float64): zero sign, infinities, NaN") {
  CHECK(formatGoFloat(0.0) == "0");
  CHECK(formatGoFloat(-0.0) == "-0");
  CHECK(formatGoFloat(std::numeric_limits<double>::infinity()) == "+Inf");
  CHECK(formatGoFloat(-std::numeric_limits<double>::infinity()) == "-Inf");
  CHECK(formatGoFloat(std::nan("")) == "NaN");
}

#include <version> // defines __cpp_lib_to_chars only where floating-point to_chars exists

#if defined(__cpp_lib_to_chars)
#include <charconv>
#include <cstdint>
#include <cstring>
#include <ios>
#include <random>
#include <string>

namespace {

// The same layout rule applied to to_chars' shortest digits (a reference independent of our digit search).
std::string viaToChars(double v) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  const std::string sci(buf, res.ptr);
  const bool neg = sci[0] == '-';
  const std::size_t e = sci.find('e');
  std::string digits;
  for (std::size_t i = neg ? 1 : 0; i < e; ++i) {
    if (sci[i] != '.') digits.push_back(sci[i]);
  }
  const int exp = std::stoi(sci.substr(e + 1));
  const int nd = static_cast<int>(digits.size());
  std::string out = neg ? "-" : "";
  if (exp < -4 || exp >= 6) {
    out += digits.substr(0, 1);
    if (nd > 1) out += "." + digits.substr(1);
    out += exp < 0 ? "e-" : "e+";
    const int mag = exp < 0 ? -exp : exp;
    out += (mag < 10 ? "0" : "") + std::to_string(mag);
    return out;
  }
  const int dp = exp + 1;
  if (dp > 0) {
    for (int i = 0; i < dp; ++i)
      out.push_back(i < nd ? digits[i] : '0');
  } else {
    out.push_back('0');
  }
  if (nd - dp > 0) {
    out.push_back('.');
    for (int i = 0; i < nd - dp; ++i)
      out.push_back(dp + i >= 0 ? digits[dp + i] : '0');
  }
  return out;
}

double fromBits(std::uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

} // namespace

TEST_CASE("fmt.Sprint(float64): shortest digits agree with C++17 to_chars (Ryu) on many doubles") {
  std::mt19937_64 rng(20240704);
  auto agree = [](double v) {
    if (!std::isfinite(v)) return;
    const std::string a = formatGoFloat(v);
    const std::string b = viaToChars(v);
    if (a != b) FAIL("mismatch for " << std::hexfloat << v << ": " << a << " vs " << b);
  };
  for (int i = 0; i < 50000; ++i)
    agree(fromBits(rng()));
  // Powers of two have lopsided rounding intervals: the nearest decimal may not round-trip but the other may.
  for (int e = -1074; e <= 1023; ++e) {
    agree(std::ldexp(1.0, e));
    agree(std::nextafter(std::ldexp(1.0, e), 0.0));
    agree(std::nextafter(std::ldexp(1.0, e), HUGE_VAL));
  }
  // Durations in seconds, as lastRetry.duration produces them.
  for (std::int64_t ns = 0; ns < 50'000'000'000; ns += 77'777'777)
    agree(toSeconds(ns));
  for (int i = 0; i < 20000; ++i)
    agree(toSeconds(static_cast<Nanos>(rng() >> 1)));
  SUCCEED();
}
#endif
