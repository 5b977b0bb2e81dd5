#include "engine/expr/json_marshal.hpp"

#include <cmath>
#include <cstdint>
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

void appendString(const std::string& s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    // A UTF-8 sequence: copied when valid, U+FFFD otherwise (Go's utf8.DecodeRuneInString).
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    std::uint32_t cp = n == 4 ? c & 0x07 : n == 3 ? c & 0x0F : c & 0x1F;
    bool valid = n > 0 && i + n <= s.size();
    for (std::size_t k = 1; valid && k < n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      valid = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (valid)
      valid = !(n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) &&
              !(n == 4 && (cp < 0x10000 || cp > 0x10FFFF));
    if (!valid) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    if (cp == 0x2028 || cp == 0x2029)
      out += cp == 0x2028 ? "\\u2028" : "\\u2029";
    else
      out.append(s, i, n);
    i += n;
  }
  out += '"';
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
    appendString(v.asString(), out);
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
      appendString(k, out);
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
