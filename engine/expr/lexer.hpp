// Splits expression text into tokens the way expr-lang's lexer does (operators, keywords, strings, numbers).
#pragma once

#include "engine/expr/error.hpp"
#include "engine/expr/token.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace argosim::expr {

struct LexResult {
  std::vector<Token> tokens;  // ends with an Eof token unless `error` is set
  std::optional<Error> error; // the first lexing error; the parser reports it when it reaches that point
};

LexResult lex(std::string_view source);

} // namespace argosim::expr
