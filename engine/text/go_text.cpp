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

} // namespace argosim
