#include "engine/expr/value.hpp"

#include "engine/time/go_float.hpp"

namespace argosim::expr {
namespace {

// Values handed in by a caller may nest arbitrarily; printing and comparing stop at this depth.
constexpr int kMaxValueDepth = 200;

std::string intText(std::int64_t i) {
  return std::to_string(i);
}

void formatInto(const Value& v, bool verbS, int depth, std::string& out) {
  if (depth > kMaxValueDepth) {
    out += "...";
    return;
  }
  // Go's %s on a non-string scalar prints %!s(type=value); containers recurse with the same verb.
  auto bad = [&](const std::string& text) {
    if (verbS)
      out += "%!s(" + goTypeName(v) + "=" + text + ")";
    else
      out += text;
  };
  if (v.isNil()) {
    out += verbS ? "%!s(<nil>)" : "<nil>";
  } else if (v.isBool()) {
    bad(v.asBool() ? "true" : "false");
  } else if (v.isInt()) {
    bad(intText(v.asInt()));
  } else if (v.isFloat()) {
    bad(argosim::formatGoFloat(v.asFloat()));
  } else if (v.isString()) {
    out += v.asString();
  } else if (v.isArray()) {
    out += '[';
    bool first = true;
    for (const Value& e : v.asArray()) {
      if (!first) out += ' ';
      first = false;
      formatInto(e, verbS, depth + 1, out);
    }
    out += ']';
  } else {
    out += "map[";
    bool first = true;
    for (const auto& [k, e] : v.asMap()) { // std::map is sorted, as fmt sorts map keys
      if (!first) out += ' ';
      first = false;
      out += k;
      out += ':';
      formatInto(e, verbS, depth + 1, out);
    }
    out += ']';
  }
}

bool equalAt(const Value& a, const Value& b, bool deep, int depth) {
  if (depth > kMaxValueDepth) return false;
  if (a.isNumber() && b.isNumber()) {
    // runtime.Equal converts across numeric kinds; reflect.DeepEqual (used inside maps) does not.
    if (a.isInt() && b.isInt()) return a.asInt() == b.asInt();
    if (deep && a.isInt() != b.isInt()) return false;
    return a.toDouble() == b.toDouble();
  }
  if (a.data.index() != b.data.index()) return false;
  if (a.isNil()) return true;
  if (a.isBool()) return a.asBool() == b.asBool();
  if (a.isString()) return a.asString() == b.asString();
  if (a.isArray()) {
    const Array& x = a.asArray();
    const Array& y = b.asArray();
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!equalAt(x[i], y[i], deep, depth + 1)) return false;
    return true;
  }
  const Map& x = a.asMap();
  const Map& y = b.asMap();
  if (x.size() != y.size()) return false;
  for (auto ix = x.begin(), iy = y.begin(); ix != x.end(); ++ix, ++iy)
    if (ix->first != iy->first || !equalAt(ix->second, iy->second, true, depth + 1)) return false;
  return true;
}

} // namespace

std::string goTypeName(const Value& v) {
  if (v.isNil()) return "<nil>";
  if (v.isBool()) return "bool";
  if (v.isInt()) return "int";
  if (v.isFloat()) return "float64";
  if (v.isString()) return "string";
  if (v.isArray()) return "[]interface {}";
  return "map[string]interface {}";
}

std::string formatV(const Value& v) {
  std::string out;
  formatInto(v, false, 0, out);
  return out;
}

std::string formatS(const Value& v) {
  std::string out;
  formatInto(v, true, 0, out);
  return out;
}

bool valuesEqual(const Value& a, const Value& b) {
  return equalAt(a, b, false, 0);
}

std::optional<bool> valuesLess(const Value& a, const Value& b) {
  if (a.isInt() && b.isInt()) return a.asInt() < b.asInt();
  if (a.isNumber() && b.isNumber()) return a.toDouble() < b.toDouble();
  if (a.isString() && b.isString()) return a.asString() < b.asString();
  return std::nullopt;
}

} // namespace argosim::expr
