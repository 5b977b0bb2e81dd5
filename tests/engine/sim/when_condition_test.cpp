#include "engine/sim/when_condition.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;

namespace {
bool isTrue(const std::string& when) {
  const auto r = evaluateWhen(when);
  INFO(when << " -> " << r.error);
  REQUIRE(r.ok);
  return r.value;
}
std::string errorOf(const std::string& when) {
  const auto r = evaluateWhen(when);
  CHECK_FALSE(r.ok);
  return r.error;
}
} // namespace

TEST_CASE("steps.go shouldExecute: an empty condition runs the step") {
  const auto r = evaluateWhen("");
  CHECK(r.ok);
  CHECK(r.value);
}

TEST_CASE("steps.go shouldExecute: when_test.go TestShouldExecute true expressions") {
  for (const char* e :
       {"foo == foo", "'ref/branch/master' == 'ref/branch/master'", "foo != bar", "1 == 1", "1 != 2", "1 < 2",
        "1 <= 1", "1/2 == 0.5", "a < b", "(foo == bar) || (foo == foo)", "(1 > 0) && (1 < 2)",
        "Error in (Failed, Error)", "!(Succeeded in (Failed, Error))", "true == true"})
    CHECK(isTrue(e));
}

TEST_CASE("steps.go shouldExecute: when_test.go TestShouldExecute false expressions") {
  for (const char* e :
       {"foo != foo", "'ref/branch/master' != 'ref/branch/master'", "foo == bar", "1 != 1", "1 == 2", "1 > 2",
        "1 <= 0", "1/2 != 0.5", "a > b", "(foo == bar) || (bar == foo)", "(1 > 0) && (11 < 2)",
        "Succeeded in (Failed, Error)", "!(Error in (Failed, Error))", "false == true"})
    CHECK_FALSE(isTrue(e));
}

TEST_CASE("steps.go shouldExecute: bare words are strings, literals keep their govaluate types") {
  CHECK(isTrue("hello != world"));
  CHECK(isTrue("5 > 3"));
  CHECK(isTrue("'a' == 'a'"));
  CHECK(isTrue("\"a\" == 'a'"));
  CHECK(isTrue("true"));
  CHECK_FALSE(isTrue("false"));
  CHECK_FALSE(isTrue("1 == '1'")); // float64 vs string: reflect.DeepEqual is false
  CHECK(isTrue("1.5 == 1.50"));
  CHECK(isTrue("0x1F == 31"));
  CHECK(isTrue("[my var] == 'my var'"));
  CHECK(isTrue("heads == heads && 2 > 1"));
  CHECK(isTrue("a + b == ab"));
}

TEST_CASE("steps.go shouldExecute: govaluate operators and precedence") {
  CHECK(isTrue("-1 < 0"));
  CHECK(isTrue("2 ** 3 == 8"));
  CHECK(isTrue("7 % 4 == 3"));
  CHECK(isTrue("1 << 3 == 8"));
  CHECK(isTrue("6 & 3 == 2"));
  CHECK(isTrue("10 - 2 - 3 == 5")); // left-associative after reorderStages
  CHECK(isTrue("!false"));
  CHECK(isTrue("true || false && false"));
  CHECK(isTrue("(true ? 1 : 2) == 1"));
  CHECK(isTrue("(false ? 1 : 2) == 2"));
}

TEST_CASE("steps.go shouldExecute: =~ and !~ use Go regexps") {
  CHECK(isTrue("heads =~ '^h'"));
  CHECK(isTrue("tails !~ 'h.*s'"));
  CHECK_FALSE(isTrue("'feature/x' =~ '^release/'"));
  // Unquoted, a slash is division: the branch name has to be quoted.
  CHECK(errorOf("feature/x =~ '^release/'") ==
        "Failed to evaluate 'when' expresion 'feature/x =~ '^release/'': "
        "Value 'feature' cannot be used with the modifier '/', it is not a "
        "number");
  CHECK(errorOf("a =~ '('") ==
        "Invalid 'when' expression 'a =~ '('': error parsing regexp: missing closing ): `(`");
}

TEST_CASE("steps.go shouldExecute: =~ takes Go's whole syntax (Unicode classes, scoped flags)") {
  CHECK(isTrue("'été' =~ '^\\\\pL+$'"));
  CHECK(isTrue("'Heads' =~ '^(?i:h)eads$'"));
  CHECK_FALSE(isTrue("'HEADS' =~ '^(?i:h)eads$'"));
}

TEST_CASE("steps.go shouldExecute: a short circuit skips the ill-typed side") {
  CHECK_FALSE(isTrue("false && foo"));
  CHECK(isTrue("true || foo"));
}

TEST_CASE("steps.go shouldExecute: non-boolean results") {
  CHECK(errorOf("foo") == "Expected boolean evaluation for 'foo'. Got foo");
  CHECK(errorOf("1 + 2") == "Expected boolean evaluation for '1 + 2'. Got 3");
  CHECK(errorOf("1000000") == "Expected boolean evaluation for '1000000'. Got 1e+06");
  CHECK(errorOf("()") == "Expected boolean evaluation for '()'. Got <nil>");
}

TEST_CASE("steps.go shouldExecute: govaluate parse errors are Invalid 'when' expression") {
  const std::string hint = " (hint: try wrapping the affected expression in quotes (\"))";
  CHECK(errorOf("{{steps.flip.outputs.result}} == heads") ==
        "Invalid 'when' expression '{{steps.flip.outputs.result}} == heads': Invalid token: '{{'" + hint);
  CHECK(errorOf("a == b@c") == "Invalid 'when' expression 'a == b@c': Invalid token: '@'" + hint);
  CHECK(errorOf("a ==") == "Invalid 'when' expression 'a ==': Unexpected end of expression");
  CHECK(errorOf("   ") == "Invalid 'when' expression '   ': Unexpected end of expression");
  CHECK(errorOf("(a == b") == "Invalid 'when' expression '(a == b': Unbalanced parenthesis");
  CHECK(errorOf("a b") ==
        "Invalid 'when' expression 'a b': Cannot transition token types from VARIABLE [a] to "
        "VARIABLE [b]");
  CHECK(errorOf(")(a") == "Invalid 'when' expression ')(a': Cannot transition token types from UNKNOWN "
                          "[<nil>] to CLAUSE_CLOSE [41]");
  CHECK(errorOf("foo(1)") == "Invalid 'when' expression 'foo(1)': Undefined function foo");
  CHECK(errorOf("'abc") == "Invalid 'when' expression ''abc': Unclosed string literal");
  CHECK(errorOf("[abc") == "Invalid 'when' expression '[abc': Unclosed parameter bracket");
  CHECK(errorOf("a. == b") == "Invalid 'when' expression 'a. == b': Hanging accessor on token 'a.'");
  CHECK(errorOf("steps.flip == heads") ==
        "Invalid 'when' expression 'steps.flip == heads': Unable to access unexported field 'flip' in token "
        "'steps.flip'");
  CHECK(errorOf("1..2 == 3") ==
        "Invalid 'when' expression '1..2 == 3': Unable to parse numeric value '1..2' to float64\n");
}

TEST_CASE("steps.go shouldExecute: re-typing variables as strings can break the token order") {
  // PREFIX may precede a VARIABLE but not a STRING: the second parse fails.
  CHECK(errorOf("!foo") == "Failed to parse 'when' expression '!foo': Cannot transition token types from "
                           "PREFIX [!] to STRING [foo]");
}

TEST_CASE("steps.go shouldExecute: evaluation errors (Argo spells it 'expresion')") {
  CHECK(errorOf("foo && true") ==
        "Failed to evaluate 'when' expresion 'foo && true': Value 'foo' cannot be used "
        "with the logical operator '&&', it is not a bool");
  CHECK(errorOf("x == hello-world") ==
        "Failed to evaluate 'when' expresion 'x == hello-world': Value 'hello' cannot "
        "be used with the modifier '-', it is not a number");
  CHECK(errorOf("'5' > 3") ==
        "Failed to evaluate 'when' expresion ''5' > 3': Value '5' cannot be used with the "
        "comparator '>', it is not a number");
  CHECK(errorOf("Error in (Failed)") ==
        "Failed to evaluate 'when' expresion 'Error in (Failed)': Value 'Failed' "
        "cannot be used with the comparator 'in', it is not a number");
  CHECK(errorOf("a.B == c") == "Failed to evaluate 'when' expresion 'a.B == c': No parameter 'a' found.");
}

TEST_CASE("steps.go shouldExecute: the simulator bounds length and nesting") {
  CHECK(errorOf(std::string(kMaxWhenBytes + 1, 'a')).find("argosim:") != std::string::npos);
  std::string deep = std::string(100, '(') + "true" + std::string(100, ')');
  CHECK(errorOf(deep).find("argosim:") != std::string::npos);
  std::string shallow = std::string(10, '(') + "true" + std::string(10, ')');
  CHECK(isTrue(shallow));
  std::string chain = "1";
  for (int i = 0; i < 300; ++i)
    chain += "+1";
  CHECK(errorOf(chain + " == 301").find("argosim:") != std::string::npos);
  std::string shortChain = "1";
  for (int i = 0; i < 100; ++i)
    shortChain += "+1";
  CHECK(isTrue(shortChain + " == 101"));
  CHECK(errorOf("a \\").find("argosim:") != std::string::npos); // govaluate would index past the end
}
