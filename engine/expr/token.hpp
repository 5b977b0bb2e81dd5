// Tokens of the expression language, kinds and display named as expr-lang's lexer names them.
#pragma once

#include <string>

namespace argosim::expr {

enum class TokenKind { Identifier, Number, String, Operator, Bracket, Eof };

struct Token {
  TokenKind kind = TokenKind::Eof;
  std::string value; // operator/bracket text, identifier, number text, or the unescaped string
  int from = 0;      // 0-based rune offset of the token's first character

  bool is(TokenKind k) const { return kind == k; }
  bool is(TokenKind k, const char* v) const { return kind == k && value == v; }
};

// expr-lang's Token.String(): `Identifier("x")`, `Operator("<")`, `EOF`; used in "unexpected token ..."
// texts.
std::string tokenText(const Token& t);

} // namespace argosim::expr
