#include "engine/time/humanize.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace argosim;

namespace {
constexpr Nanos kDay = 24 * kHour;
}

TEST_CASE("humanize_test.go TestDuration (util/humanize Duration)") {
  CHECK(humanizeDuration(kSecond) == "1 second");
  CHECK(humanizeDuration(kMinute) == "1 minute 0 seconds");
  CHECK(humanizeDuration(kHour) == "1 hour 0 minutes");
  CHECK(humanizeDuration(2 * kHour) == "2 hours 0 minutes");
  CHECK(humanizeDuration(10 * kHour) == "10 hours 0 minutes");
  CHECK(humanizeDuration(24 * kHour) == "1 day 0 hours");
}

TEST_CASE("humanize_test.go TestRelativeDuration: finish - start, including negative gaps") {
  CHECK(humanizeDuration(0) == "0 seconds");
  CHECK(humanizeDuration(-kSecond) == "1 second");
  CHECK(humanizeDuration(-59 * kSecond) == "59 seconds");
  CHECK(humanizeDuration(90 * kSecond) == "1 minute 30 seconds");
  CHECK(humanizeDuration(kHour) == "1 hour 0 minutes");
  CHECK(humanizeDuration(kHour + 30 * kMinute) == "1 hour 30 minutes");
}

TEST_CASE("util/humanize Duration: spec §3.3 backoff message table") {
  CHECK(humanizeDuration(500 * kMillisecond) == "0 seconds");
  CHECK(humanizeDuration(kSecond) == "1 second");
  CHECK(humanizeDuration(4 * kSecond) == "4 seconds"); // TestBackoffMessage
  CHECK(humanizeDuration(60 * kSecond) == "1 minute 0 seconds");
  CHECK(humanizeDuration(90 * kSecond) == "1 minute 30 seconds");
  CHECK(humanizeDuration(150 * kSecond) == "2 minutes 30 seconds");
  CHECK(humanizeDuration(kHour) == "1 hour 0 minutes");
  CHECK(humanizeDuration(90 * kMinute) == "1 hour 30 minutes");
  CHECK(humanizeDuration(24 * kHour) == "1 day 0 hours");
  CHECK(humanizeDuration(36 * kHour) == "1 day 12 hours");
  CHECK(humanizeDuration(5 * kDay) == "5 days 0 hours");
  CHECK(humanizeDuration(kMaxNanos) == "a long while 23 hours");
}

TEST_CASE(
    "util/humanize Duration: TestProcessNodeRetriesWithExponentialBackoff messages (operator_test.go)") {
  CHECK(humanizeDuration(5 * kMinute) == "5 minutes 0 seconds");
  CHECK(humanizeDuration(10 * kMinute) == "10 minutes 0 seconds");
  CHECK(humanizeDuration(11 * kMinute) == "11 minutes 0 seconds");
}

TEST_CASE("util/humanize Duration: every row of relativeMagnitudes and the unit boundaries") {
  CHECK(humanizeDuration(999 * kMillisecond) == "0 seconds");
  CHECK(humanizeDuration(1999 * kMillisecond) == "1 second");
  CHECK(humanizeDuration(2 * kSecond) == "2 seconds");
  CHECK(humanizeDuration(59 * kSecond + 999999999) == "59 seconds");
  CHECK(humanizeDuration(119 * kSecond) == "1 minute 59 seconds");
  CHECK(humanizeDuration(2 * kMinute) == "2 minutes 0 seconds");
  CHECK(humanizeDuration(3599 * kSecond) == "59 minutes 59 seconds");
  CHECK(humanizeDuration(3599 * kSecond + 999999999) == "59 minutes 59 seconds");
  CHECK(humanizeDuration(2 * kHour - kSecond) == "1 hour 59 minutes");
  CHECK(humanizeDuration(23 * kHour + 59 * kMinute) == "23 hours 59 minutes");
  CHECK(humanizeDuration(47 * kHour) == "1 day 23 hours");
  CHECK(humanizeDuration(2 * kDay) == "2 days 0 hours");
  CHECK(humanizeDuration(6 * kDay + 5 * kHour) == "6 days 5 hours");
  CHECK(humanizeDuration(7 * kDay) == "1 week 0 hours");
  CHECK(humanizeDuration(14 * kDay + 3 * kHour) == "2 weeks 3 hours");
  CHECK(humanizeDuration(29 * kDay) == "4 weeks 0 hours");
  CHECK(humanizeDuration(30 * kDay) == "1 month 0 hours");
  CHECK(humanizeDuration(60 * kDay) == "2 months 0 hours");
  CHECK(humanizeDuration(359 * kDay) == "11 months 0 hours");
  CHECK(humanizeDuration(360 * kDay) == "1 year 0 hours");
  CHECK(humanizeDuration(540 * kDay) == "2 years 0 hours"); // 18 months already reads as 2 years
  CHECK(humanizeDuration(720 * kDay) == "2 years 0 hours");
  CHECK(humanizeDuration(1080 * kDay + kHour) == "3 years 1 hours");
  CHECK(humanizeDuration(37 * 360 * kDay - kHour) == "36 years 23 hours");
  CHECK(humanizeDuration(37 * 360 * kDay) == "a long while 0 hours");
}

TEST_CASE("util/humanize Duration: negative durations take the one-unit path (d.Seconds() < 60)") {
  CHECK(humanizeDuration(-90 * kSecond) == "1 minute");
  CHECK(humanizeDuration(-36 * kHour) == "1 day");
  CHECK(humanizeDuration(kMinNanos) == "a long while"); // time.Time.Sub saturates at MaxInt64
}

TEST_CASE("util/humanize TruncatedDuration: a single unit") {
  CHECK(humanizeTruncatedDuration(90 * kSecond) == "1 minute");
  CHECK(humanizeTruncatedDuration(150 * kSecond) == "2 minutes");
  CHECK(humanizeTruncatedDuration(kMaxNanos) == "a long while");
  CHECK(humanizeTruncatedDuration(0) == "0 seconds");
}
