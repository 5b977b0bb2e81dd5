#include "engine/expr/token.hpp"

#include "engine/text/go_text.hpp"

namespace argosim::expr {

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
