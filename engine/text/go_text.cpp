#include "engine/text/go_text.hpp"

namespace argosim {

namespace {
constexpr const char* kHex = "0123456789abcdef";
}

bool appendGoEscape(std::string& out, unsigned char c) {
  switch (c) {
  case '\\':
    out += "\\\\";
    return true;
  case '\a':
    out += "\\a";
    return true;
  case '\b':
    out += "\\b";
    return true;
  case '\f':
    out += "\\f";
    return true;
  case '\n':
    out += "\\n";
    return true;
  case '\r':
    out += "\\r";
    return true;
  case '\t':
    out += "\\t";
    return true;
  case '\v':
    out += "\\v";
    return true;
  default:
    if (c >= 0x20 && c != 0x7F) return false;
    out += "\\x";
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0xF]);
    return true;
  }
}

std::string goQuote(std::string_view s) {
  std::string out = "\"";
  for (const char ch : s) {
    if (ch == '"')
      out += "\\\"";
    else if (!appendGoEscape(out, static_cast<unsigned char>(ch)))
      out.push_back(ch);
  }
  return out + "\"";
}

void appendUtf8(std::string& out, char32_t rune) {
  if ((rune >= 0xD800 && rune <= 0xDFFF) || rune > 0x10FFFF) rune = 0xFFFD;
  if (rune < 0x80) {
    out.push_back(static_cast<char>(rune));
  } else if (rune < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (rune >> 6)));
    out.push_back(static_cast<char>(0x80 | (rune & 0x3F)));
  } else if (rune < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (rune >> 12)));
    out.push_back(static_cast<char>(0x80 | ((rune >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (rune & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (rune >> 18)));
    out.push_back(static_cast<char>(0x80 | ((rune >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((rune >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (rune & 0x3F)));
  }
}

namespace {
constexpr char kJsonHex[] = "0123456789abcdef";
} // namespace

DecodedRune decodeUtf8(std::string_view s, std::size_t at) {
  if (at >= s.size()) return {0xFFFD, 0, false};
  const auto c = static_cast<unsigned char>(s[at]);
  if (c < 0x80) return {c, 1, true};
  const std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  std::uint32_t cp = len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
  bool good = len > 0 && at + len <= s.size();
  for (std::size_t k = 1; good && k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[at + k]);
    good = (b & 0xC0) == 0x80;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (good)
    good = (len == 2 && cp >= 0x80) || (len == 3 && cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) ||
           (len == 4 && cp >= 0x10000 && cp <= 0x10FFFF);
  if (!good) return {0xFFFD, 1, false};
  return {cp, len, true};
}

std::string goJsonQuote(std::string_view s) {
  std::string out = "\"";
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20 || c == '<' || c == '>' || c == '&') {
          out += "\\u00";
          out.push_back(kJsonHex[c >> 4]);
          out.push_back(kJsonHex[c & 0xF]);
        } else {
          out.push_back(static_cast<char>(c));
        }
      }
      ++i;
      continue;
    }
    // A UTF-8 sequence: copied when valid, \ufffd when not; U+2028/U+2029 escaped.
    const DecodedRune d = decodeUtf8(s, i);
    if (!d.valid) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    const char32_t cp = d.rune;
    const auto len = static_cast<int>(d.size);
    if (cp == 0x2028 || cp == 0x2029)
      out += cp == 0x2028 ? "\\u2028" : "\\u2029";
    else
      out.append(s.substr(i, static_cast<std::size_t>(len)));
    i += static_cast<std::size_t>(len);
  }
  out += '"';
  return out;
}

} // namespace argosim
