// Compile-time checks expr-lang's checker makes (unknown names, mismatched operand types, call arity and
// argument types, constant regexps, constant % 0), so those errors come out unwrapped, as in Argo.
#pragma once

#include "engine/expr/ast.hpp"
#include "engine/expr/error.hpp"
#include "engine/expr/types.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace argosim::expr {

// Top-level names and their types; Argo's functions (asInt, asFloat, ...) are always added.
using TypeEnv = std::map<std::string, Type>;

std::optional<Error> checkTypes(const Node& root, const TypeEnv& env, std::string_view source);

} // namespace argosim::expr
