#include "engine/expr/builtins.hpp"

#include "engine/expr/json_marshal.hpp"
#include "engine/expr/limits.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace argosim::expr {
namespace {

struct Named {
  const char* name;
  Function f;
};

constexpr Named kBuiltins[] = {
    {"int", Function::Int},
    {"float", Function::Float},
    {"string", Function::String},
    {"len", Function::Len},
    {"abs", Function::Abs},
    {"max", Function::Max},
    {"min", Function::Min},
    {"lower", Function::Lower},
    {"upper", Function::Upper},
    {"trim", Function::Trim},
    {"trimPrefix", Function::TrimPrefix},
    {"trimSuffix", Function::TrimSuffix},
    {"split", Function::Split},
    {"join", Function::Join},
};

// A function signature for expr-lang's checkArguments; Unknown stands for an interface {} parameter.
struct Signature {
  std::vector<TypeKind> params;
  TypeKind result;
};

Type of(TypeKind k) {
  return Type{k, {}};
}

std::string interfaceConversion(const Value& v, const char* want) {
  std::string t = v.isNil() ? "nil" : goTypeName(v);
  return "interface conversion: interface {} is " + t + ", not " + want;
}

CallCheck checkArguments(const std::string& name, const Signature& sig, const std::vector<Type>& args) {
  CallCheck c;
  c.result = of(sig.result);
  if (args.size() > sig.params.size()) c.error = "too many arguments to call " + name;
  if (args.size() < sig.params.size()) c.error = "not enough arguments to call " + name;
  if (c.error) return c;
  for (std::size_t i = 0; i < args.size(); ++i) {
    TypeKind in = sig.params[i];
    const Type& a = args[i];
    if (in == TypeKind::Float && a.is(TypeKind::Int)) continue; // the literal is converted
    if (a.is(TypeKind::Nil)) {
      if (in == TypeKind::Unknown) continue;
      c.error = "cannot use nil as argument (type " + typeName(of(in)) + ") to call " + name;
      c.errorArg = static_cast<int>(i);
      return c;
    }
    bool assignable = in == TypeKind::Unknown || a.kind == in;
    if (!assignable && !a.unknown()) {
      // expr-lang's text ends with a space here.
      c.error =
          "cannot use " + typeName(a) + " as argument (type " + typeName(of(in)) + ") to call " + name + " ";
      c.errorArg = static_cast<int>(i);
      return c;
    }
  }
  return c;
}

// Overloaded builtins: the first signature that fits wins; otherwise the last one's error is reported.
CallCheck checkOverloads(const std::string& name, const std::vector<Signature>& sigs,
                         const std::vector<Type>& args) {
  CallCheck last;
  for (const Signature& s : sigs) {
    CallCheck c = checkArguments(name, s, args);
    if (!c.error) return c;
    last = c;
  }
  return last;
}

CallCheck validateOne(const std::string& name, const std::vector<Type>& args, bool (*ok)(const Type&),
                      TypeKind result, bool resultIsArg) {
  CallCheck c;
  if (args.size() != 1) {
    c.error = "invalid number of arguments (expected 1, got " + std::to_string(args.size()) + ")";
    return c;
  }
  if (!args[0].unknown() && !ok(args[0])) {
    c.error = "invalid argument for " + name + " (type " + typeName(args[0]) + ")";
    return c;
  }
  c.result = resultIsArg ? args[0] : of(result);
  return c;
}

bool goSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

CallResult ok(Value v) {
  return CallResult{std::move(v), std::nullopt};
}
CallResult fail(std::string m) {
  return CallResult{Value(), std::move(m)};
}

// Go's int(f) for a float64; values Go leaves implementation-defined (NaN, out of range) give MinInt64, as on
// amd64.
std::int64_t truncToInt(double d) {
  if (std::isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0)
    return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(d);
}

bool atoi(const std::string& s, std::int64_t& out) {
  // strconv.Atoi: optional sign, decimal digits, no spaces, must fit int64.
  std::size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  if (i == s.size()) return false;
  unsigned long long acc = 0;
  const unsigned long long limit = neg ? 9223372036854775808ULL : 9223372036854775807ULL;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    unsigned d = static_cast<unsigned>(s[i] - '0');
    if (acc > (limit - d) / 10) return false;
    acc = acc * 10 + d;
  }
  out = neg ? static_cast<std::int64_t>(0 - acc) : static_cast<std::int64_t>(acc);
  return true;
}

bool parseFloat(const std::string& s, double& out) {
  // strconv.ParseFloat(s, 64): no surrounding spaces; "inf"/"infinity"/"nan" in any case; ±Inf on overflow is
  // an error. Underscores are only legal after a base prefix; this model rejects them.
  if (s.empty() || goSpace(s.front()) || goSpace(s.back()) || s.find('_') != std::string::npos ||
      s.find('(') != std::string::npos)
    return false;
  errno = 0;
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return false;
  if (std::isinf(d)) {
    std::string lower;
    for (char c : s)
      lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (lower.find("inf") == std::string::npos) return false; // overflow: Go's ErrRange
  }
  out = d;
  return true;
}

bool minMax(const char* name, bool wantMax, const Value& arg, int depth, Value& best, std::string& err) {
  if (depth > kMaxDepth) {
    err = "argosim: " + std::string(name) + "() argument nests too deeply";
    return false;
  }
  auto consider = [&](const Value& e) {
    if (best.isNil()) {
      best = e;
      return;
    }
    // max keeps e when best < e (runtime.Less); min when best > e.
    bool replace = wantMax ? *valuesLess(best, e) : *valuesLess(e, best);
    if (replace) best = e;
  };
  if (arg.isNumber()) {
    consider(arg);
    return true;
  }
  if (arg.isArray()) {
    for (const Value& e : arg.asArray()) {
      if (e.isNumber())
        consider(e);
      else if (e.isArray()) {
        if (!minMax(name, wantMax, e, depth + 1, best, err)) return false;
      } else {
        err = std::string("invalid argument for ") + name + " (type " + goTypeName(e) + ")";
        return false;
      }
    }
    return true;
  }
  err = std::string("invalid argument for ") + name + " (type " + goTypeName(arg) + ")";
  return false;
}

std::string trimCutset(const std::string& s, const std::string& cutset) {
  std::size_t b = s.find_first_not_of(cutset);
  if (b == std::string::npos) return "";
  std::size_t e = s.find_last_not_of(cutset);
  return s.substr(b, e - b + 1);
}

CallResult split(const std::string& s, const std::string& sep, std::int64_t n) {
  // strings.SplitN: n == 0 -> empty, n < 0 -> all; empty sep splits into UTF-8 sequences.
  Array out;
  if (n == 0) return ok(Value(out));
  auto full = [&]() { return n > 0 && static_cast<std::int64_t>(out.size()) == n - 1; };
  std::size_t pos = 0;
  if (sep.empty()) {
    while (pos < s.size()) {
      if (full()) break;
      unsigned char c = static_cast<unsigned char>(s[pos]);
      std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      out.push_back(Value(s.substr(pos, len)));
      pos += len;
    }
    if (pos < s.size()) out.push_back(Value(s.substr(pos)));
    return ok(Value(out));
  }
  for (;;) {
    if (out.size() >= kMaxArrayItems)
      return fail("argosim: split() would give more than " + std::to_string(kMaxArrayItems) + " items");
    std::size_t at = full() ? std::string::npos : s.find(sep, pos);
    if (at == std::string::npos) {
      out.push_back(Value(s.substr(pos)));
      break;
    }
    out.push_back(Value(s.substr(pos, at - pos)));
    pos = at + sep.size();
  }
  return ok(Value(out));
}

} // namespace

std::optional<Function> findBuiltin(std::string_view name) {
  for (const Named& n : kBuiltins)
    if (name == n.name) return n.f;
  return std::nullopt;
}

std::optional<Function> findArgoFunction(std::string_view name) {
  if (name == "asInt") return Function::AsInt;
  if (name == "asFloat") return Function::AsFloat;
  if (name == "toJson") return Function::ToJson;
  return std::nullopt;
}

bool isUnimplementedArgoFunction(std::string_view name) {
  return name == "jsonpath" || name == "sprig";
}

bool isExprBuiltinName(std::string_view name) {
  static constexpr const char* kAll[] = {
      "all",         "none",      "any",           "one",        "filter",     "map",        "find",
      "findIndex",   "findLast",  "findLastIndex", "count",      "sum",        "groupBy",    "sortBy",
      "reduce",      "len",       "type",          "abs",        "ceil",       "floor",      "round",
      "int",         "float",     "string",        "trim",       "trimPrefix", "trimSuffix", "upper",
      "lower",       "split",     "splitAfter",    "replace",    "repeat",     "join",       "indexOf",
      "lastIndexOf", "hasPrefix", "hasSuffix",     "max",        "min",        "mean",       "median",
      "toJSON",      "fromJSON",  "toBase64",      "fromBase64", "now",        "duration",   "date",
      "timezone",    "first",     "last",          "get",        "take",       "keys",       "values",
      "toPairs",     "fromPairs", "reverse",       "uniq",       "concat",     "flatten",    "sort",
      "bitnot",      "bitand",    "bitor",         "bitxor",     "bitnand",    "bitshl",     "bitshr",
      "bitushr"};
  for (const char* k : kAll)
    if (name == k) return true;
  return false;
}

CallCheck checkCall(Function f, const std::string& name, const std::vector<Type>& args) {
  using K = TypeKind;
  switch (f) {
  case Function::Int:
    return validateOne(
        name, args, [](const Type& t) { return t.number() || t.is(K::String); }, K::Int, false);
  case Function::Float:
    return validateOne(
        name, args, [](const Type& t) { return t.number() || t.is(K::String); }, K::Float, false);
  case Function::Len:
    return validateOne(
        name, args, [](const Type& t) { return t.array() || t.is(K::Map) || t.is(K::String); }, K::Int,
        false);
  case Function::Abs:
    return validateOne(
        name, args, [](const Type& t) { return t.number(); }, K::Unknown, true);
  case Function::Max:
  case Function::Min: {
    CallCheck c;
    if (args.empty()) {
      c.error = "not enough arguments to call " + name;
      return c;
    }
    for (const Type& a : args) {
      if (a.unknown() || a.array()) return c; // result unknown
      if (!a.number()) {
        c.error = "invalid argument for " + name + " (type " + typeName(a) + ")";
        return c;
      }
    }
    c.result = args[0];
    return c;
  }
  case Function::AsInt:
  case Function::AsFloat:
    return checkArguments(name, {{K::Unknown}, K::Unknown}, args);
  case Function::String:
    return checkArguments(name, {{K::Unknown}, K::String}, args);
  case Function::Lower:
  case Function::Upper:
    return checkArguments(name, {{K::String}, K::String}, args);
  case Function::Trim:
    return checkOverloads(name, {{{K::String}, K::String}, {{K::String, K::String}, K::String}}, args);
  case Function::TrimPrefix:
  case Function::TrimSuffix:
    return checkOverloads(name, {{{K::String, K::String}, K::String}, {{K::String}, K::String}}, args);
  case Function::Split:
    return checkOverloads(
        name, {{{K::String, K::String}, K::ArrayString}, {{K::String, K::String, K::Int}, K::ArrayString}},
        args);
  case Function::ToJson: // util/expr/env toJSON(v any) string
    return checkArguments(name, {{K::Unknown}, K::String}, args);
  case Function::Join:
    return checkOverloads(name,
                          {{{K::ArrayString, K::String}, K::String},
                           {{K::ArrayAny, K::String}, K::String},
                           {{K::ArrayAny}, K::String},
                           {{K::ArrayString, K::String}, K::String},
                           {{K::ArrayString}, K::String}},
                          args);
  }
  return CallCheck{};
}

CallResult toInt(const Value& v) {
  if (v.isInt()) return ok(v);
  if (v.isFloat()) return ok(Value(truncToInt(v.asFloat())));
  if (v.isString()) {
    std::int64_t i = 0;
    if (!atoi(v.asString(), i)) return fail("invalid operation: int(" + v.asString() + ")");
    return ok(Value(i));
  }
  return fail("invalid operation: int(" + goTypeName(v) + ")");
}

CallResult toFloat(const Value& v) {
  if (v.isNumber()) return ok(Value(v.toDouble()));
  if (v.isString()) {
    double d = 0;
    if (!parseFloat(v.asString(), d)) return fail("invalid operation: float(" + v.asString() + ")");
    return ok(Value(d));
  }
  return fail("invalid operation: float(" + goTypeName(v) + ")");
}

CallResult callFunction(Function f, const std::vector<Value>& args) {
  auto str = [&](std::size_t i, std::string& out) -> std::optional<std::string> {
    if (!args[i].isString()) return interfaceConversion(args[i], "string");
    out = args[i].asString();
    return std::nullopt;
  };
  std::string a, b;
  switch (f) {
  case Function::Int:
  case Function::AsInt:
    return toInt(args[0]);
  case Function::Float:
  case Function::AsFloat:
    return toFloat(args[0]);
  case Function::String:
    return ok(Value(formatV(args[0])));
  case Function::Len: {
    const Value& v = args[0];
    if (v.isString()) return ok(Value(static_cast<std::int64_t>(v.asString().size())));
    if (v.isArray()) return ok(Value(static_cast<std::int64_t>(v.asArray().size())));
    if (v.isMap()) return ok(Value(static_cast<std::int64_t>(v.asMap().size())));
    return fail("invalid argument for len (type " + goTypeName(v) + ")");
  }
  case Function::Abs: {
    const Value& v = args[0];
    if (v.isInt()) {
      // Go's -x wraps for MinInt64; negate through unsigned to avoid C++ overflow.
      std::int64_t x = v.asInt();
      return ok(Value(x < 0 ? static_cast<std::int64_t>(0 - static_cast<std::uint64_t>(x)) : x));
    }
    if (v.isFloat()) return ok(Value(std::fabs(v.asFloat())));
    return fail("invalid argument for abs (type " + goTypeName(v) + ")");
  }
  case Function::Max:
  case Function::Min: {
    const char* name = f == Function::Max ? "max" : "min";
    Value best;
    std::string err;
    for (const Value& arg : args) {
      if (!arg.isNumber() && !arg.isArray()) {
        if (args.size() == 1) return ok(arg); // builtin minMax returns a lone non-number as is
        return fail(std::string("invalid argument for ") + name + " (type " + goTypeName(arg) + ")");
      }
      if (!minMax(name, f == Function::Max, arg, 0, best, err)) return fail(err);
    }
    return ok(best);
  }
  case Function::Lower:
  case Function::Upper: {
    if (auto e = str(0, a)) return fail(*e);
    for (char& c : a) { // ASCII case mapping (Go maps all of Unicode)
      if (f == Function::Lower && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (f == Function::Upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return ok(Value(a));
  }
  case Function::Trim:
    if (auto e = str(0, a)) return fail(*e);
    if (args.size() == 1) return ok(Value(trimCutset(a, " \t\n\v\f\r")));
    if (auto e = str(1, b)) return fail(*e);
    return ok(Value(trimCutset(a, b)));
  case Function::TrimPrefix:
  case Function::TrimSuffix: {
    if (auto e = str(0, a)) return fail(*e);
    b = " ";
    if (args.size() == 2)
      if (auto e = str(1, b)) return fail(*e);
    if (f == Function::TrimPrefix && a.compare(0, b.size(), b) == 0 && a.size() >= b.size())
      a.erase(0, b.size());
    if (f == Function::TrimSuffix && a.size() >= b.size() && a.compare(a.size() - b.size(), b.size(), b) == 0)
      a.erase(a.size() - b.size());
    return ok(Value(a));
  }
  case Function::Split: {
    if (auto e = str(0, a)) return fail(*e);
    if (auto e = str(1, b)) return fail(*e);
    std::int64_t n = -1;
    if (args.size() == 3) {
      if (args[2].isInt())
        n = args[2].asInt();
      else if (args[2].isFloat())
        n = truncToInt(args[2].asFloat());
      else
        return fail("invalid operation: int(" + goTypeName(args[2]) + ")");
    }
    return split(a, b, n);
  }
  case Function::Join: {
    if (args.size() == 2)
      if (auto e = str(1, b)) return fail(*e);
    if (!args[0].isArray()) return fail("invalid argument for join (type " + goTypeName(args[0]) + ")");
    std::string out;
    bool first = true;
    for (const Value& e : args[0].asArray()) {
      if (!e.isString()) return fail(interfaceConversion(e, "string"));
      if (!first) out += b;
      first = false;
      out += e.asString();
      if (out.size() > kMaxStringBytes) return fail("argosim: join() result exceeds the string size limit");
    }
    return ok(Value(out));
  }
  case Function::ToJson: {
    // Go's json.Marshal fails only on NaN and ±Inf here; toJSON panics with that error.
    auto json = marshalJson(args[0]);
    if (!json) return fail("json: unsupported value: " + formatV(args[0]));
    if (json->size() > kMaxStringBytes) return fail("argosim: toJson() result exceeds the string size limit");
    return ok(Value(std::move(*json)));
  }
  }
  return fail("argosim: unknown function");
}

} // namespace argosim::expr
