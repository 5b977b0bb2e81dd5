// Robustness: arbitrary text never crashes, hangs or throws; every failure is a located error.
#include "engine/expr/expr.hpp"

#include <catch2/catch_test_macros.hpp>
#include <random>

using namespace argosim::expr;

TEST_CASE("robustness: random token soup only ever yields values or located errors", "[expr][robustness]") {
  static const char* kPieces[] = {
      "lastRetry", ".",         "exitCode", "retries", "asInt(",      "asFloat(", ")", "(",
      "[",         "]",         "{",        "}",       ":",           ",",        "?", "??",
      "==",        "<",         "**",       "%",       "/",           "-",        "!", "not ",
      " in ",      " matches ", "'(a*)*b'", "'x'",     "\"\\u{41}\"", "1",        "0", "2.5e3",
      "nil",       "true",      " and ",    "||",      "#",           "@",        "`", "'",
      "\\",        "split(",    "join(",    "max(",    "len(",        "\n"};
  std::mt19937 rng(12345);
  std::uniform_int_distribution<std::size_t> pick(0, sizeof(kPieces) / sizeof(kPieces[0]) - 1);
  std::uniform_int_distribution<int> length(1, 25);
  std::vector<std::pair<std::string, std::string>> vars = {
      {"retries", "2"},
      {"lastRetry.exitCode", "1"},
      {"lastRetry.status", "Failed"},
      {"lastRetry.duration", "6"},
      {"lastRetry.message", "aaaaaaaaaaaaaaaaaaaaaaaaac"}};
  for (int i = 0; i < 5000; ++i) {
    std::string src;
    for (int n = length(rng); n > 0; --n)
      src += kPieces[pick(rng)];
    BoolResult r = evaluateRetryExpression(src, vars);
    if (!r.ok) {
      INFO(src << " -> " << r.message);
      CHECK_FALSE(r.message.empty());
      if (r.message.rfind("unable to cast", 0) != 0) CHECK(r.column >= 1);
    }
    (void)check(src);
  }
}
