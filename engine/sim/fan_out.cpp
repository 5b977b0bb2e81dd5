#include "engine/sim/fan_out.hpp"

#include "engine/sim/when_condition.hpp"
#include "engine/text/go_text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <utility>

namespace argosim {
namespace {

// ---------------------------------------------------------------------------------------------------------------
// An item as Argo holds it (item.go Item): its JSON text, and what item.go
// GetType/GetStrVal/GetMapVal/GetListVal read from it.

struct GoEntry;

struct GoItem {
  enum class Type { Number, String, Bool, Map, List } type = Type::String;
  std::string
      raw; // compact JSON, as json.Marshal(Item) writes it (<, >, & escaped as \u003c, \u003e, \u0026)
  std::string str;              // Type::String: the decoded value (GetStrVal)
  std::vector<GoEntry> entries; // Type::Map: by key, last duplicate wins (GetMapVal)
  std::vector<GoItem> elements; // Type::List (GetListVal; empty for `null`)
};

// A map entry. Not std::pair: clang rejects a pair holding the still-incomplete GoItem.
struct GoEntry {
  std::string first;
  GoItem second;
};

const char* kHex = "0123456789abcdef";

// encoding/json floatEncoder: shortest digits, %f style unless the magnitude is below 1e-6 or at least 1e21,
// and then e-07 is written e-7.
std::optional<std::string> goJsonFloat(double d) {
  if (std::isnan(d) || std::isinf(d)) return std::nullopt;
  if (d == 0) return std::string(std::signbit(d) ? "-0" : "0");
  // Shortest round-trip digits (what strconv gives), found with snprintf/strtod: Emscripten's libc++ has no
  // floating-point std::to_chars.
  char buf[64];
  int precision = 1;
  for (; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string sci(buf);
  const bool negative = sci[0] == '-';
  if (negative) sci.erase(0, 1);
  const auto e = sci.find('e');
  std::string digits = sci.substr(0, e);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  while (digits.size() > 1 && digits.back() == '0')
    digits.pop_back();
  const int exponent = std::atoi(sci.c_str() + e + 1);
  const double a = std::fabs(d);
  std::string out = negative ? "-" : "";
  if (a < 1e-6 || a >= 1e21) {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%d", exponent < 0 ? '-' : '+', exponent < 0 ? -exponent : exponent);
    return out + exp;
  }
  if (exponent < 0) return out + "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  const auto intDigits = static_cast<std::size_t>(exponent + 1);
  if (digits.size() <= intDigits) return out + digits + std::string(intDigits - digits.size(), '0');
  return out + digits.substr(0, intDigits) + "." + digits.substr(intDigits);
}

// util/json Fix: undoes the HTML escaping for display.
std::string fixJson(std::string s) {
  static const std::pair<std::string_view, char> kEscapes[] = {
      {"\\u003c", '<'}, {"\\u003e", '>'}, {"\\u0026", '&'}};
  for (const auto& [esc, ch] : kEscapes) {
    std::size_t pos = 0;
    while ((pos = s.find(esc, pos)) != std::string::npos) {
      s.replace(pos, esc.size(), 1, ch);
      pos += 1;
    }
  }
  return s;
}

// item.go Item.String (what %v prints): the JSON text, without the quotes of a string.
std::string itemString(const GoItem& item) {
  if (!item.raw.empty() && item.raw.front() == '"' && item.raw.size() >= 2)
    return fixJson(item.raw.substr(1, item.raw.size() - 2));
  return fixJson(item.raw);
}

std::string marshalMap(const GoItem& item) {
  std::string out = "{";
  for (std::size_t i = 0; i < item.entries.size(); ++i) {
    if (i) out += ',';
    out += goJsonQuote(item.entries[i].first);
    out += ':';
    out += item.entries[i].second.raw;
  }
  return out + "}";
}

std::string marshalList(const GoItem& item) {
  std::string out = "[";
  for (std::size_t i = 0; i < item.elements.size(); ++i) {
    if (i) out += ',';
    out += item.elements[i].raw;
  }
  return out + "]";
}

void putEntry(GoItem& map, std::string key, GoItem value) {
  auto it = std::lower_bound(map.entries.begin(), map.entries.end(), key,
                             [](const auto& e, const std::string& k) { return e.first < k; });
  if (it != map.entries.end() && it->first == key)
    it->second = std::move(value);
  else
    map.entries.insert(it, GoEntry{std::move(key), std::move(value)});
}

// A withItems value (from YAML) as the Kubernetes API would hand it to the controller: encoding/json's text.
std::optional<std::string> fromJson(const nlohmann::json& j, GoItem& out, int depth) {
  if (depth > kMaxItemJsonDepth)
    return "argosim: an item is nested deeper than " + std::to_string(kMaxItemJsonDepth) + " levels";
  switch (j.type()) {
  case nlohmann::json::value_t::boolean:
    out.type = GoItem::Type::Bool;
    out.raw = j.get<bool>() ? "true" : "false";
    return std::nullopt;
  case nlohmann::json::value_t::number_integer:
    out.type = GoItem::Type::Number;
    out.raw = std::to_string(j.get<std::int64_t>());
    return std::nullopt;
  case nlohmann::json::value_t::number_unsigned:
    out.type = GoItem::Type::Number;
    out.raw = std::to_string(j.get<std::uint64_t>());
    return std::nullopt;
  case nlohmann::json::value_t::number_float: {
    const double d = j.get<double>();
    auto text = goJsonFloat(d);
    if (!text)
      return std::string("json: unsupported value: ") + (std::isnan(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf");
    out.type = GoItem::Type::Number;
    out.raw = *text;
    return std::nullopt;
  }
  case nlohmann::json::value_t::string:
    out.type = GoItem::Type::String;
    out.str = j.get<std::string>();
    out.raw = goJsonQuote(out.str);
    return std::nullopt;
  case nlohmann::json::value_t::array:
    out.type = GoItem::Type::List;
    for (const auto& e : j) {
      GoItem child;
      if (auto err = fromJson(e, child, depth + 1)) return err;
      out.elements.push_back(std::move(child));
    }
    out.raw = marshalList(out);
    return std::nullopt;
  case nlohmann::json::value_t::object:
    out.type = GoItem::Type::Map;
    for (const auto& [k, v] : j.items()) {
      GoItem child;
      if (auto err = fromJson(v, child, depth + 1)) return err;
      putEntry(out, k, std::move(child));
    }
    out.raw = marshalMap(out);
    return std::nullopt;
  default: // null (and nlohmann's binary/discarded, which YAML cannot produce)
    // item.go GetType: `null` unmarshals into a list without error, so Argo treats it as an empty list.
    out.type = GoItem::Type::List;
    out.raw = "null";
    return std::nullopt;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading JSON text as Go's encoding/json does (scanner.go's checks and messages; RawMessage keeps the text).

// scanner.go quoteChar: how a byte appears in a syntax error.
std::string quoteChar(unsigned char c) {
  if (c == '\'') return "'\\''";
  if (c == '"') return "'\"'";
  std::string out = "'";
  if (appendGoEscape(out, c)) return out + "'";
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0xA1 || c == 0xAD) {
    // string(byte) is the rune U+0080..U+00FF; strconv.Quote escapes the unprintable ones.
    out += "\\u00";
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0xF]);
  } else {
    appendUtf8(out, c);
  }
  return out + "'";
}

bool isJsonSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class JsonReader {
public:
  explicit JsonReader(std::string_view text) : s_(text) {}
  std::optional<std::string> error;

  // The whole text as one value (json.Unmarshal's checkValid, then the value). With `out` null it only
  // checks. `topLevelCount` receives the element count when the value is an array.
  void readDocument(GoItem* out, std::size_t* topLevelCount, char* topLevelKind) {
    skipSpace();
    if (i_ < s_.size()) *topLevelKind = s_[i_];
    value(out, 0, topLevelCount);
    if (error) return;
    skipSpace();
    if (i_ < s_.size()) fail(static_cast<unsigned char>(s_[i_]), "after top-level value");
  }

private:
  std::string_view s_;
  std::size_t i_ = 0;

  void skipSpace() {
    while (i_ < s_.size() && isJsonSpace(s_[i_]))
      ++i_;
  }
  bool atEnd() const { return i_ >= s_.size(); }
  // At the end of the text Go's scanner feeds one space (scanner.go eof): where a space is invalid, the error
  // names it; where it is fine, the input simply ended.
  unsigned char current() const { return atEnd() ? ' ' : static_cast<unsigned char>(s_[i_]); }
  void fail(unsigned char c, const char* context) {
    if (!error) error = "invalid character " + quoteChar(c) + " " + context;
  }
  void failEnd() {
    if (!error) error = "unexpected end of JSON input";
  }

  void value(GoItem* out, int depth, std::size_t* count) {
    skipSpace();
    if (atEnd()) return failEnd();
    const char c = s_[i_];
    if (c == '{' || c == '[') {
      if (depth >= kMaxItemJsonDepth) {
        error = "argosim: JSON nested deeper than " + std::to_string(kMaxItemJsonDepth) + " levels";
        return;
      }
      return c == '{' ? object(out, depth) : array(out, depth, count);
    }
    if (c == '"') {
      std::string decoded;
      const std::size_t start = i_;
      string(out ? &decoded : nullptr);
      if (error || !out) return;
      out->type = GoItem::Type::String;
      out->str = std::move(decoded);
      out->raw = compactString(s_.substr(start, i_ - start));
      return;
    }
    if (c == '-' || isDigit(c)) return number(out);
    if (c == 't') return literal(out, "true", GoItem::Type::Bool);
    if (c == 'f') return literal(out, "false", GoItem::Type::Bool);
    if (c == 'n') return literal(out, "null", GoItem::Type::List);
    ++i_;
    fail(static_cast<unsigned char>(c), "looking for beginning of value");
  }

  void literal(GoItem* out, std::string_view word, GoItem::Type type) {
    ++i_;
    for (std::size_t k = 1; k < word.size(); ++k) {
      if (current() != static_cast<unsigned char>(word[k])) {
        const std::string context = "in literal " + std::string(word) + " (expecting " +
                                    quoteChar(static_cast<unsigned char>(word[k])) + ")";
        if (!error) error = "invalid character " + quoteChar(current()) + " " + context;
        return;
      }
      ++i_;
    }
    if (out) {
      out->type = type;
      out->raw = std::string(word);
    }
  }

  void digits() {
    while (!atEnd() && isDigit(s_[i_]))
      ++i_;
  }

  void number(GoItem* out) {
    const std::size_t start = i_;
    if (s_[i_] == '-') {
      ++i_;
      if (!isDigit(static_cast<char>(current()))) return fail(current(), "in numeric literal");
    }
    if (s_[i_] == '0')
      ++i_;
    else
      digits();
    if (!atEnd() && s_[i_] == '.') {
      ++i_;
      if (!isDigit(static_cast<char>(current())))
        return fail(current(), "after decimal point in numeric literal");
      digits();
    }
    if (!atEnd() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (!atEnd() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!isDigit(static_cast<char>(current()))) return fail(current(), "in exponent of numeric literal");
      digits();
    }
    if (!out) return;
    out->raw = std::string(s_.substr(start, i_ - start));
    // item.go GetType: a number strconv.ParseFloat rejects (beyond float64's range) is no Number, and nothing
    // else accepts it either, so it is a String whose GetStrVal is "". Underflow is accepted (it rounds to
    // 0).
    out->type =
        std::isinf(std::strtod(out->raw.c_str(), nullptr)) ? GoItem::Type::String : GoItem::Type::Number;
  }

  // A string literal; `decoded` (when given) receives its value as Go decodes it.
  void string(std::string* decoded) {
    ++i_; // opening quote
    while (true) {
      if (atEnd()) return failEnd();
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return;
      }
      if (c < 0x20) return fail(c, "in string literal");
      if (c != '\\') {
        if (decoded) decoded->push_back(static_cast<char>(c));
        ++i_;
        continue;
      }
      ++i_;
      const unsigned char e = current();
      if (atEnd() && e == ' ') return fail(e, "in string escape code");
      switch (e) {
      case '"':
      case '\\':
      case '/':
        if (decoded) decoded->push_back(static_cast<char>(e));
        ++i_;
        continue;
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        if (decoded)
          decoded->push_back(e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r' : '\t');
        ++i_;
        continue;
      case 'u': {
        ++i_;
        std::uint32_t cp = 0;
        if (!hex4(cp)) return;
        if (decoded) {
          // A surrogate pair joins; a lone surrogate decodes to U+FFFD (decode.go unquote).
          if (cp >= 0xD800 && cp < 0xDC00 && i_ + 1 < s_.size() && s_[i_] == '\\' && s_[i_ + 1] == 'u') {
            const std::size_t save = i_;
            i_ += 2;
            std::uint32_t low = 0;
            if (!hex4(low)) return;
            if (low >= 0xDC00 && low < 0xE000) {
              appendUtf8(*decoded, 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00));
              continue;
            }
            i_ = save;
            appendUtf8(*decoded, 0xFFFD);
            continue;
          }
          appendUtf8(*decoded, (cp >= 0xD800 && cp < 0xE000) ? 0xFFFD : cp);
        }
        continue;
      }
      default:
        return fail(e, "in string escape code");
      }
    }
  }

  bool hex4(std::uint32_t& cp) {
    for (int k = 0; k < 4; ++k) {
      const int h = atEnd() ? -1 : hexValue(s_[i_]);
      if (h < 0) {
        fail(current(), "in \\u hexadecimal character escape");
        return false;
      }
      cp = cp * 16 + static_cast<std::uint32_t>(h);
      ++i_;
    }
    return true;
  }

  // json.Compact with HTML escaping, as json.Marshal applies to a RawMessage: only a string's <, >, & and
  // U+2028/U+2029 change.
  static std::string compactString(std::string_view lit) {
    std::string out;
    out.reserve(lit.size());
    for (std::size_t k = 0; k < lit.size(); ++k) {
      const char c = lit[k];
      if (c == '<' || c == '>' || c == '&') {
        out += "\\u00";
        out.push_back(kHex[static_cast<unsigned char>(c) >> 4]);
        out.push_back(kHex[static_cast<unsigned char>(c) & 0xF]);
      } else if (c == '\xE2' && k + 2 < lit.size() && lit[k + 1] == '\x80' &&
                 (lit[k + 2] == '\xA8' || lit[k + 2] == '\xA9')) {
        out += lit[k + 2] == '\xA8' ? "\\u2028" : "\\u2029";
        k += 2;
      } else {
        out.push_back(c);
      }
    }
    return out;
  }

  void array(GoItem* out, int depth, std::size_t* count) {
    ++i_;
    if (out) out->type = GoItem::Type::List;
    skipSpace();
    if (atEnd()) return failEnd();
    std::size_t n = 0;
    if (s_[i_] == ']') {
      ++i_;
    } else {
      while (true) {
        GoItem child;
        value(out ? &child : nullptr, depth + 1, nullptr);
        if (error) return;
        ++n;
        if (out) out->elements.push_back(std::move(child));
        skipSpace();
        if (atEnd()) return failEnd();
        if (s_[i_] == ',') {
          ++i_;
          continue;
        }
        if (s_[i_] == ']') {
          ++i_;
          break;
        }
        return fail(static_cast<unsigned char>(s_[i_]), "after array element");
      }
    }
    if (count) *count = n;
    if (out) out->raw = marshalList(*out);
  }

  void object(GoItem* out, int depth) {
    ++i_;
    if (out) out->type = GoItem::Type::Map;
    skipSpace();
    if (atEnd()) return failEnd();
    if (s_[i_] == '}') {
      ++i_;
      if (out) out->raw = "{}";
      return;
    }
    // The text as compacted (RawMessage keeps duplicates and order); GetMapVal's view is `entries`.
    std::string raw = "{";
    while (true) {
      skipSpace();
      if (atEnd()) return failEnd();
      if (s_[i_] != '"')
        return fail(static_cast<unsigned char>(s_[i_]), "looking for beginning of object key string");
      std::string key;
      const std::size_t keyStart = i_;
      string(out ? &key : nullptr);
      if (error) return;
      if (out) raw += compactString(s_.substr(keyStart, i_ - keyStart)) + ":";
      skipSpace();
      if (atEnd()) return failEnd();
      if (s_[i_] != ':') return fail(static_cast<unsigned char>(s_[i_]), "after object key");
      ++i_;
      GoItem child;
      value(out ? &child : nullptr, depth + 1, nullptr);
      if (error) return;
      if (out) {
        raw += child.raw;
        putEntry(*out, std::move(key), std::move(child));
      }
      skipSpace();
      if (atEnd()) return failEnd();
      if (s_[i_] == ',') {
        ++i_;
        if (out) raw += ",";
        continue;
      }
      if (s_[i_] == '}') {
        ++i_;
        break;
      }
      return fail(static_cast<unsigned char>(s_[i_]), "after object key:value pair");
    }
    if (out) out->raw = raw + "}";
  }
};

// ---------------------------------------------------------------------------------------------------------------
// operator.go processItem and generateNodeName.

FanOutItem processItem(const std::string& name, std::size_t index, const GoItem& item) {
  FanOutItem out;
  std::string desc;
  switch (item.type) {
  case GoItem::Type::Number:
  case GoItem::Type::Bool:
    out.params["item"] = itemString(item);
    desc = itemString(item);
    break;
  case GoItem::Type::String:
    out.params["item"] = item.str;
    desc = itemString(item);
    break;
  case GoItem::Type::Map: {
    // "key:value" pairs sorted as whole strings (not by key), joined by commas.
    std::vector<std::string> vals;
    for (const auto& [key, val] : item.entries) {
      out.params["item." + key] = itemString(val);
      vals.push_back(key + ":" + itemString(val));
    }
    out.params["item"] = marshalMap(item);
    std::sort(vals.begin(), vals.end());
    for (std::size_t i = 0; i < vals.size(); ++i)
      desc += (i ? "," : "") + vals[i];
    break;
  }
  case GoItem::Type::List: {
    out.params["item"] = marshalList(item);
    // fmt.Sprint of []Item: elements by Item.String, space-separated, in brackets.
    desc = "[";
    for (std::size_t i = 0; i < item.elements.size(); ++i)
      desc += (i ? " " : "") + itemString(item.elements[i]);
    desc += "]";
    break;
  }
  }
  desc.erase(std::remove_if(desc.begin(), desc.end(), [](char c) { return c == '(' || c == ')'; }),
             desc.end());
  out.name = name + "(" + std::to_string(index) + ":" + desc + ")";
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// operator.go expandSequence.

// strconv.Atoi (64-bit int): optional sign, decimal digits; the first problem from the left is reported.
std::optional<std::string> goAtoi(std::string_view text, std::int64_t& value) {
  const std::string prefix = "strconv.Atoi: parsing " + goQuote(text) + ": ";
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  if (i == text.size()) return prefix + "invalid syntax";
  std::uint64_t magnitude = 0;
  const std::uint64_t limit = negative ? 9223372036854775808ULL : 9223372036854775807ULL;
  bool overflow = false;
  for (; i < text.size(); ++i) {
    if (!isDigit(text[i])) return prefix + "invalid syntax";
    const auto d = static_cast<std::uint64_t>(text[i] - '0');
    if (!overflow && (magnitude > (limit - d) / 10)) overflow = true;
    if (overflow) continue;
    magnitude = magnitude * 10 + d;
  }
  if (overflow) return prefix + "value out of range";
  value = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
  return std::nullopt;
}

constexpr std::size_t kMaxFormatWidth = 1000; // Go allows up to 1e6; wider pads are not simulated

std::string toBase(std::uint64_t v, unsigned base, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  if (v == 0) return "0";
  std::string out;
  while (v) {
    out.push_back(digits[v % base]);
    v /= base;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// fmt.Sprintf(format, i) for one int argument, without handing the user's format to printf: flags (+ - # 0
// space), width, precision and the verbs fmt accepts for integers (d v b o O x X c q U); any other verb,
// missing or extra argument is written the way fmt reports it ("%!s(int=5)", "%!d(MISSING)", "%!(EXTRA
// int=5)", "%!(NOVERB)").
std::optional<std::string> goSprintfInt(std::string_view format, std::int64_t value, std::string& out) {
  bool used = false;
  const std::string argText = "int=" + std::to_string(value);
  std::size_t i = 0;
  while (i < format.size()) {
    const char ch = format[i];
    if (ch != '%') {
      out.push_back(ch);
      ++i;
      continue;
    }
    ++i;
    bool plus = false, minus = false, sharp = false, zero = false, space = false;
    for (; i < format.size(); ++i) {
      const char f = format[i];
      if (f == '+')
        plus = true;
      else if (f == '-')
        minus = true;
      else if (f == '#')
        sharp = true;
      else if (f == '0')
        zero = true;
      else if (f == ' ')
        space = true;
      else
        break;
    }
    std::size_t width = 0, precision = 0;
    bool hasWidth = false, hasPrecision = false;
    auto readNumber = [&](std::size_t& n) {
      bool any = false;
      while (i < format.size() && isDigit(format[i])) {
        n = std::min<std::size_t>(n * 10 + static_cast<std::size_t>(format[i] - '0'), 10000000);
        ++i;
        any = true;
      }
      return any;
    };
    hasWidth = readNumber(width);
    if (i < format.size() && format[i] == '.') {
      ++i;
      hasPrecision = true;
      readNumber(precision);
    }
    if (width > kMaxFormatWidth || precision > kMaxFormatWidth)
      return "argosim: withSequence format width or precision above " + std::to_string(kMaxFormatWidth) +
             " is not simulated";
    if (i >= format.size()) {
      out += "%!(NOVERB)";
      break;
    }
    // The verb: one UTF-8 character.
    std::size_t verbLen = 1;
    const auto v0 = static_cast<unsigned char>(format[i]);
    if (v0 >= 0xC0) verbLen = v0 >= 0xF0 ? 4 : v0 >= 0xE0 ? 3 : 2;
    verbLen = std::min(verbLen, format.size() - i);
    const std::string verb(format.substr(i, verbLen));
    i += verbLen;
    if (verb == "%") {
      out.push_back('%');
      continue;
    }
    if (used) {
      out += "%!" + verb + "(MISSING)";
      continue;
    }
    used = true;
    const char v = verb.size() == 1 ? verb[0] : '\0';
    const bool negative = value < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    std::string body;
    const bool integerVerb = v == 'd' || v == 'v' || v == 'b' || v == 'o' || v == 'O' || v == 'x' || v == 'X';
    if (integerVerb && hasPrecision && precision == 0 && magnitude == 0) {
      // fmtInteger: a zero with precision 0 prints nothing, not even a sign or prefix, only the padding.
    } else if (integerVerb) {
      const unsigned base = (v == 'b') ? 2 : (v == 'o' || v == 'O') ? 8 : (v == 'x' || v == 'X') ? 16 : 10;
      std::string digits = toBase(magnitude, base, v == 'X');
      if (hasPrecision && digits.size() < precision) digits.insert(0, precision - digits.size(), '0');
      std::string prefix;
      if (v == 'O')
        prefix = "0o";
      else if (sharp && v == 'b')
        prefix = "0b";
      else if (sharp && (v == 'o') && (digits.empty() || digits[0] != '0'))
        prefix = "0";
      else if (sharp && v == 'x')
        prefix = "0x";
      else if (sharp && v == 'X')
        prefix = "0X";
      const std::string sign = negative ? "-" : plus ? "+" : space ? " " : "";
      // fmt (format.go fmtInteger) zero-pads only without '-' and without a precision, to the width less the
      // sign: a 0x prefix comes on top ("%#08x" of 255 is 0x000000ff).
      if (zero && !minus && !hasPrecision && hasWidth && sign.size() + digits.size() < width)
        digits.insert(0, width - sign.size() - digits.size(), '0');
      body = sign + prefix + digits;
    } else if (v == 'c' || v == 'q' || v == 'U') {
      const bool valid = value >= 0 && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
      const auto cp = static_cast<std::uint32_t>(valid ? value : 0xFFFD);
      if (v == 'U') {
        std::string hex =
            toBase(static_cast<std::uint64_t>(value), 16, true); // fmtUnicode takes uint64(value)
        if (hasPrecision && hex.size() < precision) hex.insert(0, precision - hex.size(), '0');
        if (hex.size() < 4) hex.insert(0, 4 - hex.size(), '0');
        body = "U+" + hex;
        if (sharp && valid) {
          body += " '";
          appendUtf8(body, cp);
          body += "'";
        }
      } else if (v == 'c') {
        appendUtf8(body, cp);
      } else {
        body = "'";
        if (cp == '\'' || cp == '\\') {
          body += '\\';
          body.push_back(static_cast<char>(cp));
        } else if (cp >= 0x20 && cp < 0x7F) {
          body.push_back(static_cast<char>(cp));
        } else if (cp < 0x80) {
          body += goQuote(std::string(1, static_cast<char>(cp))).substr(1);
          body.pop_back();
        } else {
          appendUtf8(body, cp); // printable non-ASCII assumed
        }
        body += "'";
      }
    } else {
      out += "%!" + verb + "(" + argText + ")";
      continue;
    }
    if (hasWidth && body.size() < width) {
      if (minus)
        body.append(width - body.size(), ' ');
      else
        body.insert(0, width - body.size(), ' ');
    }
    out += body;
  }
  if (!used) out += "%!(EXTRA " + argText + ")";
  return std::nullopt;
}

std::string sequenceText(const IntOrString& v, const Params& scope) {
  return v.isString ? substituteParams(v.stringValue, scope) : std::to_string(v.intValue);
}

std::string limitError(const std::string& count, std::size_t maxItems) {
  return "fan-out of " + count + " items exceeds the simulator's limit of " + std::to_string(maxItems);
}

// expandSequence: the items, or Go's error; `limitHit` marks our own limit (not subject to the `when`
// fallback).
std::optional<std::string> expandSequence(const Sequence& seq, const Params& scope, std::size_t maxItems,
                                          std::vector<GoItem>& items, bool& limitHit) {
  std::int64_t start = 0, end = 0;
  if (seq.start) {
    if (auto e = goAtoi(sequenceText(*seq.start, scope), start)) return e;
  }
  if (seq.end) {
    if (auto e = goAtoi(sequenceText(*seq.end, scope), end)) return e;
  } else if (seq.count) {
    std::int64_t count = 0;
    if (auto e = goAtoi(sequenceText(*seq.count, scope), count)) return e;
    if (count == 0) return std::nullopt;
    // start + count - 1 in Go's wrapping int arithmetic.
    end =
        static_cast<std::int64_t>(static_cast<std::uint64_t>(start) + static_cast<std::uint64_t>(count) - 1);
  } else {
    return std::string("neither end nor count was specified in withSequence");
  }
  const bool ascending = start <= end;
  const std::uint64_t span = ascending ? static_cast<std::uint64_t>(end) - static_cast<std::uint64_t>(start)
                                       : static_cast<std::uint64_t>(start) - static_cast<std::uint64_t>(end);
  if (span >= maxItems) {
    limitHit = true;
    return limitError(span == UINT64_MAX ? "18446744073709551616" : std::to_string(span + 1), maxItems);
  }
  std::string format = seq.format ? substituteParams(seq.format->value, scope) : std::string();
  if (format.empty()) format = "%d";
  for (std::uint64_t k = 0; k <= span; ++k) {
    const auto i = static_cast<std::int64_t>(ascending ? static_cast<std::uint64_t>(start) + k
                                                       : static_cast<std::uint64_t>(start) - k);
    std::string text = "\"";
    if (auto e = goSprintfInt(format, i, text)) {
      limitHit = true; // our refusal, not Go's
      return e;
    }
    text += '"';
    // wfv1.ParseItem: the formatted text, in quotes, is read as JSON.
    GoItem item;
    JsonReader reader(text);
    std::size_t unusedCount = 0;
    char unusedKind = 0;
    reader.readDocument(&item, &unusedCount, &unusedKind);
    if (reader.error) return reader.error;
    items.push_back(std::move(item));
  }
  return std::nullopt;
}

std::string trimSpace(std::string_view s) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
  };
  while (!s.empty() && space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && space(s.back()))
    s.remove_suffix(1);
  return std::string(s);
}

// expandStep's fallback: an unreadable list is no error when the call will not run anyway.
bool whenIsFalse(const Invocation& call, const Params& scope) {
  if (!call.when) return false;
  const auto r = evaluateWhen(substituteParams(call.when->value, scope));
  return r.ok && !r.value;
}

} // namespace

bool shouldExpand(const Invocation& call, const Params& scope) {
  if (call.withItems && !call.withItems->empty()) return true;
  if (call.withParam && !substituteParams(call.withParam->value, scope).empty()) return true;
  return call.withSequence.has_value();
}

FanOutResult expandFanOut(const Invocation& call, const Params& scope, std::size_t maxItems) {
  FanOutResult r;
  std::vector<GoItem> items;
  const std::string& name = call.name.value;

  if (call.withItems && !call.withItems->empty()) {
    if (call.withItems->size() > maxItems) {
      r.error = limitError(std::to_string(call.withItems->size()), maxItems);
      return r;
    }
    for (const auto& v : *call.withItems) {
      GoItem item;
      if (auto e = fromJson(v.value, item, 0)) {
        r.error = *e;
        return r;
      }
      items.push_back(std::move(item));
    }
  } else if (call.withParam && !substituteParams(call.withParam->value, scope).empty()) {
    const std::string text = substituteParams(call.withParam->value, scope);
    auto parseError = [&](const std::string& detail) {
      r.error = "withParam value could not be parsed as a JSON list: " + trimSpace(text) + ": " + detail;
    };
    // First only check it and count the elements, so a huge list is refused before anything is built.
    std::size_t count = 0;
    char kind = 0;
    JsonReader check(text);
    check.readDocument(nullptr, &count, &kind);
    std::optional<std::string> detail = check.error;
    if (!detail && kind != '[' && kind != 'n') {
      const char* what = kind == '{'                    ? "object"
                         : kind == '"'                  ? "string"
                         : (kind == 't' || kind == 'f') ? "bool"
                                                        : "number";
      detail = std::string("json: cannot unmarshal ") + what + " into Go value of type []v1alpha1.Item";
    }
    if (detail) {
      if (whenIsFalse(call, scope)) {
        r.ok = true;
        return r;
      }
      parseError(*detail);
      return r;
    }
    if (kind == '[') { // `null` is an empty list to Go
      if (count > maxItems) {
        r.error = limitError(std::to_string(count), maxItems);
        return r;
      }
      GoItem list;
      JsonReader build(text);
      build.readDocument(&list, &count, &kind);
      items = std::move(list.elements);
    }
  } else if (call.withSequence) {
    bool limitHit = false;
    if (auto e = expandSequence(*call.withSequence, scope, maxItems, items, limitHit)) {
      if (!limitHit && whenIsFalse(call, scope)) {
        r.ok = true;
        return r;
      }
      r.error = *e;
      return r;
    }
  } else {
    r.error = "expandStep() was called with withItems and withParam empty";
    return r;
  }

  r.items.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i)
    r.items.push_back(processItem(name, i, items[i]));
  r.ok = true;
  return r;
}

} // namespace argosim
