// Walks a checked syntax tree and computes its value with expr-lang's run-time semantics and panic texts.
#pragma once

#include "engine/expr/ast.hpp"
#include "engine/expr/error.hpp"
#include "engine/expr/value.hpp"

#include <string_view>
#include <variant>

namespace argosim::expr {

// `env` must be a map (its keys are the top-level names). Errors are located and have phase Runtime.
std::variant<Value, Error> evaluateTree(const Node& root, const Value& env, std::string_view source);

} // namespace argosim::expr
