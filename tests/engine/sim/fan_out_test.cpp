#include "engine/sim/fan_out.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>
#include <vector>

using namespace argosim;
using nlohmann::json;

namespace {

constexpr std::size_t kMax = 100000;

Invocation withItems(std::vector<json> values) {
  Invocation call;
  call.name.value = "hello";
  std::vector<Located<json>> items;
  for (auto& v : values)
    items.push_back({std::move(v), {}});
  call.withItems = std::move(items);
  return call;
}

Invocation withParam(std::string text, std::string name = "hello") {
  Invocation call;
  call.name.value = std::move(name);
  call.withParam = Located<std::string>{std::move(text), {}};
  return call;
}

IntOrString num(std::int64_t v) {
  IntOrString x;
  x.intValue = v;
  return x;
}
IntOrString str(std::string v) {
  IntOrString x;
  x.isString = true;
  x.stringValue = std::move(v);
  return x;
}

Invocation withSequence(std::optional<IntOrString> count, std::optional<IntOrString> start = std::nullopt,
                        std::optional<IntOrString> end = std::nullopt, std::string format = "") {
  Invocation call;
  call.name.value = "hello";
  Sequence seq;
  seq.count = std::move(count);
  seq.start = std::move(start);
  seq.end = std::move(end);
  if (!format.empty()) seq.format = Located<std::string>{std::move(format), {}};
  call.withSequence = seq;
  return call;
}

std::vector<std::string> names(const FanOutResult& r) {
  std::vector<std::string> out;
  for (const auto& i : r.items)
    out.push_back(i.name);
  return out;
}

FanOutResult ok(const Invocation& call, const Params& scope = {}, std::size_t max = kMax) {
  auto r = expandFanOut(call, scope, max);
  INFO(r.error);
  REQUIRE(r.ok);
  return r;
}

std::string fails(const Invocation& call, const Params& scope = {}, std::size_t max = kMax) {
  auto r = expandFanOut(call, scope, max);
  CHECK_FALSE(r.ok);
  return r.error;
}

} // namespace

TEST_CASE("operator.go processItem/generateNodeName: strings") {
  const auto r = ok(withItems({"a", "b"}));
  CHECK(names(r) == std::vector<std::string>{"hello(0:a)", "hello(1:b)"});
  CHECK(r.items[0].params.at("item") == "a");
  CHECK(r.items[1].params.at("item") == "b");
}

TEST_CASE("operator.go processItem: numbers and bools print as Go's encoding/json writes them") {
  const auto r = ok(withItems({1, 2.5, 1.0, true, 1e21, 1e-7, 123456789.0, -0.000001}));
  CHECK(names(r) == std::vector<std::string>{"hello(0:1)", "hello(1:2.5)", "hello(2:1)", "hello(3:true)",
                                             "hello(4:1e+21)", "hello(5:1e-7)", "hello(6:123456789)",
                                             "hello(7:-0.000001)"});
  CHECK(r.items[1].params.at("item") == "2.5");
  CHECK(r.items[2].params.at("item") == "1");
  CHECK(r.items[3].params.at("item") == "true");
}

TEST_CASE("operator.go processItem: maps name sorted key:value pairs and set item.<key>") {
  const auto r = ok(withItems({json{{"name", "jesse"}, {"group", "dev"}}}));
  CHECK(names(r) == std::vector<std::string>{"hello(0:group:dev,name:jesse)"});
  const auto& p = r.items[0].params;
  CHECK(p.at("item") == R"({"group":"dev","name":"jesse"})");
  CHECK(p.at("item.name") == "jesse");
  CHECK(p.at("item.group") == "dev");
}

TEST_CASE("operator.go processItem: sort.Strings orders whole key:value strings, not keys") {
  // '-' sorts before ':', so "a-b:2" precedes "a:1"; the JSON keeps key order.
  const auto r = ok(withItems({json{{"a", 1}, {"a-b", 2}}}));
  CHECK(r.items[0].name == "hello(0:a-b:2,a:1)");
  CHECK(r.items[0].params.at("item") == R"({"a":1,"a-b":2})");
}

TEST_CASE("operator.go processItem: nested values print as JSON inside a map") {
  const auto r = ok(withItems({json{{"a", json{{"b", 1}}}, {"c", json::array({1, "x"})}}}));
  CHECK(r.items[0].name == R"(hello(0:a:{"b":1},c:[1,"x"]))");
  CHECK(r.items[0].params.at("item.a") == R"({"b":1})");
  CHECK(r.items[0].params.at("item.c") == R"([1,"x"])");
}

TEST_CASE("operator.go processItem: lists print as fmt.Sprint of a slice of Item") {
  const auto r = ok(withItems({json::array({1, 2}), json::array({"a", "b"}), json::array()}));
  CHECK(names(r) == std::vector<std::string>{"hello(0:[1 2])", "hello(1:[a b])", "hello(2:[])"});
  CHECK(r.items[0].params.at("item") == "[1,2]");
  CHECK(r.items[1].params.at("item") == R"(["a","b"])");
  CHECK(r.items[2].params.at("item") == "[]");
}

TEST_CASE("item.go GetType: null is an empty list") {
  const auto r = ok(withItems({nullptr}));
  CHECK(r.items[0].name == "hello(0:[])");
  CHECK(r.items[0].params.at("item") == "[]");
}

TEST_CASE("operator.go generateNodeName: parentheses are dropped from the suffix only") {
  const auto r = ok(withItems({"f(x)"}));
  CHECK(r.items[0].name == "hello(0:fx)");
  CHECK(r.items[0].params.at("item") == "f(x)");
}

TEST_CASE("item.go Item.String: JSON escapes stay in names, util/json Fix undoes <>&") {
  const auto r = ok(withItems({"say \"hi\"", "a<b&c", json{{"k", "a<b"}}}));
  CHECK(r.items[0].name == R"(hello(0:say \"hi\"))");
  CHECK(r.items[0].params.at("item") == "say \"hi\"");
  CHECK(r.items[1].name == "hello(1:a<b&c)");
  CHECK(r.items[2].name == "hello(2:k:a<b)");
  CHECK(r.items[2].params.at("item") == R"({"k":"a\u003cb"})"); // json.Marshal's output is not Fixed
  CHECK(r.items[2].params.at("item.k") == "a<b");
}

TEST_CASE("dag.go expandTask: dag_test.go TestExpandTaskWithParam") {
  const auto r = ok(withParam(R"([1234, "foo\tbar", true, []])", "fanout-param"));
  CHECK(names(r) == std::vector<std::string>{"fanout-param(0:1234)", R"(fanout-param(1:foo\tbar))",
                                             "fanout-param(2:true)", "fanout-param(3:[])"});
  CHECK(r.items[0].params.at("item") == "1234");
  CHECK(r.items[1].params.at("item") == "foo\tbar");
  CHECK(r.items[2].params.at("item") == "true");
  CHECK(r.items[3].params.at("item") == "[]");
}

TEST_CASE("steps.go expandStep: withParam is substituted from the scope first") {
  const Params scope{{"steps.gen.outputs.result", R"(["x", "y"])"}};
  const auto r = ok(withParam("{{steps.gen.outputs.result}}"), scope);
  CHECK(names(r) == std::vector<std::string>{"hello(0:x)", "hello(1:y)"});
}

TEST_CASE("item.go Item: withParam keeps numbers as written and maps as GetMapVal reads them") {
  const auto r = ok(withParam(R"([1.50, {"b": 1, "a": 2, "b": 3}])"));
  CHECK(r.items[0].name == "hello(0:1.50)");
  CHECK(r.items[0].params.at("item") == "1.50");
  CHECK(r.items[1].name == "hello(1:a:2,b:3)"); // the last duplicate wins
  CHECK(r.items[1].params.at("item") == R"({"a":2,"b":3})");
}

TEST_CASE("item.go GetStrVal: invalid UTF-8 decodes to U+FFFD, while the name keeps the item's text") {
  // decode.go unquote replaces each invalid byte; Item.String prints the RawMessage, which keeps it.
  const auto r = ok(withParam("[\"bad\xff\"]"));
  CHECK(r.items[0].params.at("item") == "bad\xef\xbf\xbd");
  CHECK(r.items[0].name == "hello(0:bad\xff)");
}

TEST_CASE("steps.go expandStep: withParam null is an empty list") {
  const auto r = ok(withParam(" null "));
  CHECK(r.items.empty());
}

TEST_CASE("steps.go expandStep: withParam parse errors in encoding/json's words") {
  const std::string prefix = "withParam value could not be parsed as a JSON list: ";
  CHECK(fails(withParam("not json")) ==
        prefix + "not json: invalid character 'o' in literal null (expecting 'u')");
  CHECK(fails(withParam("abc")) == prefix + "abc: invalid character 'a' looking for beginning of value");
  CHECK(fails(withParam("[1,]")) == prefix + "[1,]: invalid character ']' looking for beginning of value");
  CHECK(fails(withParam("  [1, 2\n")) == prefix + "[1, 2: unexpected end of JSON input");
  CHECK(fails(withParam("[1] x")) == prefix + "[1] x: invalid character 'x' after top-level value");
  CHECK(fails(withParam("[1 2]")) == prefix + "[1 2]: invalid character '2' after array element");
  CHECK(fails(withParam("[-]")) == prefix + "[-]: invalid character ']' in numeric literal");
  CHECK(fails(withParam("[1.]")) ==
        prefix + "[1.]: invalid character ']' after decimal point in numeric literal");
  CHECK(fails(withParam("[tru")) == prefix + "[tru: invalid character ' ' in literal true (expecting 'e')");
  CHECK(fails(withParam(R"(["a\x"])")) == prefix + R"(["a\x"]: invalid character 'x' in string escape code)");
  CHECK(fails(withParam(R"([{"a" 1}])")) == prefix + R"([{"a" 1}]: invalid character '1' after object key)");
  CHECK(fails(withParam(R"([{"a":1 "b":2}])")) ==
        prefix + R"([{"a":1 "b":2}]: invalid character '"' after object key:value pair)");
  CHECK(fails(withParam("{{steps.a.outputs.result}}")) ==
        prefix +
            "{{steps.a.outputs.result}}: invalid character '{' looking for beginning of object key string");
  CHECK(fails(withParam(R"({"a":1})")) ==
        prefix + R"({"a":1}: json: cannot unmarshal object into Go value of type []v1alpha1.Item)");
  CHECK(fails(withParam(R"("[1]")")) ==
        prefix + R"("[1]": json: cannot unmarshal string into Go value of type []v1alpha1.Item)");
}

TEST_CASE("steps.go expandStep: an unreadable list is no error when `when` is false") {
  auto call = withParam("not json");
  call.when = Located<std::string>{"{{inputs.parameters.go}} == yes", {}};
  const auto r = ok(call, Params{{"inputs.parameters.go", "no"}});
  CHECK(r.items.empty());
  CHECK_FALSE(expandFanOut(call, Params{{"inputs.parameters.go", "yes"}}, kMax).ok);
}

TEST_CASE("operator.go expandSequence: operator_test.go TestExpandSequence") {
  CHECK(names(ok(withSequence(num(3)))) ==
        std::vector<std::string>{"hello(0:0)", "hello(1:1)", "hello(2:2)"});
  auto r = ok(withSequence(str("10"), str("101")));
  REQUIRE(r.items.size() == 10);
  CHECK(r.items[0].params.at("item") == "101");
  CHECK(r.items[9].params.at("item") == "110");
  r = ok(withSequence(std::nullopt, str("50"), str("60")));
  REQUIRE(r.items.size() == 11);
  CHECK(r.items[10].name == "hello(10:60)");
  r = ok(withSequence(std::nullopt, str("60"), str("50"))); // start > end counts down
  REQUIRE(r.items.size() == 11);
  CHECK(r.items[0].params.at("item") == "60");
  CHECK(r.items[10].params.at("item") == "50");
  CHECK(ok(withSequence(str("0"))).items.empty());
  CHECK(names(ok(withSequence(std::nullopt, str("8"), str("8")))) == std::vector<std::string>{"hello(0:8)"});
  r = ok(withSequence(str("10"), str("1"), std::nullopt, "testuser%02X"));
  REQUIRE(r.items.size() == 10);
  CHECK(r.items[0].params.at("item") == "testuser01");
  CHECK(r.items[9].params.at("item") == "testuser0A");
}

TEST_CASE("operator.go expandSequence: fields are substituted from the scope") {
  const Params scope{{"inputs.parameters.n", "2"}, {"inputs.parameters.fmt", "n%d"}};
  const auto r = ok(
      withSequence(str("{{inputs.parameters.n}}"), std::nullopt, std::nullopt, "{{inputs.parameters.fmt}}"),
      scope);
  CHECK(names(r) == std::vector<std::string>{"hello(0:n0)", "hello(1:n1)"});
}

TEST_CASE("operator.go expandSequence: a negative count wraps end below start, as Go computes it") {
  const auto r = ok(withSequence(num(-2)));
  CHECK(names(r) == std::vector<std::string>{"hello(0:0)", "hello(1:-1)", "hello(2:-2)", "hello(3:-3)"});
}

TEST_CASE("operator.go expandSequence: strconv.Atoi errors and a missing end") {
  CHECK(fails(withSequence(str("abc"))) == R"(strconv.Atoi: parsing "abc": invalid syntax)");
  CHECK(fails(withSequence(str("99999999999999999999"))) ==
        R"(strconv.Atoi: parsing "99999999999999999999": value out of range)");
  CHECK(fails(withSequence(str("3"), str(" 1"))) == R"(strconv.Atoi: parsing " 1": invalid syntax)");
  CHECK(fails(withSequence(std::nullopt, num(1))) == "neither end nor count was specified in withSequence");
}

TEST_CASE("operator.go expandSequence: format verbs as fmt.Sprintf applies them to an int") {
  auto one = [](const std::string& format, std::int64_t v) {
    auto r = ok(withSequence(std::nullopt, num(v), num(v), format));
    REQUIRE(r.items.size() == 1);
    return r.items[0].params.at("item");
  };
  CHECK(one("%5d", 3) == "    3");
  CHECK(one("%-3d|", 3) == "3  |");
  CHECK(one("%+d", 3) == "+3");
  CHECK(one("%05d", -42) == "-0042");
  CHECK(one("%x", 255) == "ff");
  CHECK(one("%#x", 255) == "0xff");
  CHECK(one("%#08x", 255) == "0x000000ff");
  CHECK(one("%o", 8) == "10");
  CHECK(one("%b", 5) == "101");
  CHECK(one("%c", 65) == "A");
  CHECK(one("%U", 65) == "U+0041");
  CHECK(one("%%%d", 3) == "%3");
  CHECK(one("%.3d", 7) == "007");
  CHECK(one("[%#3.0x]", 0) == "[   ]");
  CHECK(one("%s", 0) == "%!s(int=0)");
  CHECK(one("x", 0) == "x%!(EXTRA int=0)");
  CHECK(one("%d-%d", 1) == "1-%!d(MISSING)");
  // The suffix drops the parentheses fmt put in.
  CHECK(ok(withSequence(std::nullopt, num(0), num(0), "%s")).items[0].name == "hello(0:%!sint=0)");
}

TEST_CASE("operator.go expandSequence: the formatted text is read as a JSON string (wfv1.ParseItem)") {
  CHECK(fails(withSequence(num(1), std::nullopt, std::nullopt, "%d\"")) ==
        "invalid character '\"' after top-level value");
  const auto r = ok(withSequence(num(1), std::nullopt, std::nullopt, R"(a\tb%d)"));
  CHECK(r.items[0].name == R"(hello(0:a\tb0))");
  CHECK(r.items[0].params.at("item") == "a\tb0");
}

TEST_CASE("operator.go expandSequence: an unreadable sequence is no error when `when` is false") {
  auto call = withSequence(str("abc"));
  call.when = Located<std::string>{"false", {}};
  CHECK(ok(call).items.empty());
}

TEST_CASE("fan-out limit: the simulator refuses more than maxItems, without allocating them") {
  CHECK(fails(withSequence(num(1000000000000LL))) ==
        "fan-out of 1000000000000 items exceeds the simulator's limit of 100000");
  CHECK(fails(withSequence(std::nullopt, str("-9223372036854775808"), str("9223372036854775807"))) ==
        "fan-out of 18446744073709551616 items exceeds the simulator's limit of 100000");
  CHECK(fails(withParam("[1,2,3,4,5]"), {}, 3) == "fan-out of 5 items exceeds the simulator's limit of 3");
  CHECK(fails(withItems({1, 2, 3, 4}), {}, 3) == "fan-out of 4 items exceeds the simulator's limit of 3");
  CHECK(ok(withParam("[1,2,3]"), {}, 3).items.size() == 3);
  CHECK(fails(withSequence(num(1), std::nullopt, std::nullopt, "%2000d")).find("argosim:") == 0);
}

TEST_CASE("fan-out bounds: deeply nested withParam JSON is refused, not recursed into") {
  const std::string deep = std::string(10000, '[') + std::string(10000, ']');
  CHECK(fails(withParam(deep)).find("argosim:") != std::string::npos);
}

TEST_CASE("workflow_types.go ShouldExpand: judged after substituting withParam") {
  CHECK(shouldExpand(withItems({"a"}), {}));
  CHECK_FALSE(shouldExpand(withItems({}), {}));
  CHECK(shouldExpand(withSequence(num(0)), {}));
  CHECK(shouldExpand(withParam("[]"), {}));
  CHECK_FALSE(shouldExpand(withParam("{{x}}"), Params{{"x", ""}}));
  Invocation plain;
  CHECK_FALSE(shouldExpand(plain, {}));
}
