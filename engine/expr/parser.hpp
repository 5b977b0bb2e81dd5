// Builds the syntax tree with expr-lang's precedence, associativity and error texts; refuses what argosim
// cannot evaluate (pipes, predicates, let, ranges, slices, ...) with an "argosim:" error instead of guessing.
#pragma once

#include "engine/expr/ast.hpp"
#include "engine/expr/error.hpp"

#include <optional>
#include <string_view>

namespace argosim::expr {

struct ParseResult {
  NodePtr root;               // set when error is empty
  std::optional<Error> error; // located (line/column filled in)
};

ParseResult parse(std::string_view source);

} // namespace argosim::expr
