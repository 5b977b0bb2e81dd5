// Lexer: token kinds and texts as expr-lang's parser/lexer produces them.
#include "engine/expr/lexer.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace argosim::expr;

namespace {
std::vector<std::string> texts(std::string_view src) {
  std::vector<std::string> out;
  for (const Token& t : lex(src).tokens)
    out.push_back(tokenText(t));
  return out;
}
} // namespace

TEST_CASE("lexer: operators, keywords and identifiers", "[expr][lexer]") {
  CHECK(texts("asInt(lastRetry.exitCode) == 3") ==
        std::vector<std::string>{"Identifier(\"asInt\")", "Bracket(\"(\")", "Identifier(\"lastRetry\")",
                                 "Operator(\".\")", "Identifier(\"exitCode\")", "Bracket(\")\")",
                                 "Operator(\"==\")", "Number(\"3\")", "EOF"});
  CHECK(texts("a not in b") == std::vector<std::string>{"Identifier(\"a\")", "Operator(\"not\")",
                                                        "Operator(\"in\")", "Identifier(\"b\")", "EOF"});
  CHECK(texts("not x") == std::vector<std::string>{"Operator(\"not\")", "Identifier(\"x\")", "EOF"});
  CHECK(texts("a ** b <= c && !d") ==
        std::vector<std::string>{"Identifier(\"a\")", "Operator(\"**\")", "Identifier(\"b\")",
                                 "Operator(\"<=\")", "Identifier(\"c\")", "Operator(\"&&\")",
                                 "Operator(\"!\")", "Identifier(\"d\")", "EOF"});
  CHECK(texts("x matches 'y'") ==
        std::vector<std::string>{"Identifier(\"x\")", "Operator(\"matches\")", "String(\"y\")", "EOF"});
}

TEST_CASE("lexer: strings, escapes, numbers, comments", "[expr][lexer]") {
  auto one = [](std::string_view src) { return lex(src).tokens.at(0); };
  CHECK(one(R"("a\"b\n")").value == "a\"b\n");
  CHECK(one(R"('it\'s')").value == "it's");
  CHECK(one(R"("\x41\u00e9\101")").value == "A\xC3\xA9"
                                            "A");
  CHECK(one("`raw\\n`").value == "raw\\n");
  CHECK(one("1_000").value == "1_000");
  CHECK(one(".5").value == ".5");
  CHECK(texts("1 /* c */ + // d\n 2") ==
        std::vector<std::string>{"Number(\"1\")", "Operator(\"+\")", "Number(\"2\")", "EOF"});
  CHECK(texts("1..2") ==
        std::vector<std::string>{"Number(\"1\")", "Operator(\"..\")", "Number(\"2\")", "EOF"});
}

TEST_CASE("lexer: errors and their offsets", "[expr][lexer]") {
  auto err = [](std::string_view src) { return *lex(src).error; };
  CHECK(err("'abc").message == "literal not terminated");
  CHECK(err("'abc").offset == 4); // one past the end, like expr-lang at EOF
  CHECK(err("a @ b").message == "unrecognized character: U+0040 '@'");
  CHECK(err("a @ b").offset == 2);
  CHECK(err("\"\\q\"").message == "invalid char escape");
  CHECK(err("12ab").message == "bad number syntax: \"12a\"");
  CHECK(err("/* open").message == "unclosed comment");
}
