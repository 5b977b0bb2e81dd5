#include "engine/expr/lexer.hpp"

#include "engine/text/go_text.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace argosim::expr {
namespace {

constexpr char32_t kEof = 0xFFFFFFFF;

bool isSpace(char32_t r) {
  return r == ' ' || r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r';
}
bool isDigit(char32_t r) {
  return r >= '0' && r <= '9';
}
// expr-lang's IsAlphaNumeric: letters, digits, '_' and '$'. Every non-ASCII rune counts as a letter here, an
// approximation of unicode.IsLetter.
bool isAlphaNumeric(char32_t r) {
  return r == '_' || r == '$' || isDigit(r) || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
         (r >= 0x80 && r != kEof);
}
int digitVal(char32_t r) {
  if (r >= '0' && r <= '9') return static_cast<int>(r - '0');
  if (r >= 'a' && r <= 'f') return static_cast<int>(r - 'a' + 10);
  if (r >= 'A' && r <= 'F') return static_cast<int>(r - 'A' + 10);
  return 16;
}

class Lexer {
public:
  explicit Lexer(std::string_view src) : src_(src) {}

  LexResult run() {
    while (!out_.error) {
      if (!root()) break;
    }
    return std::move(out_);
  }

private:
  struct Pos {
    std::size_t byte = 0;
    int rune = 0;
  };

  std::string_view src_;
  Pos start_, end_;
  bool eof_ = false;
  std::size_t lastSize_ = 0;
  LexResult out_;

  // Decodes one UTF-8 rune; invalid bytes decode as U+FFFD, one byte long, as Go does.
  char32_t decode(std::size_t at, std::size_t& size) const {
    auto b = [&](std::size_t i) { return static_cast<unsigned char>(src_[i]); };
    unsigned char c = b(at);
    size = 1;
    if (c < 0x80) return c;
    int n = (c >= 0xF0 && c < 0xF8) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 0;
    if (n == 0 || at + n > src_.size()) return 0xFFFD;
    char32_t r = c & (0x3F >> (n - 1));
    for (int i = 1; i < n; ++i) {
      if ((b(at + i) & 0xC0) != 0x80) return 0xFFFD;
      r = (r << 6) | (b(at + i) & 0x3F);
    }
    size = static_cast<std::size_t>(n);
    return r;
  }

  char32_t next() {
    if (end_.byte >= src_.size()) {
      eof_ = true;
      return kEof;
    }
    std::size_t size = 0;
    char32_t r = decode(end_.byte, size);
    end_.byte += size;
    end_.rune++;
    lastSize_ = size;
    return r;
  }
  char32_t peek() {
    Pos save = end_;
    bool e = eof_;
    std::size_t size = lastSize_;
    char32_t r = next();
    end_ = save;
    eof_ = e;
    lastSize_ = size;
    return r;
  }
  // Steps back over the last rune read (only ever one, as expr-lang's lexer).
  void backup() {
    if (eof_) {
      eof_ = false;
      return;
    }
    end_.byte -= lastSize_;
    end_.rune--;
  }
  bool accept(const char* valid) {
    char32_t r = next();
    if (r != kEof && r < 0x80 && std::strchr(valid, static_cast<char>(r)) != nullptr) return true;
    backup();
    return false;
  }
  void acceptRun(const char* valid) {
    while (accept(valid)) {
    }
  }
  std::string word() const { return std::string(src_.substr(start_.byte, end_.byte - start_.byte)); }
  void emit(TokenKind k) { emitValue(k, word()); }
  void emitValue(TokenKind k, std::string v) {
    out_.tokens.push_back(Token{k, std::move(v), start_.rune});
    start_ = end_;
  }
  void skip() { start_ = end_; }
  // Location rule of expr-lang's lexer: the last rune consumed (one past the end at end of input).
  bool error(std::string message) {
    if (!out_.error) {
      int at = end_.rune + (eof_ ? 1 : 0) - 1;
      Error e;
      e.message = std::move(message);
      e.offset = at;
      e.phase = ErrorPhase::Parse;
      out_.error = e;
    }
    return false;
  }

  bool root() {
    char32_t r = next();
    if (r == kEof) {
      out_.tokens.push_back(Token{TokenKind::Eof, "", end_.rune});
      return false;
    }
    if (isSpace(r)) {
      skip();
      return true;
    }
    if (r == '\'' || r == '"') return quoted(r);
    if (r == '`') return raw();
    if (isDigit(r)) {
      backup();
      return number();
    }
    switch (r) {
    case '?':
      accept(".?");
      emit(TokenKind::Operator);
      return true;
    case '/':
      return slash();
    case '#':
      acceptRun("#"); // pointer syntax: unsupported, reported by the parser as an unexpected token
      emit(TokenKind::Operator);
      return true;
    case '|':
      accept("|");
      emit(TokenKind::Operator);
      return true;
    case ':':
      accept(":");
      emit(TokenKind::Operator);
      return true;
    case '(':
    case '[':
    case '{':
    case ')':
    case ']':
    case '}':
      emit(TokenKind::Bracket);
      return true;
    case ',':
    case ';':
    case '%':
    case '+':
    case '-':
    case '^':
      emit(TokenKind::Operator);
      return true;
    case '&':
    case '!':
    case '=':
    case '*':
    case '<':
    case '>':
      accept("&=*");
      emit(TokenKind::Operator);
      return true;
    case '.':
      backup();
      return dot();
    default:
      break;
    }
    if (isAlphaNumeric(r)) {
      backup();
      return identifier();
    }
    char buf[32];
    // Go's %#U: U+0040 '@'
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(r));
    std::string text = buf;
    text += " '";
    appendUtf8(text, r);
    text += "'";
    return error("unrecognized character: " + text);
  }

  bool number() {
    if (!scanNumber()) return error("bad number syntax: " + goQuote(word()));
    emit(TokenKind::Number);
    return true;
  }

  bool scanNumber() {
    const char* digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX"))
        digits = "0123456789abcdefABCDEF_";
      else if (accept("oO"))
        digits = "01234567_";
      else if (accept("bB"))
        digits = "01_";
    }
    acceptRun(digits);
    Pos end = end_;
    if (accept(".")) {
      if (peek() == '.') { // 1..2 is a range, not a float
        end_ = end;
        return true;
      }
      acceptRun(digits);
    }
    if (accept("eE")) {
      accept("+-");
      acceptRun(digits);
    }
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  }

  bool dot() {
    next();
    if (accept("0123456789")) {
      backup();
      return number();
    }
    accept(".");
    emit(TokenKind::Operator);
    return true;
  }

  bool identifier() {
    for (;;) {
      char32_t r = next();
      if (isAlphaNumeric(r)) continue;
      backup();
      break;
    }
    std::string w = word();
    if (w == "not") return notOperator();
    static constexpr const char* kWordOps[] = {"in",         "or",       "and", "matches", "contains",
                                               "startsWith", "endsWith", "let", "if",      "else"};
    for (const char* op : kWordOps) {
      if (w == op) {
        emit(TokenKind::Operator);
        return true;
      }
    }
    emit(TokenKind::Identifier);
    return true;
  }

  // "not" followed by in/matches/contains/startsWith/endsWith also emits that word as an operator.
  bool notOperator() {
    emit(TokenKind::Operator);
    while (isSpace(peek()))
      next();
    skip();
    Pos end = end_;
    for (;;) {
      char32_t r = next();
      if (isAlphaNumeric(r)) continue;
      backup();
      break;
    }
    std::string w = word();
    if (w == "in" || w == "matches" || w == "contains" || w == "startsWith" || w == "endsWith")
      emit(TokenKind::Operator);
    else
      end_ = end;
    return true;
  }

  bool slash() {
    if (accept("/")) {
      for (;;) {
        char32_t r = next();
        if (r == kEof || r == '\n') break;
      }
      skip();
      return true;
    }
    if (accept("*")) {
      for (;;) {
        char32_t r = next();
        if (r == kEof) return error("unclosed comment");
        if (r == '*' && accept("/")) break;
      }
      skip();
      return true;
    }
    emit(TokenKind::Operator);
    return true;
  }

  bool scanDigits(char32_t& ch, int base, int n) {
    while (n > 0 && digitVal(ch) < base) {
      ch = next();
      --n;
    }
    if (n > 0) return error("invalid char escape");
    return true;
  }

  // Validates escapes while scanning (expr-lang: scanEscape); decoding happens afterwards in unescape().
  bool quoted(char32_t quote) {
    char32_t ch = next();
    while (ch != quote) {
      if (ch == '\n' || ch == kEof) return error("literal not terminated");
      if (ch == '\\') {
        ch = next();
        switch (ch) {
        case 'a':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
        case 'v':
        case '\\':
          ch = next();
          break;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
          if (!scanDigits(ch, 8, 3)) return false;
          break;
        case 'x':
          ch = next();
          if (!scanDigits(ch, 16, 2)) return false;
          break;
        case 'u':
          if (peek() == '{') {
            next();
            int digits = 0;
            while (peek() != '}') {
              if (digitVal(peek()) >= 16 || digits >= 6) return error("invalid char escape");
              next();
              ++digits;
            }
            if (digits == 0) return error("invalid char escape");
            next();
            ch = next();
            break;
          }
          ch = next();
          if (!scanDigits(ch, 16, 4)) return false;
          break;
        case 'U':
          ch = next();
          if (!scanDigits(ch, 16, 8)) return false;
          break;
        default:
          if (ch == quote) {
            ch = next();
            break;
          }
          return error("invalid char escape");
        }
      } else {
        ch = next();
      }
    }
    std::string value;
    if (!unescape(src_.substr(start_.byte + 1, end_.byte - start_.byte - 2), value)) return false;
    emitValue(TokenKind::String, std::move(value));
    return true;
  }

  bool unescape(std::string_view body, std::string& out) {
    for (std::size_t i = 0; i < body.size();) {
      char c = body[i];
      if (c == '\r') { // newlines are normalised to \n
        out += '\n';
        i += (i + 1 < body.size() && body[i + 1] == '\n') ? 2 : 1;
        continue;
      }
      if (c != '\\') {
        out += c;
        ++i;
        continue;
      }
      if (i + 1 >= body.size()) return error("unable to unescape string, found '\\' as last character");
      char e = body[i + 1];
      i += 2;
      switch (e) {
      case 'a':
        out += '\a';
        continue;
      case 'b':
        out += '\b';
        continue;
      case 'f':
        out += '\f';
        continue;
      case 'n':
        out += '\n';
        continue;
      case 'r':
        out += '\r';
        continue;
      case 't':
        out += '\t';
        continue;
      case 'v':
        out += '\v';
        continue;
      case '\\':
        out += '\\';
        continue;
      case '\'':
        out += '\'';
        continue;
      case '"':
        out += '"';
        continue;
      default:
        break;
      }
      char32_t v = 0;
      if (e == 'u' && i < body.size() && body[i] == '{') {
        ++i;
        while (i < body.size() && body[i] != '}')
          v = (v << 4) | static_cast<char32_t>(digitVal(static_cast<unsigned char>(body[i++])));
        ++i;
      } else if (e == 'x' || e == 'u' || e == 'U') {
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (i + n > body.size()) return error("unable to unescape string");
        for (int j = 0; j < n; ++j)
          v = (v << 4) | static_cast<char32_t>(digitVal(static_cast<unsigned char>(body[i + j])));
        i += static_cast<std::size_t>(n);
      } else if (e >= '0' && e <= '3') {
        v = static_cast<char32_t>(e - '0');
        for (int j = 0; j < 2; ++j, ++i) {
          if (i >= body.size() || body[i] < '0' || body[i] > '7')
            return error("unable to unescape octal sequence in string");
          v = v * 8 + static_cast<char32_t>(body[i] - '0');
        }
      } else {
        return error("unable to unescape string");
      }
      if (v > 0x10FFFF) return error("unable to unescape string");
      appendUtf8(out, v);
    }
    return true;
  }

  bool raw() {
    std::string value;
    for (;;) {
      char32_t ch = next();
      if (ch == '`') {
        if (peek() == '`') { // a doubled backquote stands for one
          next();
          value += '`';
          continue;
        }
        break;
      }
      if (ch == kEof) return error("literal not terminated");
      appendUtf8(value, ch);
    }
    emitValue(TokenKind::String, std::move(value));
    return true;
  }
};

} // namespace

LexResult lex(std::string_view source) {
  return Lexer(source).run();
}

} // namespace argosim::expr
