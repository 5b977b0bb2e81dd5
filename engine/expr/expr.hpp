// Public API of argosim's model of Argo's expression language (expr-lang v1.17 as Argo v4.1.2 configures it).
#pragma once

#include "engine/expr/error.hpp"
#include "engine/expr/value.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace argosim::expr {

struct EvalResult {
  bool ok = false;
  Value value;
  Error error;
};

// Parses without evaluating: lets the editor flag a bad expression at load time. Syntax errors carry
// expr-lang's texts; constructs argosim does not model (pipes, predicates, let, ranges, slices, ?.) are
// errors too.
std::optional<Error> check(std::string_view source);

// check() plus expr-lang's compile-time type check against the retry scope (all variables strings), so e.g.
// `retries < 3` is flagged as Argo would flag it at run time of the retry node.
std::optional<Error> checkRetryExpression(std::string_view source);

// Compiles (parse + type check) and runs `source` against `env`, which must be a map. Argo's env functions
// (asInt, asFloat) are available, as in util/expr/env: GetFuncMap, and take precedence over env keys.
EvalResult evaluate(std::string_view source, const Value& env);

// Argo's retry expression: the env is built from dotted keys ("lastRetry.exitCode" ->
// {"lastRetry":{"exitCode":..}}), all string values (operator.go buildRetryStrategyLocalScope); the result
// must be a bool.
struct BoolResult {
  bool ok = false;
  bool value = false;
  std::string message; // on failure: the text Argo puts on the Retry node (argoexpr.EvalBool's error)
  int column = 0; // 1-based column of the error (0 when the error has no location, e.g. a non-bool result)
  int line = 0;
};
BoolResult evaluateRetryExpression(std::string_view source,
                                   const std::vector<std::pair<std::string, std::string>>& dottedVars);

// util/expand: Expand (with removeConflicts): dotted keys to nested maps; a key that is also a prefix of
// another
// ("a" and "a.b") is dropped in favour of the more specific one.
Value expandDottedKeys(const std::vector<std::pair<std::string, std::string>>& dottedVars);

} // namespace argosim::expr
