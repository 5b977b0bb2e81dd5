#include "engine/expr/json_marshal.hpp"

#include "engine/text/go_text.hpp"

#include <cmath>
#include <cstdlib>

namespace argosim::expr {
namespace {

constexpr int kMaxDepth = 64; // values built by expressions are shallow; a bound keeps recursion safe

// encoding/json floatEncoder: 'f' unless |x| < 1e-6 or |x| >= 1e21, shortest digits, "e-07" cleaned to "e-7".
std::string goJsonFloat(double d) {
  std::string v = formatGoFloat(d); // fmt's %v: the same shortest digits, exponent form below 1e-4
  const std::size_t e = v.find('e');
  if (e == std::string::npos) return v;
  const int exp = std::atoi(v.c_str() + e + 1);
  const double a = std::fabs(d);
  if (a >= 1e-6 && a < 1e21) { // %v chose 'e' for 1e-5 and 1e-6, where JSON writes them out
    const bool negative = v[0] == '-';
    std::string digits;
    for (std::size_t i = negative ? 1 : 0; i < e; ++i)
      if (v[i] != '.') digits += v[i];
    return (negative ? "-0." : "0.") + std::string(static_cast<std::size_t>(-exp - 1), '0') + digits;
  }
  if (v.size() >= e + 4 && v[e + 1] == '-' && v[e + 2] == '0') v.erase(e + 2, 1);
  return v;
}

bool append(const Value& v, int depth, std::string& out) {
  if (depth > kMaxDepth) return false;
  if (v.isNil()) {
    out += "null";
  } else if (v.isBool()) {
    out += v.asBool() ? "true" : "false";
  } else if (v.isInt()) {
    out += std::to_string(v.asInt());
  } else if (v.isFloat()) {
    if (!std::isfinite(v.asFloat())) return false;
    out += goJsonFloat(v.asFloat());
  } else if (v.isString()) {
    out += goJsonQuote(v.asString());
  } else if (v.isArray()) {
    out += '[';
    bool first = true;
    for (const Value& e : v.asArray()) {
      if (!first) out += ',';
      first = false;
      if (!append(e, depth + 1, out)) return false;
    }
    out += ']';
  } else {
    out += '{';
    bool first = true;
    for (const auto& [k, e] : v.asMap()) { // std::map: sorted, as encoding/json sorts map keys
      if (!first) out += ',';
      first = false;
      out += goJsonQuote(k);
      out += ':';
      if (!append(e, depth + 1, out)) return false;
    }
    out += '}';
  }
  return true;
}

} // namespace

std::optional<std::string> marshalJson(const Value& v) {
  std::string out;
  if (!append(v, 0, out)) return std::nullopt;
  return out;
}

} // namespace argosim::expr
