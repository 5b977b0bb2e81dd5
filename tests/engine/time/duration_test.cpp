#include "engine/time/duration.hpp"

#include <catch2/catch_test_macros.hpp>
#include <limits>
#include <string>

using namespace argosim;

namespace {

Nanos ok(std::string_view s) {
  const DurationResult r = parseGoDuration(s);
  INFO("input: " << std::string(s) << " error: " << r.error);
  REQUIRE(r.ok);
  REQUIRE(r.error.empty());
  return r.value;
}

std::string err(std::string_view s) {
  const DurationResult r = parseGoDuration(s);
  INFO("input: " << std::string(s));
  REQUIRE_FALSE(r.ok);
  REQUIRE(r.value == 0);
  return r.error;
}

Nanos argoOk(std::string_view s) {
  const DurationResult r = parseArgoDuration(s);
  INFO("input: " << std::string(s) << " error: " << r.error);
  REQUIRE(r.ok);
  return r.value;
}

std::string argoErr(std::string_view s) {
  const DurationResult r = parseArgoDuration(s);
  INFO("input: " << std::string(s));
  REQUIRE_FALSE(r.ok);
  return r.error;
}

constexpr Nanos kMax = std::numeric_limits<Nanos>::max();
constexpr Nanos kMin = std::numeric_limits<Nanos>::min();

} // namespace

TEST_CASE("time_test.go TestParseDuration: valid durations (time.ParseDuration)") {
  CHECK(ok("0") == 0);
  CHECK(ok("5s") == 5 * kSecond);
  CHECK(ok("30s") == 30 * kSecond);
  CHECK(ok("1478s") == 1478 * kSecond);
  CHECK(ok("-5s") == -5 * kSecond);
  CHECK(ok("+5s") == 5 * kSecond);
  CHECK(ok("-0") == 0);
  CHECK(ok("+0") == 0);
  CHECK(ok("5.0s") == 5 * kSecond);
  CHECK(ok("5.6s") == 5 * kSecond + 600 * kMillisecond);
  CHECK(ok("5.s") == 5 * kSecond);
  CHECK(ok(".5s") == 500 * kMillisecond);
  CHECK(ok("1.004s") == kSecond + 4 * kMillisecond);
  CHECK(ok("100.00100s") == 100 * kSecond + kMillisecond);
  CHECK(ok("10ns") == 10);
  CHECK(ok("11us") == 11 * kMicrosecond);
  CHECK(ok("12\xC2\xB5s") == 12 * kMicrosecond); // U+00B5 micro sign
  CHECK(ok("12\xCE\xBCs") == 12 * kMicrosecond); // U+03BC greek mu
  CHECK(ok("13ms") == 13 * kMillisecond);
  CHECK(ok("15m") == 15 * kMinute);
  CHECK(ok("16h") == 16 * kHour);
  CHECK(ok("3h30m") == 3 * kHour + 30 * kMinute);
  CHECK(ok("10.5s4m") == 4 * kMinute + 10 * kSecond + 500 * kMillisecond);
  CHECK(ok("-2m3.4s") == -(2 * kMinute + 3 * kSecond + 400 * kMillisecond));
  CHECK(ok("1h2m3s4ms5us6ns") == kHour + 2 * kMinute + 3 * kSecond + 4 * kMillisecond + 5 * kMicrosecond + 6);
  CHECK(ok("39h9m14.425s") == 39 * kHour + 9 * kMinute + 14 * kSecond + 425 * kMillisecond);
  CHECK(ok("52763797000ns") == 52763797000);
  CHECK(ok("0.3333333333333333333h") == 20 * kMinute);
  CHECK(ok("9007199254740993ns") == (Nanos{1} << 53) + 1);
  CHECK(ok("9223372036854775807ns") == kMax);
  CHECK(ok("9223372036854775.807us") == kMax);
  CHECK(ok("9223372036s854ms775us807ns") == kMax);
  CHECK(ok("-9223372036854775808ns") == kMin);
  CHECK(ok("-9223372036854775.808us") == kMin);
  CHECK(ok("-9223372036s854ms775us808ns") == kMin);
  CHECK(ok("-2562047h47m16.854775808s") == kMin);
  CHECK(ok("0.100000000000000000000h") == 6 * kMinute);
  // The float64 fraction path, nanosecond-exact as in Go.
  CHECK(ok("0.830103483285477580700h") == 49 * kMinute + 48 * kSecond + 372539827);
  // Spec §1.5 examples.
  CHECK(ok("90s") == 90 * kSecond);
  CHECK(ok("1m30s") == 90 * kSecond);
  CHECK(ok("1.5h") == 90 * kMinute);
  CHECK(ok("500ms") == 500 * kMillisecond);
  CHECK(ok("2h45m") == 2 * kHour + 45 * kMinute);
  CHECK(ok("1.5m") == 90 * kSecond);
}

TEST_CASE("time_test.go TestParseDurationErrors: Go's exact error texts (time.ParseDuration)") {
  CHECK(err("") == "time: invalid duration \"\"");
  CHECK(err("3") == "time: missing unit in duration \"3\"");
  CHECK(err("-") == "time: invalid duration \"-\"");
  CHECK(err("+") == "time: invalid duration \"+\"");
  CHECK(err("s") == "time: invalid duration \"s\"");
  CHECK(err(".") == "time: invalid duration \".\"");
  CHECK(err("-.") == "time: invalid duration \"-.\"");
  CHECK(err(".s") == "time: invalid duration \".s\"");
  CHECK(err("+.s") == "time: invalid duration \"+.s\"");
  CHECK(err("1d") == "time: unknown unit \"d\" in duration \"1d\"");
  CHECK(err("abc") == "time: invalid duration \"abc\"");
  CHECK(err("1.5") == "time: missing unit in duration \"1.5\"");
  CHECK(err("1h30") == "time: missing unit in duration \"1h30\"");
  CHECK(err("1 s") == "time: unknown unit \" s\" in duration \"1 s\"");
  CHECK(err(" 5s") == "time: invalid duration \" 5s\"");
  CHECK(err("1S") == "time: unknown unit \"S\" in duration \"1S\"");
  CHECK(err("1sec") == "time: unknown unit \"sec\" in duration \"1sec\"");
  CHECK(err("--5s") == "time: invalid duration \"--5s\"");
  // quote(): non-ASCII and control bytes as \xNN, quotes and backslashes escaped.
  CHECK(err("\x85\x85") == "time: invalid duration \"\\x85\\x85\"");
  CHECK(err("\xff"
            "ff") == "time: invalid duration \"\\xffff\"");
  CHECK(err("hello \xff"
            "ff world") == "time: invalid duration \"hello \\xffff world\"");
  CHECK(err("\xEF\xBF\xBD") == "time: invalid duration \"\\xef\\xbf\\xbd\"");
  CHECK(err("1\"") == "time: unknown unit \"\\\"\" in duration \"1\\\"\"");
  CHECK(err("1\\") == "time: unknown unit \"\\\\\" in duration \"1\\\\\"");
  CHECK(err("1\t") == "time: unknown unit \"\\x09\" in duration \"1\\x09\"");
  CHECK(err("5\xC2\xB5") == "time: unknown unit \"\\xc2\\xb5\" in duration \"5\\xc2\\xb5\"");
  // Overflow.
  CHECK(err("9223372036854775810ns") == "time: invalid duration \"9223372036854775810ns\"");
  CHECK(err("9223372036854775808ns") == "time: invalid duration \"9223372036854775808ns\"");
  CHECK(err("-9223372036854775809ns") == "time: invalid duration \"-9223372036854775809ns\"");
  CHECK(err("9223372036854775.808us") == "time: invalid duration \"9223372036854775.808us\"");
  CHECK(err("9223372036854ms775us808ns") == "time: invalid duration \"9223372036854ms775us808ns\"");
  CHECK(err("2562048h") == "time: invalid duration \"2562048h\"");
  CHECK(err("99999999999999999999s") == "time: invalid duration \"99999999999999999999s\"");
}

TEST_CASE("time.ParseDuration quirk kept: two 2^63 terms wrap the uint64 sum to 0 and are accepted") {
  CHECK(ok("9223372036854775808ns9223372036854775808ns") == 0);
}

TEST_CASE("strconv.Atoi (64-bit), as ParseStringToDuration and IntOrString use it") {
  CHECK(goAtoi("0").ok);
  CHECK(goAtoi("5").value == 5);
  CHECK(goAtoi("+5").ok);
  CHECK(goAtoi("+5").value == 5);
  CHECK(goAtoi("-5").value == -5);
  CHECK(goAtoi("-0").ok);
  CHECK(goAtoi("-0").value == 0);
  CHECK(goAtoi("007").value == 7);
  CHECK(goAtoi("000000000000000000000000001").ok); // length is no limit, value is
  CHECK(goAtoi("000000000000000000000000001").value == 1);
  CHECK(goAtoi("9223372036854775807").value == kMax);
  CHECK(goAtoi("9223372036854775807").ok);
  CHECK(goAtoi("-9223372036854775808").ok);
  CHECK(goAtoi("-9223372036854775808").value == kMin);
  // Syntax errors: value 0.
  for (const char* bad :
       {"", "+", "-", " 1", "1 ", "1_000", "0x10", "1.5", "1e3", "--1", "+-1", "abc", "9x"}) {
    INFO(bad);
    CHECK_FALSE(goAtoi(bad).ok);
    CHECK(goAtoi(bad).value == 0);
  }
  // Range errors: clamped.
  CHECK_FALSE(goAtoi("9223372036854775808").ok);
  CHECK(goAtoi("9223372036854775808").value == kMax);
  CHECK_FALSE(goAtoi("-9223372036854775809").ok);
  CHECK(goAtoi("-9223372036854775809").value == kMin);
  CHECK(goAtoi("99999999999999999999").value == kMax);
  CHECK(goAtoi("-99999999999999999999").value == kMin);
  // ParseUint meets the overflow before the 'x', so this is a range error, not a syntax error.
  CHECK_FALSE(goAtoi("99999999999999999999x").ok);
  CHECK(goAtoi("99999999999999999999x").value == kMax);
  CHECK(goAtoi("9999999999999999999x").value == 0);
}

TEST_CASE("ParseStringToDuration (utils.go): integer strings are seconds, else Go durations") {
  CHECK(argoOk("10") == 10 * kSecond);
  CHECK(argoOk("-5") == -5 * kSecond);
  CHECK(argoOk("0") == 0);
  CHECK(argoOk("-0") == 0);
  CHECK(argoOk("+5") == 5 * kSecond);
  CHECK(argoOk("007") == 7 * kSecond);
  CHECK(argoOk("2") == 2 * kSecond); // TestBackoffMessage: duration "2"
  CHECK(argoOk("90s") == 90 * kSecond);
  CHECK(argoOk("1m30s") == 90 * kSecond);
  CHECK(argoOk("1.5h") == 90 * kMinute);
  CHECK(argoOk("500ms") == 500 * kMillisecond);
  CHECK(argoOk("2h45m") == 165 * kMinute);
  CHECK(argoOk("5m") == 5 * kMinute);
  CHECK(argoOk("-1m") == -kMinute);
}

TEST_CASE("ParseStringToDuration (utils.go): seconds * time.Second wraps like Go's int64 multiply") {
  // 9223372036 s still fits; one more second wraps negative: 9223372037e9 - 2^64.
  CHECK(argoOk("9223372036") == 9223372036 * kSecond);
  CHECK(argoOk("9223372037") == -9223372036709551616LL);
  // (2^63-1) * 1e9 ≡ -1e9 (mod 2^64), and -2^63 * 1e9 ≡ 0.
  CHECK(argoOk("9223372036854775807") == -kSecond);
  CHECK(argoOk("-9223372036854775808") == 0);
  CHECK(argoOk("-9223372037") == 9223372036709551616LL);
}

TEST_CASE("ParseStringToDuration (utils.go): error texts wrap Go's") {
  CHECK(argoErr("1d") == "unable to parse 1d as a duration: time: unknown unit \"d\" in duration \"1d\"");
  CHECK(argoErr("abc") == "unable to parse abc as a duration: time: invalid duration \"abc\"");
  CHECK(argoErr("1.5") == "unable to parse 1.5 as a duration: time: missing unit in duration \"1.5\"");
  CHECK(argoErr("") == "unable to parse  as a duration: time: invalid duration \"\"");
  CHECK(argoErr("+") == "unable to parse + as a duration: time: invalid duration \"+\"");
  CHECK(argoErr("1_000") ==
        "unable to parse 1_000 as a duration: time: unknown unit \"_\" in duration \"1_000\"");
  CHECK(argoErr("0x10") ==
        "unable to parse 0x10 as a duration: time: unknown unit \"x\" in duration \"0x10\"");
  CHECK(argoErr(" 5") == "unable to parse  5 as a duration: time: invalid duration \" 5\"");
  CHECK(argoErr("5 ") == "unable to parse 5  as a duration: time: unknown unit \" \" in duration \"5 \"");
  CHECK(argoErr("1e3") == "unable to parse 1e3 as a duration: time: unknown unit \"e\" in duration \"1e3\"");
  // Atoi fails on range, then ParseDuration: 2^63 still fits its uint64 accumulator, so "missing unit" ...
  CHECK(argoErr("9223372036854775808") == "unable to parse 9223372036854775808 as a duration: time: missing "
                                          "unit in duration \"9223372036854775808\"");
  CHECK(argoErr("-9223372036854775808s") == "unable to parse -9223372036854775808s as a duration: time: "
                                            "invalid duration \"-9223372036854775808s\"");
  // ... while anything bigger overflows leadingInt: "invalid duration".
  CHECK(argoErr("9223372036854775809") ==
        "unable to parse 9223372036854775809 as a duration: time: invalid duration \"9223372036854775809\"");
  CHECK(
      argoErr("99999999999999999999") ==
      "unable to parse 99999999999999999999 as a duration: time: invalid duration \"99999999999999999999\"");
  CHECK(
      argoErr("-9223372036854775809") ==
      "unable to parse -9223372036854775809 as a duration: time: invalid duration \"-9223372036854775809\"");
  // %s prints the input raw; only Go's inner quote() escapes.
  CHECK(argoErr("\xff") == "unable to parse \xff as a duration: time: invalid duration \"\\xff\"");
}
