#include "engine/time/wall_clock.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace argosim;

TEST_CASE("format_rfc3339.go parseRFC3339: accepted forms, as unix seconds") {
  CHECK(parseRfc3339Seconds("2024-07-04T00:00:00Z") == 1720051200);
  CHECK(parseRfc3339Seconds("2024-07-04T00:01:00Z") == 1720051260);
  CHECK(parseRfc3339Seconds("1970-01-01T00:00:00Z") == 0);
  CHECK(parseRfc3339Seconds("1969-12-31T23:59:59Z") == -1);
  CHECK(parseRfc3339Seconds("2000-02-29T00:00:00Z") == 951782400);
  CHECK(parseRfc3339Seconds("1600-02-29T12:34:56Z") == -11670953104);
  CHECK(parseRfc3339Seconds("0001-01-01T00:00:00Z") == -62135596800);
  CHECK(parseRfc3339Seconds("9999-12-31T23:59:59Z") == 253402300799);
  CHECK(parseRfc3339Seconds("0000-01-01T00:00:00Z") == -62167219200); // Go's year range starts at 0
  CHECK(parseRfc3339Seconds("2020-05-07T17:40:57Z") == 1588873257);   // operator_test.go fixture startedAt
  // Offsets: local time minus offset.
  CHECK(parseRfc3339Seconds("2024-07-04T02:00:00+02:00") == 1720051200);
  CHECK(parseRfc3339Seconds("2024-07-03T19:00:00-05:00") == 1720051200);
  CHECK(parseRfc3339Seconds("2024-07-04T05:30:00+05:30") == 1720051200);
  CHECK(parseRfc3339Seconds("2024-07-04T00:00:00+00:00") == 1720051200);
  CHECK(parseRfc3339Seconds("2024-07-04T00:00:00-00:00") == 1720051200);
  CHECK(parseRfc3339Seconds("2024-07-04T23:59:00+23:59") == 1720051200);
  // Fractional seconds are dropped, never rounded.
  CHECK(parseRfc3339Seconds("2024-07-04T00:00:00.999999999Z") == 1720051200);
  CHECK(parseRfc3339Seconds("2024-07-04T00:00:00.5+01:00") == 1720051200 - 3600);
  CHECK(parseRfc3339Seconds("1969-12-31T23:59:59.9Z") == -1);
}

TEST_CASE("format_rfc3339.go parseRFC3339: rejected forms") {
  for (const char* bad : {
           "",
           "2024-07-04",
           "2024-07-04T00:00:00",       // no zone
           "2024-07-04 00:00:00Z",      // space for T
           "2024-07-04t00:00:00Z",      // lower-case t
           "2024-07-04T00:00:00z",      // lower-case z
           "2024-02-30T00:00:00Z",      // no Feb 30
           "2023-02-29T00:00:00Z",      // not a leap year
           "1900-02-29T00:00:00Z",      // centuries are not leap years ...
           "2024-04-31T00:00:00Z",      // April has 30 days
           "2024-13-01T00:00:00Z",      // month 13
           "2024-00-01T00:00:00Z",      // month 0
           "2024-07-00T00:00:00Z",      // day 0
           "2024-07-04T24:00:00Z",      // hour 24
           "2024-07-04T00:60:00Z",      // minute 60
           "2024-07-04T00:00:60Z",      // Go has no leap seconds
           "2024-07-04T00:00:00+24:00", // offset hour 24
           "2024-07-04T00:00:00+01:60", // offset minute 60
           "2024-07-04T00:00:00+0200",  // offset without colon
           "2024-07-04T00:00:00+02",    // short offset
           "2024-07-04T00:00:00.Z",     // a point with no digits
           "2024-07-04T00:00:00,5Z",    // comma fraction (not on Go's strict path)
           "2024-07-04T00:00:00ZZ",     // trailing junk
           "2024-07-04T00:00:00Z ",     // trailing space
           "24-07-04T00:00:00Z",        // two-digit year
           "+2024-07-04T00:00:00Z",     // signed year
           "2024-7-04T00:00:00Z",       // one-digit month
           "2024-07-04T0:00:00Z",       // one-digit hour
       }) {
    INFO(bad);
    CHECK_FALSE(parseRfc3339Seconds(bad).has_value());
  }
  CHECK(parseRfc3339Seconds("2000-02-29T00:00:00Z").has_value()); // ... but 2000 is
}

TEST_CASE("metav1.Time JSON form (RFC 3339, UTC): formatRfc3339") {
  CHECK(formatRfc3339(1720051200) == "2024-07-04T00:00:00Z");
  CHECK(formatRfc3339(1720051260) == "2024-07-04T00:01:00Z");
  CHECK(formatRfc3339(0) == "1970-01-01T00:00:00Z");
  CHECK(formatRfc3339(-1) == "1969-12-31T23:59:59Z");
  CHECK(formatRfc3339(951782400) == "2000-02-29T00:00:00Z");
  CHECK(formatRfc3339(-11670953104) == "1600-02-29T12:34:56Z");
  CHECK(formatRfc3339(-62135596800) == "0001-01-01T00:00:00Z");
  CHECK(formatRfc3339(253402300799) == "9999-12-31T23:59:59Z");
  CHECK(formatRfc3339(253402300800) == "10000-01-01T00:00:00Z"); // Go's appendInt widens past 4 digits
  CHECK(formatRfc3339(-62167219201) == "-0001-12-31T23:59:59Z"); // year -1, sign then 4 padded digits
}

TEST_CASE("time.Time.String() in UTC: formatGoTimeString (retry exceeded workflow deadline ...)") {
  CHECK(formatGoTimeString(1720051260) == "2024-07-04 00:01:00 +0000 UTC");
  CHECK(formatGoTimeString(1720051200) == "2024-07-04 00:00:00 +0000 UTC");
  CHECK(formatGoTimeString(0) == "1970-01-01 00:00:00 +0000 UTC");
  CHECK(formatGoTimeString(-62135596800) == "0001-01-01 00:00:00 +0000 UTC"); // time.Time{}
  CHECK(formatGoTimeString(253402300799) == "9999-12-31 23:59:59 +0000 UTC");
}

TEST_CASE("RFC 3339 round trip over every day of years 0001..9999 (days-from-civil both ways)") {
  // Step a little over a day so that every time of day and every date is exercised over the range.
  for (std::int64_t t = -62135596800; t <= 253402300799; t += 86400 * 7 + 3607) {
    const std::string s = formatRfc3339(t);
    const auto back = parseRfc3339Seconds(s);
    if (!back || *back != t) {
      FAIL("round trip failed for " << t << " -> " << s);
    }
  }
  SUCCEED();
}
