// The functions an expression can call: expr-lang builtins (int, float, string, len, abs, max, min, lower,
// upper, trim, trimPrefix, trimSuffix, split, join) and Argo's env additions asInt/asFloat/toJson
// (util/expr/env: GetFuncMap).
#pragma once

#include "engine/expr/types.hpp"
#include "engine/expr/value.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace argosim::expr {

enum class Function {
  Int,
  Float,
  AsInt,
  AsFloat,
  String,
  Len,
  Abs,
  Max,
  Min,
  Lower,
  Upper,
  Trim,
  TrimPrefix,
  TrimSuffix,
  Split,
  Join,
  ToJson
};

// An implemented expr-lang builtin by name (asInt/asFloat are env functions: see findArgoFunction).
std::optional<Function> findBuiltin(std::string_view name);
// Argo's env functions (asInt, asFloat, toJson); jsonpath and sprig are recognised but not implemented.
std::optional<Function> findArgoFunction(std::string_view name);
bool isUnimplementedArgoFunction(std::string_view name);
// Any expr-lang v1.17 builtin name, implemented or not.
bool isExprBuiltinName(std::string_view name);

struct CallCheck {
  Type result;
  std::optional<std::string> error;
  int errorArg = -1; // the argument the error is reported on; -1 = the call itself
};

// Static argument check with expr-lang's texts (builtin Validate functions and checker.checkArguments).
CallCheck checkCall(Function f, const std::string& name, const std::vector<Type>& args);

struct CallResult {
  Value value;
  std::optional<std::string> error; // run-time error text (expr-lang's panic message)
};

CallResult callFunction(Function f, const std::vector<Value>& args);

// builtin.Int / builtin.Float on one value (shared by int(), asInt(), float(), asFloat()).
CallResult toInt(const Value& v);
CallResult toFloat(const Value& v);

} // namespace argosim::expr
