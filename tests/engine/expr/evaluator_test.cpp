// Evaluator: expr-lang's run-time semantics (vm/runtime), builtins (builtin/builtin.go) and checker texts.
#include "engine/expr/expr.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace argosim::expr;

namespace {
Value env() {
  return Value(Map{{"n", Value(7)},
                   {"s", Value("abc")},
                   {"f", Value(1.5)},
                   {"arr", Value(Array{Value(1), Value(2)})},
                   {"m", Value(Map{{"s", Value("1")}, {"i", Value(3)}, {"nested", Value(Map{})}})}});
}
Value eval(std::string_view src) {
  EvalResult r = evaluate(src, env());
  INFO(src << " -> " << r.error.message);
  REQUIRE(r.ok);
  return r.value;
}
Error failure(std::string_view src) {
  EvalResult r = evaluate(src, env());
  INFO(src);
  REQUIRE_FALSE(r.ok);
  return r.error;
}
bool truth(std::string_view src) {
  Value v = eval(src);
  REQUIRE(v.isBool());
  return v.asBool();
}
} // namespace

TEST_CASE("evaluator: literals and arithmetic", "[expr][evaluator]") {
  CHECK(eval("1 + 2 * 3").asInt() == 7);
  CHECK(eval("7 / 2").asFloat() == 3.5); // `/` is always float64
  CHECK(eval("7 % 3").asInt() == 1);
  CHECK(eval("-7 % 3").asInt() == -1);
  CHECK(eval("2 ** 10").asFloat() == 1024.0);
  CHECK(eval("1 + 1.5").asFloat() == 2.5);
  CHECK(eval("-n").asInt() == -7);
  CHECK(eval("0x1F + 0b11 + 0o7 + 1_000").asInt() == 31 + 3 + 7 + 1000);
  CHECK(eval("1e3").asFloat() == 1000.0);
  CHECK(eval("'a' + \"b\"").asString() == "ab");
  CHECK(eval("[1, 'x', nil]").asArray().size() == 3);
  CHECK(eval("{a: 1, 'b': 2}").asMap().size() == 2);
  CHECK(truth("9223372036854775807 + 1 < 0")); // Go's int arithmetic wraps
  CHECK(eval("string(2 ** 10000)").asString() == "+Inf");
  CHECK(eval("string(1 / 0)").asString() == "+Inf");
}

TEST_CASE("evaluator: comparison and equality", "[expr][evaluator]") {
  CHECK(truth("1 == 1.0"));
  CHECK(truth("[1, 2] == [1, 2]"));
  CHECK(truth("'abc' < 'abd'"));
  CHECK(truth("n >= 7 && n <= 7 && !(n < 7) && not (n > 7)"));
  CHECK(truth("nil == nil"));
  CHECK(truth("1 < n < 10"));
  // Different types are simply unequal when the checker cannot see them (values read out of a map) ...
  CHECK_FALSE(truth("m.s == 1"));
  CHECK(truth("m.s != 1"));
  // ... but a comparison of two known, different types is a compile error, as in expr-lang's checker.
  CHECK(failure("s == 1").message == "invalid operation: == (mismatched types string and int)");
  CHECK(failure("'a' < 1").message == "invalid operation: < (mismatched types string and int)");
  Error e = failure("m.s < 1"); // unknown at compile time: run-time error, runtime.Less's text
  CHECK(e.message == "invalid operation: string < int");
  CHECK(e.phase == ErrorPhase::Runtime);
  CHECK(e.column == 5);
}

TEST_CASE("evaluator: logic, ternary, nil coalescing", "[expr][evaluator]") {
  CHECK(truth("true and false or true"));
  CHECK(eval("false || m.s").asString() == "1"); // the right side is returned as is
  CHECK_FALSE(truth("false && m.missing.x"));    // short-circuit: the right side is never evaluated
  CHECK(eval("n > 5 ? 'big' : 'small'").asString() == "big");
  CHECK(eval("m.missing ?? 'dflt'").asString() == "dflt");
  CHECK(truth("n > 1 ?: false")); // a ?: b is a ? a : b; the condition must still be a bool
  CHECK(failure("m.s && true").message == "interface conversion: interface {} is string, not bool");
  CHECK(failure("!m.missing").message == "interface conversion: interface {} is nil, not bool");
  CHECK(failure("s ? 1 : 2").message == "non-bool expression (type string) used as condition");
  CHECK(failure("1 && true").message == "invalid operation: && (mismatched types int and bool)");
}

TEST_CASE("evaluator: in, contains, startsWith, endsWith, matches", "[expr][evaluator]") {
  CHECK(truth("2 in arr"));
  CHECK(truth("3 not in arr"));
  CHECK(truth("'s' in m"));
  CHECK(truth("'nope' not in m"));
  CHECK(truth("m.s in ['1', '2']"));
  CHECK(truth("s contains 'b' && s startsWith 'a' && s endsWith 'c'"));
  CHECK(truth("s not contains 'z'"));
  CHECK(truth("s matches '^a.c$'"));
  CHECK(truth("'Pod Deleted' matches '(?i)pod deleted'"));
  CHECK_FALSE(truth("'a\\nb' matches 'a.b'")); // Go's . does not match \n
  CHECK(truth("'x' matches '[[:alpha:]]+' && '42' matches '^\\\\d{2}$'"));
  CHECK_FALSE(truth("m.missing contains 'x'")); // nil operands give false
  // `in` on a string is not a substring test in expr-lang (`contains` is).
  CHECK(failure("'b' in s").message == "invalid operation: in (mismatched types string and string)");
  CHECK(failure("m.s in s").message == "operator \"in\" not defined on string");
  CHECK(failure("m.i in ['3']").message ==
        "reflect.Value.MapIndex: value of type int is not assignable to type string");
  CHECK(failure("1 in m").message == "cannot use int as type string in map key");
}

TEST_CASE("evaluator: regexps are checked with Go's texts", "[expr][evaluator]") {
  Error e = failure("s matches '('");
  CHECK(e.message == "error parsing regexp: missing closing ): `(`");
  CHECK(e.phase == ErrorPhase::Check);
  CHECK(e.column == 3);
  CHECK(failure("s matches 'a**'").message ==
        "error parsing regexp: invalid nested repetition operator: `**`");
  CHECK(failure("s matches '*a'").message ==
        "error parsing regexp: missing argument to repetition operator: `*`");
  CHECK(failure("s matches '[a'").message == "error parsing regexp: missing closing ]: `[a`");
  CHECK(failure("s matches '[z-a]'").message == "error parsing regexp: invalid character class range: `z-a`");
  CHECK(failure("s matches '(?=a)'").message ==
        "error parsing regexp: invalid or unsupported Perl syntax: `(?=`");
  CHECK(failure("s matches '\\\\1'").message == "error parsing regexp: invalid escape sequence: `\\1`");
  CHECK(failure("s matches 'a{1001}'").message == "error parsing regexp: invalid repeat count: `{1001}`");
  CHECK(failure("s matches ')'").message == "error parsing regexp: unexpected ): `)`");
  // A pattern built at run time fails at run time.
  e = failure("s matches ('(' + s)");
  CHECK(e.message == "error parsing regexp: missing closing ): `(abc`");
  CHECK(e.phase == ErrorPhase::Runtime);
  CHECK(truth("'été' matches '^\\\\pL+$'")); // Unicode classes, once refused, are Go's
  CHECK(truth("'a{b' matches 'a{b'"));       // a brace that is not a repeat is a literal, as in Go
}

TEST_CASE("evaluator: builtins", "[expr][evaluator]") {
  CHECK(eval("int('12')").asInt() == 12);
  CHECK(eval("int(3.9)").asInt() == 3);
  CHECK(eval("asInt('-1')").asInt() == -1);
  CHECK(eval("float('6.5')").asFloat() == 6.5);
  CHECK(eval("asFloat('6')").asFloat() == 6.0);
  CHECK(eval("string(1.5) + string(n) + string(nil) + string(arr)").asString() == "1.57<nil>[1 2]");
  CHECK(eval("len(s) + len(arr) + len(m)").asInt() == 3 + 2 + 3);
  CHECK(eval("lower('AbC') + upper('x')").asString() == "abcX");
  CHECK(eval("trim('  x ') + trim('xxaxx', 'x')").asString() == "xa");
  CHECK(eval("trimPrefix('abc', 'a') + trimSuffix('abc', 'c') + trimPrefix(' z')").asString() == "bcabz");
  CHECK(eval("join(split('a,b,c', ','), '-')").asString() == "a-b-c");
  CHECK(eval("len(split('a,b,c', ',', 2))").asInt() == 2);
  CHECK(eval("join(['x', 'y'])").asString() == "xy");
  CHECK(eval("abs(-3)").asInt() == 3);
  CHECK(eval("abs(-2.5)").asFloat() == 2.5);
  CHECK(eval("max(1, 2.5, [3, [4]])").asInt() == 4);
  CHECK(eval("min(arr)").asInt() == 1);
}

TEST_CASE("evaluator: builtin errors and their columns", "[expr][evaluator]") {
  Error e = failure("int('abc') > 1");
  CHECK(e.message == "invalid operation: int(abc)");
  CHECK(e.phase == ErrorPhase::Runtime);
  CHECK(e.column == 1);
  CHECK(failure("float(m.s + 'x')").message == "invalid operation: float(1x)");
  e = failure("1 + upper(1)");
  CHECK(e.message == "cannot use int as argument (type string) to call upper "); // sic: trailing space
  CHECK(e.column == 11);
  CHECK(failure("lower()").message == "not enough arguments to call lower");
  CHECK(failure("asInt(1, 2)").message == "too many arguments to call asInt");
  CHECK(failure("len(1)").message == "invalid argument for len (type int)");
  CHECK(failure("int(true)").message == "invalid argument for int (type bool)");
  CHECK(failure("int()").message == "invalid number of arguments (expected 1, got 0)");
  CHECK(failure("max()").message == "not enough arguments to call max");
  CHECK(failure("trim(1)").message == "not enough arguments to call trim"); // the last overload's error
  CHECK(failure("upper(m.i)").message == "interface conversion: interface {} is int, not string");
  CHECK(failure("join([1])").message == "interface conversion: interface {} is int, not string");
  CHECK(failure("foo(1)").message == "unknown name foo");
  CHECK(failure("nope == 1").message == "unknown name nope");
  CHECK(failure("s(1)").message == "string is not callable");
  CHECK(failure("replace('a', 'a', 'b')").message == "argosim: the builtin replace() is not supported");
  CHECK(failure("jsonpath(s, '$.a')").message == "argosim: jsonpath() is not supported");
}

TEST_CASE("evaluator: member access and indexing", "[expr][evaluator]") {
  CHECK(eval("m.i").asInt() == 3);
  CHECK(eval("m['s']").asString() == "1");
  CHECK(eval("arr[-1]").asInt() == 2);
  CHECK(eval("m.missing").isNil());
  Error e = failure("m.missing.x");
  CHECK(e.message == "cannot fetch x from <nil>");
  CHECK(e.column == 11);
  CHECK(failure("arr[5]").message == "index out of range: 5 (array length is 2)");
  CHECK(failure("s.x").message == "type string has no field x");
  CHECK(failure("arr['a']").message == "array elements can only be selected using an integer (got string)");
  CHECK(failure("m[1]").message == "cannot use int to get an element from map[string]interface {}");
}

TEST_CASE("evaluator: integer division by zero and other bounds", "[expr][evaluator]") {
  Error e = failure("5 % 0");
  CHECK(e.message == "integer divide by zero"); // folded by expr-lang's optimizer: a compile error
  CHECK(e.phase == ErrorPhase::Check);
  e = failure("n % (m.i - 3)");
  CHECK(e.message == "runtime error: integer divide by zero");
  CHECK(e.phase == ErrorPhase::Runtime);
  CHECK(eval("-9223372036854775807 - 1").asInt() < 0);
  CHECK(eval("(-9223372036854775807 - 1) % -1").asInt() == 0);
  // The matcher is linear in the subject, so a long string is matched rather than refused.
  std::string big(100000, 'a');
  EvalResult r = evaluate("s matches '(a*)*$'", Value(Map{{"s", Value(big)}}));
  REQUIRE(r.ok);
  CHECK(r.value.asBool());
  CHECK_FALSE(evaluate("1", Value(1)).ok); // the env must be a map
}

// expr-lang's string() is fmt.Sprintf("%v"); fmt/print.go fmtFloat sends %v to strconv 'g' with precision -1,
// and strconv/ftoa.go formatDigits decides on exponent form with precision 6 when the digits are the
// shortest: 1e+06, not the 1e21 threshold of encoding/json and JavaScript.
TEST_CASE("value formatting follows Go's fmt", "[expr][value]") {
  CHECK(eval("string(6.0)").asString() == "6");
  CHECK(eval("string(6.5)").asString() == "6.5");
  CHECK(eval("string(0.1)").asString() == "0.1");
  CHECK(eval("string(123456.0)").asString() == "123456");
  CHECK(eval("string(1e6)").asString() == "1e+06");
  CHECK(eval("string(1e20)").asString() == "1e+20");
  CHECK(eval("string(1e-5)").asString() == "1e-05");
  CHECK(eval("string(0.0001)").asString() == "0.0001");
  CHECK(eval("string(1000000)").asString() == "1000000"); // an int stays digits
  CHECK(formatV(Value(Array{Value(2.5e6), Value(3)})) == "[2.5e+06 3]");
  CHECK(formatS(Value(3)) == "%!s(int=3)");
  CHECK(formatS(Value(Array{Value(1), Value("a")})) == "[%!s(int=1) a]");
  CHECK(formatS(Value()) == "%!s(<nil>)");
  CHECK(formatV(Value(Map{{"b", Value(true)}, {"a", Value(1.5)}})) == "map[a:1.5 b:true]");
}
