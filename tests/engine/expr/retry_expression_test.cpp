// Retry expressions as Argo evaluates them: operator.go buildRetryStrategyLocalScope + util/expr/argoexpr
// EvalBool.
#include "engine/expr/expr.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace argosim::expr;

namespace {
using Vars = std::vector<std::pair<std::string, std::string>>;

// operator_test.go TestBuildRetryStrategyLocalScope: the scope of retry-script-9z9pv[1].retry.
Vars scope(std::string exitCode = "1", std::string status = "Failed", std::string duration = "6",
           std::string message = "Error (exit code 1)", std::string retries = "1") {
  return {{"retries", retries},
          {"lastRetry.exitCode", exitCode},
          {"lastRetry.status", status},
          {"lastRetry.duration", duration},
          {"lastRetry.message", message}};
}
bool yes(std::string_view src, const Vars& vars = scope()) {
  BoolResult r = evaluateRetryExpression(src, vars);
  INFO(src << " -> " << r.message);
  REQUIRE(r.ok);
  return r.value;
}
BoolResult no(std::string_view src, const Vars& vars = scope()) {
  BoolResult r = evaluateRetryExpression(src, vars);
  INFO(src);
  REQUIRE_FALSE(r.ok);
  return r;
}
} // namespace

TEST_CASE("retry expression: the spec's §3.5 examples", "[expr][retry]") {
  CHECK(yes("asInt(lastRetry.exitCode) == 3", scope("3")));
  CHECK_FALSE(yes("asInt(lastRetry.exitCode) == 3", scope("1")));
  CHECK(yes("lastRetry.status == \"Error\"", scope("1", "Error")));
  CHECK_FALSE(yes("lastRetry.status == \"Error\""));
  CHECK(yes("asFloat(lastRetry.duration) < 10"));
  CHECK(yes("asFloat(lastRetry.duration) < 10", scope("1", "Failed", "6.5")));
  CHECK_FALSE(yes("asFloat(lastRetry.duration) < 10", scope("1", "Failed", "12")));
  CHECK(yes("lastRetry.message matches \"pod deleted\"", scope("-1", "Error", "3", "pod deleted")));
  CHECK_FALSE(yes("lastRetry.message matches \"pod deleted\""));
  CHECK(yes("asInt(retries) < 3"));
  CHECK(yes("asInt(lastRetry.exitCode) == -1", scope("-1"))); // no exit code recorded
}

TEST_CASE("retry expression: `retries < 3` is a compile error (all scope values are strings)",
          "[expr][retry]") {
  // `retries` is a top-level string, so expr-lang's checker rejects the comparison; the error is not wrapped.
  BoolResult r = no("retries < 3");
  CHECK(r.message == "invalid operation: < (mismatched types string and int) (1:9)\n"
                     " | retries < 3\n"
                     " | ........^");
  CHECK(r.column == 9);
  CHECK(r.line == 1);
  REQUIRE(checkRetryExpression("retries < 3"));
  CHECK(checkRetryExpression("retries < 3")->column == 9);
  CHECK_FALSE(checkRetryExpression("asInt(retries) < 3"));
  CHECK_FALSE(check("retries < 3")); // syntax alone is fine
}

TEST_CASE("retry expression: `lastRetry.exitCode > 1` fails at run time", "[expr][retry]") {
  // lastRetry is a map, so its members are untyped for the checker; runtime.More then panics.
  BoolResult r = no("lastRetry.exitCode > 1");
  CHECK(r.message ==
        "unable to evaluate expression 'lastRetry.exitCode > 1': invalid operation: string > int (1:20)\n"
        " | lastRetry.exitCode > 1\n"
        " | ...................^");
  CHECK(r.column == 20);
  CHECK_FALSE(checkRetryExpression("lastRetry.exitCode > 1"));
}

TEST_CASE("retry expression: Argo's operator_test.go expressions", "[expr][retry]") {
  // TestProcessNodeRetriesWithExpression / TestProcessNodeRetriesMessageOrder: "false".
  CHECK_FALSE(yes("false"));
  // TestOperatorRetryExpressionError: "true".
  CHECK(yes("true", scope("-1", "Error")));
  // TestOperatorRetryExpression after parameter substitution; the last attempt exited 1 -> false.
  CHECK_FALSE(yes("asInt(lastRetry.exitCode) > 1 && true == true"));
  CHECK(
      yes("asInt(lastRetry.exitCode) > 1 && true == true", scope("2", "Failed", "6", "Error (exit code 2)")));
  // util/expr/argoexpr eval_test.go: "invalid expression" and `null` (expr's nil is `nil`).
  CHECK(no("invalid expression").message ==
        "unexpected token Identifier(\"expression\") (1:9)\n | invalid expression\n | ........^");
  CHECK(no("lastRetry.outputs != null").message.rfind("unknown name null (1:22)", 0) == 0);
  CHECK(yes("lastRetry.outputs == nil")); // a missing member reads as nil
}

TEST_CASE("retry expression: non-bool results and run-time errors use EvalBool's wrapping", "[expr][retry]") {
  CHECK(no("lastRetry.status").message == "unable to cast expression result 'Failed' to bool");
  CHECK(no("asInt(lastRetry.exitCode)").message == "unable to cast expression result '%!s(int=1)' to bool");
  CHECK(no("asFloat(lastRetry.duration)").message ==
        "unable to cast expression result '%!s(float64=6)' to bool");
  CHECK(no("lastRetry.missing").message == "unable to cast expression result '%!s(<nil>)' to bool");
  BoolResult r = no("asInt(lastRetry.message) > 0");
  CHECK(r.message == "unable to evaluate expression 'asInt(lastRetry.message) > 0': invalid operation: "
                     "int(Error (exit code 1)) (1:1)\n | asInt(lastRetry.message) > 0\n | ^");
  CHECK(r.column == 1);
  CHECK(no("sprig.int(lastRetry.exitCode) == 1").message.rfind("argosim: sprig functions", 0) == 0);
}

TEST_CASE("retry expression: multi-line expressions report line and column", "[expr][retry]") {
  BoolResult r = no("asInt(lastRetry.exitCode) == 1 &&\n  lastRetry.status < 2");
  CHECK(r.line == 2);
  CHECK(r.column == 20);
  CHECK(r.message ==
        "unable to evaluate expression 'asInt(lastRetry.exitCode) == 1 &&\n  lastRetry.status < 2': "
        "invalid operation: string < int (2:20)\n |   lastRetry.status < 2\n | ...................^");
}

TEST_CASE("retry expression: dotted keys expand like util/expand", "[expr][retry]") {
  Value v = expandDottedKeys({{"a.b", "1"}, {"a", "2"}, {"c", "3"}, {"a.d.e", "4"}});
  REQUIRE(v.isMap());
  const Map& m = v.asMap();
  REQUIRE(m.at("a").isMap());
  CHECK(m.at("a").asMap().at("b").asString() == "1");
  CHECK(m.at("a").asMap().at("d").asMap().at("e").asString() == "4");
  CHECK(m.at("c").asString() == "3");
}

TEST_CASE("retry expression: `matches` takes any Go regexp, Unicode classes and inline flags included",
          "[expr][retry][regex]") {
  // Refused as "argosim: regexp ... is not supported" while `matches` ran on std::regex.
  const Vars shutdown = scope("-1", "Error", "3", "pod deleted: imminent Node shutdown");
  CHECK(yes("lastRetry.message matches 'imminent (?i:node) shutdown|OOM'", shutdown));
  CHECK_FALSE(yes("lastRetry.message matches 'imminent (?i:node) (?-i)SHUTDOWN'", shutdown));
  CHECK(yes("lastRetry.message matches '^\\\\pL+ \\\\p{Ll}+:'", shutdown));
  CHECK(yes("lastRetry.message matches '\\\\p{Greek}'", scope("1", "Failed", "6", "\u03a3 failed")));
  CHECK(no("lastRetry.message matches '(?<=x)'").message.find("invalid named capture: `(?<=x)`") !=
        std::string::npos);
}
