#include "engine/text/go_json.hpp"

#include "engine/text/go_text.hpp"
#include "engine/time/go_float.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <utility>

namespace argosim {
namespace {

const char* kHex = "0123456789abcdef";

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

// strconv.ParseFloat of a JSON number literal. The literal is rewritten as integer digits with an exponent so
// that no locale's decimal point is involved; an exponent too long to matter saturates.
double parseNumber(std::string_view lit) {
  std::string digits;
  long exponent = 0;
  std::size_t k = 0;
  if (lit[k] == '-') digits.push_back(lit[k++]);
  for (; k < lit.size() && isDigit(lit[k]); ++k)
    digits.push_back(lit[k]);
  if (k < lit.size() && lit[k] == '.')
    for (++k; k < lit.size() && isDigit(lit[k]); ++k) {
      digits.push_back(lit[k]);
      --exponent;
    }
  if (k < lit.size()) { // e or E
    ++k;
    const bool negative = lit[k] == '-';
    if (lit[k] == '-' || lit[k] == '+') ++k;
    long e = 0;
    for (; k < lit.size(); ++k)
      e = std::min(e * 10 + (lit[k] - '0'), 100000L);
    exponent += negative ? -e : e;
  }
  return std::strtod((digits + "e" + std::to_string(exponent)).c_str(), nullptr);
}

// json.Compact with HTML escaping, as json.Marshal writes a RawMessage: within a string literal only <, >, &
// and U+2028/U+2029 change.
std::string compactString(std::string_view lit) {
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

void putMember(GoJson& map, std::string key, GoJson value) {
  auto it = std::lower_bound(map.members.begin(), map.members.end(), key,
                             [](const GoJsonMember& m, const std::string& k) { return m.key < k; });
  if (it != map.members.end() && it->key == key)
    it->value = std::move(value);
  else
    map.members.insert(it, GoJsonMember{std::move(key), std::move(value)});
}

// A recursive-descent reader that checks what scanner.go checks, in the same order, so the first error is
// Go's; with a null output it only checks.
class Reader {
public:
  Reader(std::string_view text, GoJsonTarget target) : s_(text), raw_(target == GoJsonTarget::RawMessage) {}
  std::optional<std::string> error;
  std::optional<std::string> typeError; // decode.go keeps the first and reports it once the value is read

  void readDocument(GoJson* out, GoJsonShape* shape) {
    skipSpace();
    if (shape && i_ < s_.size()) shape->first = s_[i_];
    value(out, 0, shape ? &shape->listLength : nullptr);
    if (error) return;
    skipSpace();
    if (i_ < s_.size()) fail(static_cast<unsigned char>(s_[i_]), "after top-level value");
  }

private:
  std::string_view s_;
  bool raw_;
  std::size_t i_ = 0;

  void skipSpace() {
    while (i_ < s_.size() && isJsonSpace(s_[i_]))
      ++i_;
  }
  bool atEnd() const { return i_ >= s_.size(); }
  // At the end of the text Go's scanner feeds one space (scanner.go eof): where a space is invalid, the error
  // names it; where it is fine, the input simply ended.
  unsigned char current() const { return atEnd() ? ' ' : static_cast<unsigned char>(s_[i_]); }
  void fail(unsigned char c, const std::string& context) {
    if (!error) error = "invalid character " + quoteChar(c) + " " + context;
  }
  void failEnd() {
    if (!error) error = "unexpected end of JSON input";
  }

  void value(GoJson* out, int depth, std::size_t* count) {
    skipSpace();
    if (atEnd()) return failEnd();
    const char c = s_[i_];
    if (c == '{' || c == '[') {
      if (depth >= kMaxGoJsonDepth) {
        error = "argosim: JSON nested deeper than " + std::to_string(kMaxGoJsonDepth) + " levels";
        return;
      }
      return c == '{' ? object(out, depth) : array(out, depth, count);
    }
    if (c == '"') {
      const std::size_t start = i_;
      string(out ? &out->text : nullptr);
      if (error || !out) return;
      out->kind = GoJson::Kind::String;
      if (raw_) out->raw = compactString(s_.substr(start, i_ - start));
      return;
    }
    if (c == '-' || isDigit(c)) return number(out);
    if (c == 't') return literal(out, "true", GoJson::Kind::Bool);
    if (c == 'f') return literal(out, "false", GoJson::Kind::Bool);
    if (c == 'n') return literal(out, "null", GoJson::Kind::Null);
    ++i_;
    fail(static_cast<unsigned char>(c), "looking for beginning of value");
  }

  void literal(GoJson* out, std::string_view word, GoJson::Kind kind) {
    ++i_;
    for (std::size_t k = 1; k < word.size(); ++k) {
      if (current() != static_cast<unsigned char>(word[k]))
        return fail(current(), "in literal " + std::string(word) + " (expecting " +
                                   quoteChar(static_cast<unsigned char>(word[k])) + ")");
      ++i_;
    }
    if (!out) return;
    out->kind = kind;
    out->boolean = word == "true";
    if (raw_) out->raw = std::string(word);
  }

  void digits() {
    while (!atEnd() && isDigit(s_[i_]))
      ++i_;
  }

  void number(GoJson* out) {
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
    const std::string_view lit = s_.substr(start, i_ - start);
    out->kind = GoJson::Kind::Number;
    out->number = parseNumber(lit);
    if (raw_)
      out->raw = std::string(lit);
    else if (std::isinf(out->number) && !typeError) // underflow is no error: it rounds to 0
      typeError = "json: cannot unmarshal number " + std::string(lit) + " into Go value of type float64";
  }

  // A string literal; `decoded` (when given) receives its value as decode.go unquote reads it.
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
      if (c >= 0x80) {
        // The scanner lets any byte through; the decoder reads each invalid one as U+FFFD.
        const DecodedRune d = decodeUtf8(s_, i_);
        if (decoded) appendUtf8(*decoded, d.rune);
        i_ += d.size;
        continue;
      }
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

  void array(GoJson* out, int depth, std::size_t* count) {
    ++i_;
    if (out) out->kind = GoJson::Kind::List;
    skipSpace();
    if (atEnd()) return failEnd();
    std::size_t n = 0;
    if (s_[i_] == ']') {
      ++i_;
    } else {
      while (true) {
        GoJson element;
        value(out ? &element : nullptr, depth + 1, nullptr);
        if (error) return;
        ++n;
        if (out) out->list.push_back(std::move(element));
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
    if (out && raw_) out->raw = marshalGoJson(*out).text; // the elements' own texts, comma-separated
  }

  void object(GoJson* out, int depth) {
    ++i_;
    if (out) out->kind = GoJson::Kind::Map;
    skipSpace();
    if (atEnd()) return failEnd();
    // A RawMessage keeps the text, duplicate keys and their order included; `members` is the map's view.
    std::string raw = "{";
    if (s_[i_] != '}') {
      while (true) {
        skipSpace();
        if (atEnd()) return failEnd();
        if (s_[i_] != '"')
          return fail(static_cast<unsigned char>(s_[i_]), "looking for beginning of object key string");
        std::string key;
        const std::size_t keyStart = i_;
        string(out ? &key : nullptr);
        if (error) return;
        if (out && raw_) raw += compactString(s_.substr(keyStart, i_ - keyStart)) + ":";
        skipSpace();
        if (atEnd()) return failEnd();
        if (s_[i_] != ':') return fail(static_cast<unsigned char>(s_[i_]), "after object key");
        ++i_;
        GoJson member;
        value(out ? &member : nullptr, depth + 1, nullptr);
        if (error) return;
        if (out) {
          if (raw_) raw += member.raw;
          putMember(*out, std::move(key), std::move(member));
        }
        skipSpace();
        if (atEnd()) return failEnd();
        if (s_[i_] == ',') {
          ++i_;
          raw += ",";
          continue;
        }
        if (s_[i_] == '}') break;
        return fail(static_cast<unsigned char>(s_[i_]), "after object key:value pair");
      }
    }
    ++i_; // the closing brace
    if (out && raw_) out->raw = raw + "}";
  }
};

// encoding/json floatEncoder: strconv's shortest digits in 'f' form, or in 'e' form below 1e-6 or from 1e21,
// where a one-digit negative exponent loses its leading zero ("1e-7", not strconv's "1e-07").
std::string jsonFloat(double d) {
  if (d == 0) return std::signbit(d) ? "-0" : "0";
  const double a = std::fabs(d);
  const ShortestDecimal dec = shortestDecimal(a);
  const std::string& digits = dec.digits;
  std::string out = d < 0 ? "-" : "";
  if (a < 1e-6 || a >= 1e21) {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    out += dec.exponent < 0 ? "e-" : "e+";
    return out + std::to_string(std::abs(dec.exponent));
  }
  if (dec.exponent < 0)
    return out + "0." + std::string(static_cast<std::size_t>(-dec.exponent - 1), '0') + digits;
  const auto whole = static_cast<std::size_t>(dec.exponent + 1);
  if (digits.size() <= whole) return out + digits + std::string(whole - digits.size(), '0');
  return out + digits.substr(0, whole) + "." + digits.substr(whole);
}

void write(const GoJson& v, std::string& out, std::optional<std::string>& error) {
  if (error) return;
  if (!v.raw.empty()) {
    out += v.raw;
    return;
  }
  switch (v.kind) {
  case GoJson::Kind::Null:
    out += "null";
    return;
  case GoJson::Kind::Bool:
    out += v.boolean ? "true" : "false";
    return;
  case GoJson::Kind::Number:
    if (std::isfinite(v.number))
      out += jsonFloat(v.number);
    else
      error = std::string("json: unsupported value: ") + (std::isnan(v.number) ? "NaN"
                                                          : v.number > 0       ? "+Inf"
                                                                               : "-Inf");
    return;
  case GoJson::Kind::String:
    out += goJsonQuote(v.text);
    return;
  case GoJson::Kind::List:
    out += '[';
    for (std::size_t k = 0; k < v.list.size(); ++k) {
      if (k) out += ',';
      write(v.list[k], out, error);
    }
    out += ']';
    return;
  case GoJson::Kind::Map:
    out += '{';
    for (std::size_t k = 0; k < v.members.size(); ++k) {
      if (k) out += ',';
      out += goJsonQuote(v.members[k].key);
      out += ':';
      write(v.members[k].value, out, error);
    }
    out += '}';
    return;
  }
}

} // namespace

GoJsonParse parseGoJson(std::string_view text, GoJsonTarget target) {
  GoJsonParse r;
  Reader reader(text, target);
  reader.readDocument(&r.value, nullptr);
  r.error = reader.error ? reader.error : reader.typeError;
  if (r.error) r.value = GoJson{};
  return r;
}

GoJsonShape checkGoJson(std::string_view text) {
  GoJsonShape shape;
  Reader reader(text, GoJsonTarget::Interface);
  reader.readDocument(nullptr, &shape);
  shape.error = reader.error;
  return shape;
}

GoJsonText marshalGoJson(const GoJson& value) {
  GoJsonText r;
  write(value, r.text, r.error);
  if (r.error) r.text.clear();
  return r;
}

} // namespace argosim
