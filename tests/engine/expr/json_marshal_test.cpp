// Argo's toJson (util/expr/env: toJSON = json.Marshal) and the JSON an expression tag writes
// (util/template/expression_template.go: expressionReplaceCore), in Go's encoding/json form.
#include "engine/expr/expr.hpp"
#include "engine/expr/json_marshal.hpp"

#include <catch2/catch_test_macros.hpp>
#include <cmath>
#include <limits>

using namespace argosim::expr;

TEST_CASE("json marshal: Go's encoding/json choices for every kind of value", "[expr]") {
  CHECK(marshalJson(Value()) == "null");
  CHECK(marshalJson(Value(true)) == "true");
  CHECK(marshalJson(Value(std::int64_t{-42})) == "-42");
  CHECK(marshalJson(Value(Array{Value(1), Value("a"), Value(nullptr)})) == "[1,\"a\",null]");
  // map keys sorted (encoding/json sorts map[string]any keys)
  CHECK(marshalJson(Value(Map{{"b", Value(1)}, {"a", Value(Map{})}})) == "{\"a\":{},\"b\":1}");
  // HTML-safe escaping (encoding/json escapes <, >, & by default), control characters, U+2028
  CHECK(marshalJson(Value("<a & b>")) == "\"\\u003ca \\u0026 b\\u003e\"");
  CHECK(marshalJson(Value("q\"\\\n\t\x01")) == "\"q\\\"\\\\\\n\\t\\u0001\"");
  CHECK(marshalJson(Value("\b\f")) == "\"\\b\\f\""); // Go 1.22+: the short forms
  CHECK(marshalJson(Value("\xe2\x80\xa8")) == "\"\\u2028\"");
  CHECK(marshalJson(Value("h\xc3\xa9")) == "\"h\xc3\xa9\"");
  CHECK(marshalJson(Value("bad\xff")) == "\"bad\\ufffd\"");
}

TEST_CASE("json marshal: floats as encoding/json's floatEncoder writes them", "[expr]") {
  CHECK(marshalJson(Value(1.5)) == "1.5");
  CHECK(marshalJson(Value(3.0)) == "3");
  CHECK(marshalJson(Value(0.00001)) == "0.00001"); // fmt's %v would say 1e-05
  CHECK(marshalJson(Value(0.000001)) == "0.000001");
  CHECK(marshalJson(Value(0.0000001)) == "1e-7"); // below 1e-6: 'e', with "e-07" cleaned up
  CHECK(marshalJson(Value(1e21)) == "1e+21");     // from 1e21: 'e'
  CHECK(marshalJson(Value(123456789.0)) == "123456789");
  CHECK_FALSE(marshalJson(Value(std::nan("")))); // json: unsupported value: NaN
  CHECK_FALSE(marshalJson(Value(std::numeric_limits<double>::infinity())));
}

TEST_CASE("toJson: an Argo env function returning the marshalled text (util/expr/env GetFuncMap)", "[expr]") {
  const Value env(Map{{"xs", Value(Array{Value(1), Value(3)})}});
  EvalResult r = evaluate("toJson(xs)", env);
  REQUIRE(r.ok);
  CHECK(r.value.asString() == "[1,3]");
  r = evaluate("toJson({'b': 1, 'a': [true]})", env);
  REQUIRE(r.ok);
  CHECK(r.value.asString() == "{\"a\":[true],\"b\":1}");
  r = evaluate("toJson(1.0 / 0)", env);
  REQUIRE_FALSE(r.ok);
  CHECK(r.error.message.find("json: unsupported value: +Inf") != std::string::npos);
}
