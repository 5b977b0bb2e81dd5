// Go's encoding/json (engine/text/go_json.cpp): json.Unmarshal into interface{} and into json.RawMessage
// (decode.go, scanner.go) and json.Marshal (encode.go), as Argo's fan-outs, aggregates and toJson use them.
#include "engine/text/go_json.hpp"

#include <catch2/catch_test_macros.hpp>
#include <cmath>
#include <limits>
#include <string>

using namespace argosim;

namespace {
std::string marshal(const GoJson& v) {
  const GoJsonText t = marshalGoJson(v);
  REQUIRE_FALSE(t.error);
  return t.text;
}
std::string roundTrip(std::string_view text, GoJsonTarget target) {
  const GoJsonParse p = parseGoJson(text, target);
  REQUIRE_FALSE(p.error);
  return marshal(p.value);
}
std::string error(std::string_view text) {
  const GoJsonParse p = parseGoJson(text, GoJsonTarget::Interface);
  REQUIRE(p.error);
  return *p.error;
}
GoJson number(double d) {
  GoJson v;
  v.kind = GoJson::Kind::Number;
  v.number = d;
  return v;
}
} // namespace

TEST_CASE("encoding/json Unmarshal: scanner.go's syntax errors, the first one met") {
  CHECK(error("") == "unexpected end of JSON input");
  CHECK(error("nul") == "invalid character ' ' in literal null (expecting 'l')"); // eof feeds a space
  CHECK(error("nulx") == "invalid character 'x' in literal null (expecting 'l')");
  CHECK(error("[1,]") == "invalid character ']' looking for beginning of value");
  CHECK(error("{\"a\":1,}") == "invalid character '}' looking for beginning of object key string");
  CHECK(error("[01]") == "invalid character '1' after array element");
  CHECK(error("1e") == "invalid character ' ' in exponent of numeric literal");
  CHECK(error("\"\\u12x4\"") == "invalid character 'x' in \\u hexadecimal character escape");
  CHECK(error("\"a\tb\"") == "invalid character '\\t' in string literal");
  CHECK(error("[\xff]") == "invalid character '\xc3\xbf' looking for beginning of value");
  CHECK(error("[1] [") == "invalid character '[' after top-level value");
}

TEST_CASE("encoding/json Unmarshal into interface{}: every number a float64, maps with sorted unique keys") {
  const GoJsonParse p =
      parseGoJson(R"({"b": [1, 2.5e1, -0], "a": true, "b": null})", GoJsonTarget::Interface);
  REQUIRE_FALSE(p.error);
  REQUIRE(p.value.members.size() == 2);
  CHECK(p.value.members[0].key == "a");
  CHECK(p.value.members[1].value.kind == GoJson::Kind::Null); // the last duplicate wins
  CHECK(roundTrip("[1e2, 1.0, 12345678901234567890, 0.1e-6, 1e21, -0.0]", GoJsonTarget::Interface) ==
        "[100,1,12345678901234567000,1e-7,1e+21,-0]");
  // decode.go convertNumber: past float64's range is an UnmarshalTypeError, reported after the syntax check.
  CHECK(error("[1e400]") == "json: cannot unmarshal number 1e400 into Go value of type float64");
  CHECK(error("[1e400, x]") == "invalid character 'x' looking for beginning of value");
  CHECK(roundTrip("[1e-400]", GoJsonTarget::Interface) == "[0]"); // underflow rounds to 0, no error
}

TEST_CASE("encoding/json Unmarshal of strings: decode.go unquote") {
  const auto decoded = [](std::string_view text) {
    const GoJsonParse p = parseGoJson(text, GoJsonTarget::Interface);
    REQUIRE_FALSE(p.error);
    return p.value.text;
  };
  CHECK(decoded(R"("a\/b\u00e9\n")") == "a/b\xc3\xa9\n");
  CHECK(decoded(R"("\ud83d\ude00")") == "\xf0\x9f\x98\x80");          // a surrogate pair joins
  CHECK(decoded(R"("\ud83dx")") == "\xef\xbf\xbdx");                  // a lone surrogate is U+FFFD
  CHECK(decoded("\"bad\xff\xc3\"") == "bad\xef\xbf\xbd\xef\xbf\xbd"); // so is each invalid UTF-8 byte
}

TEST_CASE(
    "encoding/json Unmarshal into json.RawMessage: the text kept, compacted as json.Marshal writes it") {
  CHECK(roundTrip(R"( { "b" : 1e2, "a" : "<\u00e9>", "b" : 12345678901234567890 } )",
                  GoJsonTarget::RawMessage) ==
        R"({"b":1e2,"a":"\u003c\u00e9\u003e","b":12345678901234567890})");
  CHECK(roundTrip("\"line\xe2\x80\xa8sep\xff\"", GoJsonTarget::RawMessage) == "\"line\\u2028sep\xff\"");
  CHECK(roundTrip("[1e400]", GoJsonTarget::RawMessage) == "[1e400]"); // no float64 is made, so no error
  const GoJsonParse p = parseGoJson(R"([{"k": [ 1 ]}])", GoJsonTarget::RawMessage);
  REQUIRE_FALSE(p.error);
  CHECK(p.value.list[0].members[0].value.raw == "[1]"); // nested values keep their texts too
}

TEST_CASE("encoding/json checkValid alone: the value's first byte and a list's length, nothing built") {
  CHECK(checkGoJson(" [1, [2, 3], {}] ").listLength == 3);
  CHECK(checkGoJson(" [1, [2, 3], {}] ").first == '[');
  CHECK(checkGoJson("{}").first == '{');
  CHECK(checkGoJson("[1,").error == std::optional<std::string>("unexpected end of JSON input"));
  const std::string deep = std::string(10000, '[') + std::string(10000, ']');
  CHECK(checkGoJson(deep).error->find("argosim:") == 0); // refused, not recursed into
}

TEST_CASE("encoding/json Marshal: floatEncoder's shortest digits, 'e' only below 1e-6 or from 1e21") {
  CHECK(marshal(number(1.5)) == "1.5");
  CHECK(marshal(number(3.0)) == "3");
  CHECK(marshal(number(0.00001)) == "0.00001");
  CHECK(marshal(number(0.000001)) == "0.000001");
  CHECK(marshal(number(0.0000001)) == "1e-7");
  CHECK(marshal(number(1.5e-10)) == "1.5e-10");
  CHECK(marshal(number(1e21)) == "1e+21");
  CHECK(marshal(number(123456789e12)) == "123456789000000000000");
  CHECK(marshal(number(-2.5e300)) == "-2.5e+300");
  CHECK(marshal(number(5e-324)) == "5e-324");
  CHECK(marshalGoJson(number(std::nan(""))).error ==
        std::optional<std::string>("json: unsupported value: NaN"));
  CHECK(marshalGoJson(number(-std::numeric_limits<double>::infinity())).error ==
        std::optional<std::string>("json: unsupported value: -Inf"));
}

TEST_CASE("encoding/json Marshal: strings HTML-safe, invalid UTF-8 as \\ufffd, U+2028/U+2029 escaped") {
  GoJson s;
  s.kind = GoJson::Kind::String;
  s.text = "<a & b>\xe2\x80\xa9\xff\x01";
  CHECK(marshal(s) == "\"\\u003ca \\u0026 b\\u003e\\u2029\\ufffd\\u0001\"");
}
