#include "engine/expr/evaluator.hpp"

#include "engine/expr/builtins.hpp"
#include "engine/expr/limits.hpp"
#include "engine/expr/regex.hpp"

#include <cmath>
#include <optional>
#include <vector>

namespace argosim::expr {
namespace {

std::int64_t wrapAdd(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}
std::int64_t wrapSub(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
}
std::int64_t wrapMul(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b));
}

std::string boolAssertion(const Value& v) {
  return "interface conversion: interface {} is " + (v.isNil() ? std::string("nil") : goTypeName(v)) +
         ", not bool";
}

class Evaluator {
public:
  Evaluator(const Value& env, std::string_view src) : env_(env), src_(src) {}

  std::variant<Value, Error> run(const Node& root) {
    Value out;
    if (!eval(root, out)) return *err_;
    return out;
  }

private:
  const Value& env_;
  std::string_view src_;
  std::optional<Error> err_;

  bool fail(const Node& at, std::string message) {
    if (!err_) err_ = makeError(src_, at.from, std::move(message), ErrorPhase::Runtime);
    return false;
  }

  // Recursion is bounded by the tree height (kMaxDepth, enforced by the parser).
  bool eval(const Node& n, Value& out) {
    switch (n.kind) {
    case NodeKind::Nil:
      out = Value();
      return true;
    case NodeKind::Bool:
      out = Value(n.boolValue);
      return true;
    case NodeKind::Int:
      out = Value(n.intValue);
      return true;
    case NodeKind::Float:
      out = Value(n.floatValue);
      return true;
    case NodeKind::String:
      out = Value(n.stringValue);
      return true;
    case NodeKind::Identifier: {
      const Map& m = env_.asMap();
      auto it = m.find(n.name);
      if (it == m.end()) return fail(n, "unknown name " + n.name); // unreachable after checking
      out = it->second;
      return true;
    }
    case NodeKind::Unary:
      return unary(n, out);
    case NodeKind::Binary:
      return binary(n, out);
    case NodeKind::Member:
      return member(n, out);
    case NodeKind::Call:
      return call(n, out);
    case NodeKind::Array: {
      Array items;
      for (const NodePtr& c : n.children) {
        Value v;
        if (!eval(*c, v)) return false;
        items.push_back(std::move(v));
      }
      out = Value(std::move(items));
      return true;
    }
    case NodeKind::Map: {
      Map m;
      for (std::size_t i = 0; i < n.children.size(); ++i) {
        Value v;
        if (!eval(*n.children[i], v)) return false;
        m[n.keys[i]] = std::move(v);
      }
      out = Value(std::move(m));
      return true;
    }
    case NodeKind::Conditional: {
      Value c;
      if (!eval(*n.children[0], c)) return false;
      if (!c.isBool()) return fail(n, boolAssertion(c));
      return eval(*n.children[c.asBool() ? 1 : 2], out);
    }
    }
    return fail(n, "argosim: unknown node");
  }

  bool unary(const Node& n, Value& out) {
    Value v;
    if (!eval(*n.children[0], v)) return false;
    if (n.op == "!" || n.op == "not") {
      if (!v.isBool()) return fail(n, boolAssertion(v)); // OpNot asserts bool
      out = Value(!v.asBool());
      return true;
    }
    if (n.op == "-") {
      if (v.isInt())
        out = Value(wrapSub(0, v.asInt()));
      else if (v.isFloat())
        out = Value(-v.asFloat());
      else
        return fail(n, "invalid operation: - " + goTypeName(v));
      return true;
    }
    out = v; // unary + compiles to nothing
    return true;
  }

  bool binary(const Node& n, Value& out) {
    const std::string& op = n.op;
    Value l;
    if (!eval(*n.children[0], l)) return false;
    // and/or short-circuit: the left side is asserted bool, the right side is the result as is.
    if (op == "&&" || op == "and" || op == "||" || op == "or") {
      if (!l.isBool()) return fail(n, boolAssertion(l));
      bool isAnd = op == "&&" || op == "and";
      if (l.asBool() != isAnd) {
        out = l;
        return true;
      }
      return eval(*n.children[1], out);
    }
    if (op == "??") {
      if (!l.isNil()) {
        out = l;
        return true;
      }
      return eval(*n.children[1], out);
    }
    Value r;
    if (!eval(*n.children[1], r)) return false;
    auto mismatch = [&]() {
      return fail(n, "invalid operation: " + goTypeName(l) + " " + op + " " + goTypeName(r));
    };

    if (op == "==" || op == "!=") {
      out = Value(valuesEqual(l, r) == (op == "=="));
      return true;
    }
    if (op == "<" || op == ">" || op == "<=" || op == ">=") {
      if (l.isNumber() && r.isNumber() && !(l.isInt() && r.isInt())) {
        double a = l.toDouble(), b = r.toDouble(); // IEEE comparisons: NaN compares false every way
        out = Value(op == "<" ? a < b : op == ">" ? a > b : op == "<=" ? a <= b : a >= b);
        return true;
      }
      auto lt = op == "<" || op == ">=" ? valuesLess(l, r) : valuesLess(r, l);
      if (!lt) return mismatch();
      bool strict = op == "<" || op == ">";
      out = Value(strict ? *lt : !*lt);
      return true;
    }
    if (op == "+" || op == "-" || op == "*") {
      if (l.isInt() && r.isInt()) {
        std::int64_t a = l.asInt(), b = r.asInt(); // Go's int arithmetic wraps
        out = Value(op == "+" ? wrapAdd(a, b) : op == "-" ? wrapSub(a, b) : wrapMul(a, b));
        return true;
      }
      if (l.isNumber() && r.isNumber()) {
        double a = l.toDouble(), b = r.toDouble();
        out = Value(op == "+" ? a + b : op == "-" ? a - b : a * b);
        return true;
      }
      if (op == "+" && l.isString() && r.isString()) {
        if (l.asString().size() + r.asString().size() > kMaxStringBytes)
          return fail(n,
                      "argosim: string concatenation exceeds " + std::to_string(kMaxStringBytes) + " bytes");
        out = Value(l.asString() + r.asString());
        return true;
      }
      return mismatch();
    }
    if (op == "/") {
      if (!l.isNumber() || !r.isNumber()) return mismatch();
      out = Value(l.toDouble() / r.toDouble()); // always float64; x/0 is ±Inf or NaN, as in Go
      return true;
    }
    if (op == "%") {
      if (!l.isInt() || !r.isInt()) return mismatch();
      if (r.asInt() == 0) return fail(n, "runtime error: integer divide by zero");
      out = Value(r.asInt() == -1 ? std::int64_t{0} : l.asInt() % r.asInt());
      return true;
    }
    if (op == "**" || op == "^") {
      // runtime.Exponent converts both sides with ToFloat64; math.Pow overflows to +Inf, never UB.
      if (!l.isNumber()) return fail(n, "invalid operation: float(" + goTypeName(l) + ")");
      if (!r.isNumber()) return fail(n, "invalid operation: float(" + goTypeName(r) + ")");
      out = Value(std::pow(l.toDouble(), r.toDouble()));
      return true;
    }
    if (op == "in") return in(n, l, r, out);
    if (op == "matches" || op == "contains" || op == "startsWith" || op == "endsWith") {
      if (l.isNil() || r.isNil()) {
        out = Value(false);
        return true;
      }
      if (!l.isString())
        return fail(n, "interface conversion: interface {} is " + goTypeName(l) + ", not string");
      if (!r.isString())
        return fail(n, "interface conversion: interface {} is " + goTypeName(r) + ", not string");
      const std::string& a = l.asString();
      const std::string& b = r.asString();
      if (op == "matches") {
        const CompiledRegex compiled = compileGoRegex(b);
        if (compiled.error) return fail(n, *compiled.error);
        const RegexMatch m = matchGoRegex(*compiled.program, a);
        if (m.error) return fail(n, *m.error);
        out = Value(m.matched);
      } else if (op == "contains") {
        out = Value(a.find(b) != std::string::npos);
      } else if (op == "startsWith") {
        out = Value(a.size() >= b.size() && a.compare(0, b.size(), b) == 0);
      } else {
        out = Value(a.size() >= b.size() && a.compare(a.size() - b.size(), b.size(), b) == 0);
      }
      return true;
    }
    return fail(n, "unknown operator (" + op + ")");
  }

  bool in(const Node& n, const Value& needle, const Value& hay, Value& out) {
    // expr-lang's optimizer turns `x in ["a", "b"]` (all string literals) into a map lookup: the needle must
    // then be a string, and nil looks up "".
    const Node& right = *n.children[1];
    bool allStrings = right.kind == NodeKind::Array && !right.children.empty();
    for (const NodePtr& c : right.children)
      if (c->kind != NodeKind::String) allStrings = false;
    if (allStrings || hay.isMap()) {
      if (!needle.isNil() && !needle.isString())
        return fail(n, "reflect.Value.MapIndex: value of type " + goTypeName(needle) +
                           " is not assignable to type string");
      std::string key = needle.isNil() ? "" : needle.asString();
      bool found = false;
      if (hay.isMap())
        found = hay.asMap().count(key) > 0;
      else
        for (const Value& e : hay.asArray())
          if (e.asString() == key) found = true;
      out = Value(found);
      return true;
    }
    if (hay.isArray()) {
      bool found = false;
      for (const Value& e : hay.asArray())
        if (valuesEqual(e, needle)) {
          found = true;
          break;
        }
      out = Value(found);
      return true;
    }
    return fail(n, "operator \"in\" not defined on " + goTypeName(hay));
  }

  bool member(const Node& n, Value& out) {
    Value base, prop;
    if (!eval(*n.children[0], base)) return false;
    if (!eval(*n.children[1], prop)) return false;
    if (base.isMap()) {
      if (!prop.isString() && !prop.isNil())
        return fail(n, "reflect.Value.MapIndex: value of type " + goTypeName(prop) +
                           " is not assignable to type string");
      const Map& m = base.asMap();
      auto it = m.find(prop.isNil() ? std::string() : prop.asString());
      out = it == m.end() ? Value() : it->second; // a missing key reads as nil
      return true;
    }
    if (base.isArray() || base.isString()) {
      std::int64_t i;
      if (prop.isInt())
        i = prop.asInt();
      else if (prop.isFloat())
        i = static_cast<std::int64_t>(prop.asFloat());
      else
        return fail(n, "invalid operation: int(" + goTypeName(prop) + ")");
      std::int64_t len = base.isArray() ? static_cast<std::int64_t>(base.asArray().size())
                                        : static_cast<std::int64_t>(base.asString().size());
      if (i < 0) i += len; // negative indexes count from the end
      if (i < 0 || i >= len)
        return fail(n, "index out of range: " + std::to_string(i) + " (array length is " +
                           std::to_string(len) + ")");
      if (base.isArray())
        out = base.asArray()[static_cast<std::size_t>(i)];
      else // Go yields the byte (uint8); modelled as its integer value
        out = Value(static_cast<std::int64_t>(
            static_cast<unsigned char>(base.asString()[static_cast<std::size_t>(i)])));
      return true;
    }
    return fail(n, "cannot fetch " + formatV(prop) + " from " + goTypeName(base));
  }

  bool call(const Node& n, Value& out) {
    std::vector<Value> args;
    for (const NodePtr& c : n.children) {
      Value v;
      if (!eval(*c, v)) return false;
      args.push_back(std::move(v));
    }
    std::optional<Function> f = findArgoFunction(n.name);
    if (!f) f = findBuiltin(n.name);
    if (!f) return fail(n, "argosim: " + n.name + "() is not supported");
    CallResult r = callFunction(*f, args);
    if (r.error) return fail(n, *r.error);
    out = std::move(r.value);
    return true;
  }
};

} // namespace

std::variant<Value, Error> evaluateTree(const Node& root, const Value& env, std::string_view source) {
  if (!env.isMap()) {
    return makeError(source, 0, "argosim: the environment must be a map", ErrorPhase::Runtime);
  }
  return Evaluator(env, source).run(root);
}

} // namespace argosim::expr
