#include "engine/expr/token.hpp"

#include <cstdio>

namespace argosim::expr {

std::string goQuote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\a':
      out += "\\a";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
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
    case '\v':
      out += "\\v";
      break;
    default:
      if (c < 0x20 || c == 0x7f) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", c);
        out += buf;
      } else {
        out += static_cast<char>(c); // UTF-8 passes through, as Go keeps printable runes
      }
    }
  }
  return out + "\"";
}

std::string tokenText(const Token& t) {
  const char* kind = "EOF";
  switch (t.kind) {
  case TokenKind::Identifier:
    kind = "Identifier";
    break;
  case TokenKind::Number:
    kind = "Number";
    break;
  case TokenKind::String:
    kind = "String";
    break;
  case TokenKind::Operator:
    kind = "Operator";
    break;
  case TokenKind::Bracket:
    kind = "Bracket";
    break;
  case TokenKind::Eof:
    kind = "EOF";
    break;
  }
  if (t.value.empty()) return kind;
  return std::string(kind) + "(" + goQuote(t.value) + ")";
}

} // namespace argosim::expr
