#include "engine/expr/checker.hpp"

#include "engine/expr/builtins.hpp"
#include "engine/expr/regex.hpp"

#include <vector>

namespace argosim::expr {
namespace {

Type of(TypeKind k) {
  return Type{k, {}};
}

bool comparable(const Type& l, const Type& r) {
  return l.unknown() || r.unknown() || l.is(TypeKind::Nil) || r.is(TypeKind::Nil) ||
         (l.number() && r.number()) || (l.array() && r.array()) || l.kind == r.kind;
}

// Nature.MaybeCompatible: both unknown, or one unknown and the other passes the check.
template <class Pred> bool maybe(const Type& l, const Type& r, Pred ok) {
  return (l.unknown() && r.unknown()) || (l.unknown() && ok(r)) || (r.unknown() && ok(l));
}

Type promote(const Type& l, const Type& r) {
  if (l.unknown() || r.unknown()) return of(TypeKind::Unknown);
  if (l.is(TypeKind::Float) || r.is(TypeKind::Float)) return of(TypeKind::Float);
  return of(TypeKind::Int);
}

// Integer constants the optimizer folds (literals through unary -/+ and + - * %), for its "% 0" error.
std::optional<std::int64_t> constInt(const Node& n) {
  if (n.kind == NodeKind::Int) return n.intValue;
  if (n.kind == NodeKind::Unary && (n.op == "-" || n.op == "+")) {
    auto v = constInt(*n.children[0]);
    if (!v) return v;
    return n.op == "-" ? static_cast<std::int64_t>(0 - static_cast<std::uint64_t>(*v)) : *v;
  }
  if (n.kind == NodeKind::Binary && (n.op == "+" || n.op == "-" || n.op == "*" || n.op == "%")) {
    auto a = constInt(*n.children[0]);
    auto b = constInt(*n.children[1]);
    if (!a || !b) return std::nullopt;
    auto ua = static_cast<std::uint64_t>(*a), ub = static_cast<std::uint64_t>(*b);
    if (n.op == "+") return static_cast<std::int64_t>(ua + ub);
    if (n.op == "-") return static_cast<std::int64_t>(ua - ub);
    if (n.op == "*") return static_cast<std::int64_t>(ua * ub);
    if (*b == 0) return std::nullopt;
    if (*b == -1) return 0;
    return *a % *b;
  }
  return std::nullopt;
}

class Checker {
public:
  Checker(const TypeEnv& env, std::string_view src) : env_(env), src_(src) {}

  std::optional<Error> run(const Node& root) {
    visit(root);
    return err_;
  }

private:
  const TypeEnv& env_;
  std::string_view src_;
  std::optional<Error> err_;

  Type error(const Node& at, std::string message) { return errorAt(at.from, std::move(message)); }
  Type errorAt(int from, std::string message) {
    if (!err_) err_ = makeError(src_, from, std::move(message), ErrorPhase::Check);
    return of(TypeKind::Unknown);
  }

  // Recursion is bounded by the tree height, which the parser limits to kMaxDepth.
  Type visit(const Node& n) {
    switch (n.kind) {
    case NodeKind::Nil:
      return of(TypeKind::Nil);
    case NodeKind::Bool:
      return of(TypeKind::Bool);
    case NodeKind::Int:
      return of(TypeKind::Int);
    case NodeKind::Float:
      return of(TypeKind::Float);
    case NodeKind::String:
      return of(TypeKind::String);
    case NodeKind::Identifier:
      return identifier(n);
    case NodeKind::Unary:
      return unary(n);
    case NodeKind::Binary:
      return binary(n);
    case NodeKind::Member:
      return member(n);
    case NodeKind::Call:
      return call(n);
    case NodeKind::Array:
      for (const NodePtr& c : n.children)
        visit(*c);
      return of(TypeKind::ArrayAny);
    case NodeKind::Map:
      for (const NodePtr& c : n.children)
        visit(*c);
      return of(TypeKind::Map);
    case NodeKind::Conditional:
      return conditional(n);
    }
    return of(TypeKind::Unknown);
  }

  Type identifier(const Node& n) {
    if (isUnimplementedArgoFunction(n.name)) return error(n, "argosim: " + n.name + " is not supported");
    auto it = env_.find(n.name);
    if (it != env_.end() && it->second.kind != TypeKind::Func) return it->second;
    if (it != env_.end() || findArgoFunction(n.name) || isExprBuiltinName(n.name))
      return error(n, "argosim: using the function " + n.name + " as a value is not supported");
    return error(n, "unknown name " + n.name); // the env is strict (conf.Env of a map)
  }

  Type unary(const Node& n) {
    Type t = visit(*n.children[0]);
    if (n.op == "!" || n.op == "not") {
      if (t.is(TypeKind::Bool) || t.unknown()) return of(TypeKind::Bool);
    } else {
      if (t.number()) return t;
      if (t.unknown()) return of(TypeKind::Unknown);
    }
    return error(n, "invalid operation: " + n.op + " (mismatched type " + typeName(t) + ")");
  }

  Type binary(const Node& n) {
    Type l = visit(*n.children[0]);
    Type r = visit(*n.children[1]);
    const std::string& op = n.op;
    auto isNum = [](const Type& t) { return t.number(); };
    auto isStr = [](const Type& t) { return t.is(TypeKind::String); };
    auto isInt = [](const Type& t) { return t.is(TypeKind::Int); };
    if (op == "==" || op == "!=") {
      if (comparable(l, r)) return of(TypeKind::Bool);
    } else if (op == "or" || op == "||" || op == "and" || op == "&&") {
      if (l.is(TypeKind::Bool) && r.is(TypeKind::Bool)) return of(TypeKind::Bool);
      if (maybe(l, r, [](const Type& t) { return t.is(TypeKind::Bool); })) return of(TypeKind::Bool);
    } else if (op == "<" || op == ">" || op == "<=" || op == ">=") {
      if ((l.number() && r.number()) || (isStr(l) && isStr(r))) return of(TypeKind::Bool);
      if (maybe(l, r, [](const Type& t) { return t.number() || t.is(TypeKind::String); }))
        return of(TypeKind::Bool);
    } else if (op == "-" || op == "*") {
      if (l.number() && r.number()) return promote(l, r);
      if (maybe(l, r, isNum)) return of(TypeKind::Unknown);
    } else if (op == "/" || op == "**" || op == "^") {
      if ((l.number() && r.number()) || maybe(l, r, isNum)) return of(TypeKind::Float);
    } else if (op == "%") {
      if ((isInt(l) && isInt(r)) || maybe(l, r, isInt)) {
        auto divisor = constInt(*n.children[1]);
        if (divisor && *divisor == 0 && constInt(*n.children[0])) return error(n, "integer divide by zero");
        return of(TypeKind::Int);
      }
    } else if (op == "+") {
      if (l.number() && r.number()) return promote(l, r);
      if (isStr(l) && isStr(r)) return of(TypeKind::String);
      if (maybe(l, r, [](const Type& t) { return t.number() || t.is(TypeKind::String); }))
        return of(TypeKind::Unknown);
    } else if (op == "in") {
      if (r.is(TypeKind::Map)) {
        if (!l.unknown() && !l.is(TypeKind::String))
          return error(n, "cannot use " + typeName(l) + " as type string in map key");
        return of(TypeKind::Bool);
      }
      if (r.array()) {
        Type elem = r.is(TypeKind::ArrayString) ? of(TypeKind::String) : of(TypeKind::Unknown);
        if (!comparable(l, elem))
          return error(n, "cannot use " + typeName(l) + " as type " + typeName(elem) + " in array");
        return of(TypeKind::Bool);
      }
      if (l.unknown() && (isStr(r) || r.array() || r.is(TypeKind::Map))) return of(TypeKind::Bool);
      if (r.unknown()) return of(TypeKind::Bool);
    } else if (op == "matches") {
      const Node& pattern = *n.children[1];
      if (pattern.kind == NodeKind::String) {
        const CompiledRegex compiled = compileGoRegex(pattern.stringValue);
        if (compiled.error) return error(n, *compiled.error);
      }
      if ((isStr(l) && isStr(r)) || maybe(l, r, isStr)) return of(TypeKind::Bool);
    } else if (op == "contains" || op == "startsWith" || op == "endsWith") {
      if ((isStr(l) && isStr(r)) || maybe(l, r, isStr)) return of(TypeKind::Bool);
    } else if (op == "??") {
      if (l.is(TypeKind::Nil)) return r;
      if (r.is(TypeKind::Nil)) return l;
      if (l.kind == r.kind) return l;
      return of(TypeKind::Unknown);
    } else {
      return error(n, "unknown operator (" + op + ")");
    }
    return error(n, "invalid operation: " + op + " (mismatched types " + typeName(l) + " and " + typeName(r) +
                        ")");
  }

  Type member(const Node& n) {
    Type base = visit(*n.children[0]);
    const Node& propNode = *n.children[1];
    Type prop = visit(propNode);
    if (base.unknown()) return of(TypeKind::Unknown);
    bool named = propNode.kind == NodeKind::String;
    if (named && base.is(TypeKind::Nil)) return error(n, "type nil has no field " + propNode.stringValue);
    if (base.is(TypeKind::Map)) {
      if (!prop.is(TypeKind::String) && !prop.unknown())
        return error(propNode, "cannot use " + typeName(prop) + " to get an element from " + typeName(base));
      return of(TypeKind::Unknown);
    }
    if (base.array()) {
      if (!prop.is(TypeKind::Int) && !prop.unknown())
        return error(propNode,
                     "array elements can only be selected using an integer (got " + typeName(prop) + ")");
      return base.is(TypeKind::ArrayString) ? of(TypeKind::String) : of(TypeKind::Unknown);
    }
    if (named) return error(n, "type " + typeName(base) + " has no field " + propNode.stringValue);
    return error(n, "type " + typeName(base) + "[" + typeName(prop) + "] is undefined");
  }

  Type call(const Node& n) {
    std::vector<Type> args;
    for (const NodePtr& c : n.children)
      args.push_back(visit(*c));
    if (isUnimplementedArgoFunction(n.name)) return error(n, "argosim: " + n.name + "() is not supported");
    std::optional<Function> f;
    auto it = env_.find(n.name);
    if (it != env_.end()) {
      if (it->second.kind != TypeKind::Func) {
        if (it->second.unknown()) return error(n, "argosim: calling " + n.name + " is not supported");
        return error(n, typeName(it->second) + " is not callable");
      }
      f = findArgoFunction(it->second.func);
    } else if ((f = findBuiltin(n.name))) {
    } else if ((f = findArgoFunction(n.name))) {
    } else if (isExprBuiltinName(n.name)) {
      return error(n, "argosim: the builtin " + n.name + "() is not supported");
    } else {
      return error(n, "unknown name " + n.name);
    }
    if (!f) return error(n, "argosim: calling " + n.name + " is not supported");
    CallCheck c = checkCall(*f, n.name, args);
    if (c.error) {
      if (c.errorArg >= 0) return error(*n.children[static_cast<std::size_t>(c.errorArg)], *c.error);
      return error(n, *c.error);
    }
    return c.result;
  }

  Type conditional(const Node& n) {
    Type c = visit(*n.children[0]);
    if (!c.is(TypeKind::Bool) && !c.unknown())
      return error(*n.children[0], "non-bool expression (type " + typeName(c) + ") used as condition");
    Type a = visit(*n.children[1]);
    Type b = visit(*n.children[2]);
    if (a.is(TypeKind::Nil)) return b;
    if (b.is(TypeKind::Nil)) return a;
    if (a.kind == b.kind) return a;
    return of(TypeKind::Unknown);
  }
};

} // namespace

std::optional<Error> checkTypes(const Node& root, const TypeEnv& env, std::string_view source) {
  return Checker(env, source).run(root);
}

} // namespace argosim::expr
