#include "engine/expr/expr.hpp"

#include "engine/expr/checker.hpp"
#include "engine/expr/evaluator.hpp"
#include "engine/expr/parser.hpp"

#include <algorithm>
#include <variant>

namespace argosim::expr {
namespace {

Type typeOfValue(const Value& v) {
  if (v.isNil()) return Type{TypeKind::Nil, {}};
  if (v.isBool()) return Type{TypeKind::Bool, {}};
  if (v.isInt()) return Type{TypeKind::Int, {}};
  if (v.isFloat()) return Type{TypeKind::Float, {}};
  if (v.isString()) return Type{TypeKind::String, {}};
  if (v.isArray()) return Type{TypeKind::ArrayAny, {}};
  return Type{TypeKind::Map, {}};
}

// conf.Env of a map: each top-level key gets its value's type; nested map values stay unknown.
TypeEnv typeEnvOf(const Value& env) {
  TypeEnv types;
  if (env.isMap())
    for (const auto& [k, v] : env.asMap())
      types[k] = typeOfValue(v);
  // GetFuncMap assigns these after expanding the variables, so they win over same-named keys.
  types["asInt"] = Type{TypeKind::Func, "asInt"};
  types["asFloat"] = Type{TypeKind::Func, "asFloat"};
  types["toJson"] = Type{TypeKind::Func, "toJson"};
  return types;
}

Map withoutFunctionKeys(const Value& env) {
  Map m = env.isMap() ? env.asMap() : Map{};
  m.erase("asInt");
  m.erase("asFloat");
  m.erase("toJson");
  return m;
}

EvalResult compileAndRun(std::string_view source, const Value& env) {
  EvalResult r;
  if (!env.isMap()) {
    r.error = makeError(source, 0, "argosim: the environment must be a map", ErrorPhase::Check);
    return r;
  }
  ParseResult p = parse(source);
  if (p.error) {
    r.error = *p.error;
    return r;
  }
  if (auto e = checkTypes(*p.root, typeEnvOf(env), source)) {
    r.error = *e;
    return r;
  }
  auto out = evaluateTree(*p.root, Value(withoutFunctionKeys(env)), source);
  if (std::holds_alternative<Error>(out)) {
    r.error = std::get<Error>(out);
    return r;
  }
  r.ok = true;
  r.value = std::get<Value>(out);
  return r;
}

Value retryScopeShape() {
  // buildRetryStrategyLocalScope always sets these five keys once the retry node has an attempt.
  return expandDottedKeys({{"retries", ""},
                           {"lastRetry.exitCode", ""},
                           {"lastRetry.status", ""},
                           {"lastRetry.duration", ""},
                           {"lastRetry.message", ""}});
}

} // namespace

std::optional<Error> check(std::string_view source) {
  ParseResult p = parse(source);
  if (p.error) return p.error;
  return std::nullopt;
}

std::optional<Error> checkRetryExpression(std::string_view source) {
  ParseResult p = parse(source);
  if (p.error) return p.error;
  return checkTypes(*p.root, typeEnvOf(retryScopeShape()), source);
}

EvalResult evaluate(std::string_view source, const Value& env) {
  return compileAndRun(source, env);
}

Value expandDottedKeys(const std::vector<std::pair<std::string, std::string>>& dottedVars) {
  // Later duplicates win, as assignments into a Go map would.
  std::map<std::string, std::string> flat;
  for (const auto& [k, v] : dottedVars)
    flat[k] = v;
  // removeConflicts: with keys sorted, drop a key when the next one extends it with ".".
  std::vector<std::string> keys;
  for (const auto& kv : flat)
    keys.push_back(kv.first);
  for (std::size_t i = 0; i + 1 < keys.size(); ++i)
    if (keys[i + 1].rfind(keys[i] + ".", 0) == 0) flat.erase(keys[i]);

  // Build nested std::maps of Values; kept as a tree of plain maps first, so inner maps can still be mutated.
  struct Tree {
    std::map<std::string, Tree> children;
    std::optional<std::string> leaf;
  };
  Tree root;
  for (const auto& [key, value] : flat) {
    Tree* t = &root;
    std::size_t start = 0;
    for (;;) {
      std::size_t dot = key.find('.', start);
      std::string part = key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      t = &t->children[part];
      if (dot == std::string::npos) break;
      t->leaf.reset();
      start = dot + 1;
    }
    if (t->children.empty()) t->leaf = value;
  }
  // Key depth is bounded by the key length; convert iteratively from the leaves with an explicit stack.
  struct Frame {
    const Tree* tree;
    Map built;
    std::map<std::string, Tree>::const_iterator next;
    std::string nameInParent;
  };
  std::vector<Frame> stack;
  stack.push_back(Frame{&root, {}, root.children.begin(), ""});
  Value result;
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.next == f.tree->children.end()) {
      Value v(std::move(f.built));
      std::string name = f.nameInParent;
      stack.pop_back();
      if (stack.empty()) {
        result = std::move(v);
      } else {
        stack.back().built[name] = std::move(v);
      }
      continue;
    }
    const auto& [name, child] = *f.next;
    ++f.next;
    if (child.leaf && child.children.empty()) {
      f.built[name] = Value(*child.leaf);
    } else {
      stack.push_back(Frame{&child, {}, child.children.begin(), name});
    }
  }
  return result;
}

BoolResult evaluateRetryExpression(std::string_view source,
                                   const std::vector<std::pair<std::string, std::string>>& dottedVars) {
  BoolResult b;
  Value env = expandDottedKeys(dottedVars);
  EvalResult r = compileAndRun(source, env);
  if (!r.ok) {
    // util/expr/argoexpr: EvalBool returns compile errors as they are and wraps run-time errors.
    std::string text = formatWithSnippet(r.error, source);
    if (r.error.phase == ErrorPhase::Runtime)
      text = "unable to evaluate expression '" + std::string(source) + "': " + text;
    b.message = std::move(text);
    b.column = r.error.column;
    b.line = r.error.line;
    return b;
  }
  if (!r.value.isBool()) {
    b.message = "unable to cast expression result '" + formatS(r.value) + "' to bool";
    return b;
  }
  b.ok = true;
  b.value = r.value.asBool();
  return b;
}

} // namespace argosim::expr
