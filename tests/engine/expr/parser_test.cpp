// Parser: precedence as expr-lang's operator table, its error texts and error columns, and the limits.
#include "engine/expr/expr.hpp"
#include "engine/expr/parser.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace argosim::expr;

namespace {
std::string show(const Node& n) {
  switch (n.kind) {
  case NodeKind::Int:
    return std::to_string(n.intValue);
  case NodeKind::Identifier:
    return n.name;
  case NodeKind::String:
    return "'" + n.stringValue + "'";
  case NodeKind::Unary:
    return "(" + n.op + " " + show(*n.children[0]) + ")";
  case NodeKind::Binary:
    return "(" + show(*n.children[0]) + " " + n.op + " " + show(*n.children[1]) + ")";
  case NodeKind::Member:
    return show(*n.children[0]) + "[" + show(*n.children[1]) + "]";
  case NodeKind::Conditional:
    return "(" + show(*n.children[0]) + " ? " + show(*n.children[1]) + " : " + show(*n.children[2]) + ")";
  default:
    return "?";
  }
}
std::string tree(std::string_view src) {
  ParseResult p = parse(src);
  REQUIRE(!p.error);
  return show(*p.root);
}
Error parseError(std::string_view src) {
  auto e = check(src);
  REQUIRE(e);
  return *e;
}
} // namespace

TEST_CASE("parser: precedence and associativity (parser/operator/operator.go)", "[expr][parser]") {
  CHECK(tree("1 + 2 * 3") == "(1 + (2 * 3))");
  CHECK(tree("2 ** 3 ** 2") == "(2 ** (3 ** 2))");
  CHECK(tree("-2 ** 2") == "(- (2 ** 2))");
  CHECK(tree("a || b && c") == "(a || (b && c))");
  CHECK(tree("not a == b") == "((not a) == b)");
  CHECK(tree("a not in b") == "(not (a in b))");
  CHECK(tree("1 < x < 3") == "((1 < x) && (x < 3))");
  CHECK(tree("a ? b : c ? d : e") == "(a ? b : (c ? d : e))");
  CHECK(tree("lastRetry.exitCode") == "lastRetry['exitCode']");
  CHECK(tree("a[\"b\"][0]") == "a['b'][0]");
}

TEST_CASE("parser: syntax errors use expr-lang's texts and 1-based columns", "[expr][parser]") {
  // util/expr/argoexpr eval_test.go: "invalid expression" does not compile.
  Error e = parseError("invalid expression");
  CHECK(e.message == "unexpected token Identifier(\"expression\")");
  CHECK(e.column == 9);
  e = parseError("asInt(lastRetry.exitCode == 3");
  CHECK(e.message == "unexpected token EOF");
  CHECK(e.column == 30);
  e = parseError("(1 + 2");
  CHECK(e.message == "unexpected token EOF");
  e = parseError("a.");
  CHECK(e.message == "unexpected end of expression");
  e = parseError("a b");
  CHECK(e.message == "unexpected token Identifier(\"b\")");
  CHECK(e.column == 3);
  e = parseError("1 + ) @");
  CHECK(e.message ==
        "unexpected token Bracket(\")\")"); // the parse error comes before the later lexing error
  e = parseError("x == 'abc");
  CHECK(e.message == "literal not terminated");
  CHECK(e.column == 10);
  e = parseError("99999999999999999999");
  CHECK(e.message ==
        "invalid integer literal: strconv.ParseInt: parsing \"99999999999999999999\": value out of range");
  e = parseError("a ?? b || c");
  CHECK(e.message ==
        "Operator (||) and coalesce expressions (?\?) cannot be mixed. Wrap either by parentheses.");
  e = parseError("a ==\n  ]");
  CHECK(e.line == 2);
  CHECK(e.column == 3);
}

TEST_CASE("parser: constructs argosim does not model are errors, never guesses", "[expr][parser]") {
  CHECK(parseError("all([1], # > 0)").message == "argosim: the builtin all() is not supported");
  CHECK(parseError("x | upper()").message == "argosim: the pipe operator (|) is not supported");
  CHECK(parseError("1..3").message == "argosim: the range operator (..) is not supported");
  CHECK(parseError("let x = 1; x").message == "argosim: let is not supported");
  CHECK(parseError("a?.b").message == "argosim: optional chaining (?.) is not supported");
  CHECK(parseError("a[1:2]").message == "argosim: slicing ([a:b]) is not supported");
  Error e = parseError("true && sprig.int(retries) > 1");
  CHECK(e.message == "argosim: sprig functions (sprig.int) are not supported");
  CHECK(e.column == 9);
}

TEST_CASE("parser: limits on length and depth", "[expr][parser]") {
  std::string longSrc(10001, '1');
  CHECK(parseError(longSrc).message == "argosim: expression is longer than 10000 bytes");
  std::string parens = std::string(300, '(') + "1" + std::string(300, ')');
  CHECK(parseError(parens).message == "argosim: expression nesting exceeds 200 levels");
  std::string chain = "1";
  for (int i = 0; i < 400; ++i)
    chain += "+1"; // left-nested without parser recursion: the tree height is what is bounded
  CHECK(parseError(chain).message == "argosim: expression nesting exceeds 200 levels");
  std::string unary(300, '-');
  CHECK(parseError(unary + "1").message == "argosim: expression nesting exceeds 200 levels");
  CHECK_FALSE(check(std::string(150, '(') + "1" + std::string(150, ')')));
}
