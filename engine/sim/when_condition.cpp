#include "engine/sim/when_condition.hpp"

#include "engine/expr/regex.hpp"
#include "engine/text/go_text.hpp"
#include "engine/time/go_float.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <vector>

// A re-expression of the parts of github.com/Knetic/govaluate that Argo's shouldExecute reaches: its lexer
// (parsing.go parseTokens/readToken), its token-order check (lexerState.go checkExpressionSyntax), its regex
// pre-compilation (parsing.go optimizeTokens), its planner (stagePlanner.go) and its evaluator
// (EvaluableExpression.go evaluateStage, evaluationStage.go). Everything is bounded; nothing throws.

namespace argosim {
namespace {

constexpr int kMaxNodeDepth =
    256; // operator chains build left-deep trees; evaluation recurses once per level

// ---------------------------------------------------------------------------------------------------------------
// Characters. govaluate reads runes; we decode UTF-8 the same way (invalid bytes become U+FFFD, as Go's range
// does).

std::u32string decodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    int len = 0;
    char32_t cp = 0;
    if (b0 < 0x80) {
      len = 1;
      cp = b0;
    } else if ((b0 & 0xE0) == 0xC0 && b0 >= 0xC2) {
      len = 2;
      cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
      len = 3;
      cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0 && b0 <= 0xF4) {
      len = 4;
      cp = b0 & 0x07;
    }
    bool good = len > 0 && i + static_cast<std::size_t>(len) <= s.size();
    for (int k = 1; good && k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((b & 0xC0) != 0x80) good = false;
      cp = (cp << 6) | (b & 0x3F);
    }
    if (good && ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
                 (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))))
      good = false;
    if (!good) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += static_cast<std::size_t>(len);
  }
  return out;
}

// unicode.IsSpace
bool isSpace(char32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}
bool isDigit(char32_t c) {
  return c >= '0' && c <= '9';
}
// unicode.IsLetter, approximated: ASCII letters, and every non-ASCII character that is not a space.
bool isLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x80 && !isSpace(c) && c != 0xFFFD);
}
bool isHexDigit(char32_t c) {
  return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool isNumeric(char32_t c) {
  return isDigit(c) || c == '.';
}
bool isQuote(char32_t c) {
  return c == '\'' || c == '"';
}
bool isVariableChar(char32_t c) {
  return isLetter(c) || isDigit(c) || c == '_' || c == '.';
}
bool isSymbolChar(char32_t c) {
  return !(isDigit(c) || isLetter(c) || c == '(' || c == ')' || c == '[' || c == ']' || isQuote(c));
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens (TokenKind.go) and which kind may follow which (lexerState.go validLexerStates).

enum class Kind {
  Unknown,
  Prefix,
  Numeric,
  Boolean,
  String,
  Pattern,
  Variable,
  Function,
  Separator,
  Accessor,
  Comparator,
  LogicalOp,
  Modifier,
  Clause,
  ClauseClose,
  Ternary
};

const char* kindName(Kind k) {
  switch (k) {
  case Kind::Prefix:
    return "PREFIX";
  case Kind::Numeric:
    return "NUMERIC";
  case Kind::Boolean:
    return "BOOLEAN";
  case Kind::String:
    return "STRING";
  case Kind::Pattern:
    return "PATTERN";
  case Kind::Variable:
    return "VARIABLE";
  case Kind::Function:
    return "FUNCTION";
  case Kind::Separator:
    return "SEPARATOR";
  case Kind::Accessor:
    return "ACCESSOR";
  case Kind::Comparator:
    return "COMPARATOR";
  case Kind::LogicalOp:
    return "LOGICALOP";
  case Kind::Modifier:
    return "MODIFIER";
  case Kind::Clause:
    return "CLAUSE";
  case Kind::ClauseClose:
    return "CLAUSE_CLOSE";
  case Kind::Ternary:
    return "TERNARY";
  case Kind::Unknown:
    break;
  }
  return "UNKNOWN";
}

constexpr unsigned bit(Kind k) {
  return 1u << static_cast<unsigned>(k);
}

// The kinds that may follow a token of kind `k` (no TIME: quoted dates stay strings here).
unsigned nextKinds(Kind k) {
  const unsigned valueStarts = bit(Kind::Prefix) | bit(Kind::Numeric) | bit(Kind::Boolean) |
                               bit(Kind::Variable) | bit(Kind::Function) | bit(Kind::Accessor) |
                               bit(Kind::String) | bit(Kind::Clause);
  const unsigned afterValue = bit(Kind::Modifier) | bit(Kind::Comparator) | bit(Kind::LogicalOp) |
                              bit(Kind::ClauseClose) | bit(Kind::Ternary) | bit(Kind::Separator);
  switch (k) {
  case Kind::Unknown:
    return valueStarts | bit(Kind::Pattern);
  case Kind::Clause:
    return valueStarts | bit(Kind::Pattern) | bit(Kind::ClauseClose);
  case Kind::ClauseClose:
    return bit(Kind::Comparator) | bit(Kind::Modifier) | bit(Kind::Numeric) | bit(Kind::Boolean) |
           bit(Kind::Variable) | bit(Kind::String) | bit(Kind::Pattern) | bit(Kind::Clause) |
           bit(Kind::ClauseClose) | bit(Kind::LogicalOp) | bit(Kind::Ternary) | bit(Kind::Separator);
  case Kind::Numeric:
  case Kind::Boolean:
  case Kind::String:
  case Kind::Variable:
    return afterValue;
  case Kind::Pattern:
    return afterValue & ~bit(Kind::Ternary);
  case Kind::Modifier:
    return (valueStarts | bit(Kind::ClauseClose));
  case Kind::Comparator:
    return valueStarts | bit(Kind::ClauseClose) | bit(Kind::Pattern);
  case Kind::LogicalOp:
    return valueStarts | bit(Kind::ClauseClose);
  case Kind::Prefix:
    return bit(Kind::Numeric) | bit(Kind::Boolean) | bit(Kind::Variable) | bit(Kind::Function) |
           bit(Kind::Accessor) | bit(Kind::Clause) | bit(Kind::ClauseClose);
  case Kind::Ternary:
    return valueStarts | bit(Kind::Separator);
  case Kind::Function:
    return bit(Kind::Clause);
  case Kind::Accessor:
    return bit(Kind::Clause) | bit(Kind::Modifier) | bit(Kind::Comparator) | bit(Kind::LogicalOp) |
           bit(Kind::ClauseClose) | bit(Kind::Ternary) | bit(Kind::Separator);
  case Kind::Separator:
    return valueStarts;
  }
  return 0;
}

// Whether an expression may end after a token of this kind (lexerState.isEOF).
bool mayEnd(Kind k) {
  switch (k) {
  case Kind::ClauseClose:
  case Kind::Numeric:
  case Kind::Boolean:
  case Kind::String:
  case Kind::Pattern:
  case Kind::Variable:
  case Kind::Accessor:
    return true;
  default:
    return false;
  }
}

struct Token {
  Kind kind = Kind::Unknown;
  std::string text;               // symbol, string, variable name, or the numeral as written
  double number = 0;              // NUMERIC
  bool boolean = false;           // BOOLEAN
  std::vector<std::string> parts; // ACCESSOR: the dotted path
};

// How fmt's %v prints a token's value (checkExpressionSyntax's message).
std::string tokenValueText(const Token& t) {
  switch (t.kind) {
  case Kind::Numeric:
    return formatGoFloat(t.number);
  case Kind::Boolean:
    return t.boolean ? "true" : "false";
  case Kind::Clause:
    return "40"; // a rune prints as its code point
  case Kind::ClauseClose:
    return "41";
  case Kind::Accessor: {
    std::string out = "[";
    for (std::size_t i = 0; i < t.parts.size(); ++i)
      out += (i ? " " : "") + t.parts[i];
    return out + "]";
  }
  default:
    return t.text;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The lexer (parsing.go readToken).

bool isPrefixSymbol(const std::string& s) {
  return s == "-" || s == "!" || s == "~";
}
bool isModifierSymbol(const std::string& s) {
  return s == "+" || s == "-" || s == "*" || s == "/" || s == "%" || s == "**" || s == "&" || s == "|" ||
         s == "^" || s == ">>" || s == "<<";
}
bool isLogicalSymbol(const std::string& s) {
  return s == "&&" || s == "||";
}
bool isComparatorSymbol(const std::string& s) {
  return s == "==" || s == "!=" || s == ">" || s == ">=" || s == "<" || s == "<=" || s == "=~" || s == "!~" ||
         s == "in";
}
bool isTernarySymbol(const std::string& s) {
  return s == "?" || s == ":" || s == "??";
}

struct Lexer {
  std::u32string src;
  std::size_t pos = 0;
  std::optional<std::string> error;

  bool canRead() const { return pos < src.size(); }

  // parsing.go readUntilFalse: collects characters while `cond` holds; a backslash takes the next character
  // as is. Returns whether it stopped on a character (true) or at the end of the text (false).
  template <class Cond>
  bool readUntilFalse(bool includeSpace, bool breakSpace, bool escaping, Cond cond, std::string& out) {
    bool stopped = false;
    bool any = false;
    while (canRead()) {
      char32_t c = src[pos++];
      if (escaping && c == '\\') {
        if (!canRead()) {
          // govaluate indexes past the end here and panics; we refuse the text instead.
          error = "argosim: the expression ends with a backslash that escapes nothing";
          return false;
        }
        appendUtf8(out, src[pos++]);
        any = true;
        continue;
      }
      if (isSpace(c)) {
        if (breakSpace && any) {
          stopped = true;
          break;
        }
        if (!includeSpace) continue;
      }
      if (cond(c)) {
        appendUtf8(out, c);
        any = true;
      } else {
        stopped = true;
        --pos;
        break;
      }
    }
    return stopped;
  }

  template <class Cond> std::string readTokenUntilFalse(Cond cond) {
    --pos;
    std::string out;
    readUntilFalse(false, true, true, cond, out);
    return out;
  }

  // One token, or nullopt at the end of the text or on error (then `error` is set).
  std::optional<Token> next(Kind previous) {
    Token tok;
    while (canRead()) {
      const char32_t c = src[pos++];
      if (isSpace(c)) continue;

      if (isNumeric(c)) {
        if (canRead() && c == '0') {
          const char32_t x = src[pos++];
          if (canRead() && x == 'x') {
            std::string hex;
            readUntilFalse(false, true, true, isHexDigit, hex);
            if (error) return std::nullopt;
            // strconv.ParseUint(hex, 16, 64): empty or wider than 64 bits fails.
            std::size_t digits = hex.find_first_not_of('0');
            if (hex.empty() || (digits != std::string::npos && hex.size() - digits > 16)) {
              error = "Unable to parse hex value '" + hex + "' to uint64\n";
              return std::nullopt;
            }
            tok.kind = Kind::Numeric;
            tok.text = hex;
            tok.number = static_cast<double>(std::strtoull(hex.c_str(), nullptr, 16));
            return tok;
          }
          --pos;
        }
        std::string num = readTokenUntilFalse(isNumeric);
        if (error) return std::nullopt;
        // strconv.ParseFloat on digits and dots: at most one dot, at least one digit, finite.
        const auto dots = static_cast<std::size_t>(std::count(num.begin(), num.end(), '.'));
        const bool syntaxOk =
            dots <= 1 && num.size() > dots && num.find_first_not_of("0123456789.") == std::string::npos;
        const double v = syntaxOk ? std::strtod(num.c_str(), nullptr) : 0;
        if (!syntaxOk || std::isinf(v)) {
          error = "Unable to parse numeric value '" + num + "' to float64\n";
          return std::nullopt;
        }
        tok.kind = Kind::Numeric;
        tok.text = num;
        tok.number = v;
        return tok;
      }

      if (c == ',') {
        tok.kind = Kind::Separator;
        tok.text = ",";
        return tok;
      }

      if (c == '[') {
        std::string name;
        const bool closed = readUntilFalse(
            true, false, true, [](char32_t ch) { return ch != ']'; }, name);
        if (error) return std::nullopt;
        if (!closed) {
          error = "Unclosed parameter bracket";
          return std::nullopt;
        }
        ++pos; // past the ']'
        tok.kind = Kind::Variable;
        tok.text = name;
        return tok;
      }

      if (isLetter(c)) {
        std::string word = readTokenUntilFalse(isVariableChar);
        if (error) return std::nullopt;
        tok.text = word;
        tok.kind = Kind::Variable;
        if (word == "true" || word == "false") {
          tok.kind = Kind::Boolean;
          tok.boolean = word == "true";
        }
        if (word == "in" || word == "IN") {
          tok.kind = Kind::Comparator;
          tok.text = "in";
        }
        // No functions: shouldExecute passes none. A dot makes an accessor of a Go struct parameter.
        if (const auto dot = word.find('.'); dot != std::string::npos && dot > 0) {
          if (word.back() == '.') {
            error = "Hanging accessor on token '" + word + "'";
            return std::nullopt;
          }
          tok.kind = Kind::Accessor;
          tok.parts.clear();
          std::size_t start = 0;
          while (true) {
            const auto end = word.find('.', start);
            tok.parts.push_back(
                word.substr(start, end == std::string::npos ? std::string::npos : end - start));
            if (end == std::string::npos) break;
            start = end + 1;
          }
          for (std::size_t i = 1; i < tok.parts.size(); ++i) {
            const std::string& p = tok.parts[i];
            if (!p.empty() && p[0] >= 'a' && p[0] <= 'z') {
              error = "Unable to access unexported field '" + p + "' in token '" + word + "'";
              return std::nullopt;
            }
          }
        }
        return tok;
      }

      if (isQuote(c)) {
        std::string text;
        // Either quote character ends the literal, whichever opened it.
        const bool closed = readUntilFalse(
            true, false, true, [](char32_t ch) { return !isQuote(ch); }, text);
        if (error) return std::nullopt;
        if (!closed) {
          error = "Unclosed string literal";
          return std::nullopt;
        }
        ++pos;
        tok.kind = Kind::String;
        tok.text = text;
        return tok;
      }

      if (c == '(') {
        tok.kind = Kind::Clause;
        tok.text = "(";
        return tok;
      }
      if (c == ')') {
        tok.kind = Kind::ClauseClose;
        tok.text = ")";
        return tok;
      }

      std::string sym = readTokenUntilFalse(isSymbolChar);
      if (error) return std::nullopt;
      tok.text = sym;
      // "-" is negation where a value may start, subtraction elsewhere.
      if ((nextKinds(previous) & bit(Kind::Prefix)) && isPrefixSymbol(sym))
        tok.kind = Kind::Prefix;
      else if (isModifierSymbol(sym))
        tok.kind = Kind::Modifier;
      else if (isLogicalSymbol(sym))
        tok.kind = Kind::LogicalOp;
      else if (isComparatorSymbol(sym))
        tok.kind = Kind::Comparator;
      else if (isTernarySymbol(sym))
        tok.kind = Kind::Ternary;
      else {
        error = "Invalid token: '" + sym + "'";
        return std::nullopt;
      }
      return tok;
    }
    return std::nullopt;
  }
};

// parsing.go parseTokens (with checkBalance).
std::optional<std::string> tokenize(std::string_view text, std::vector<Token>& out) {
  Lexer lx;
  lx.src = decodeUtf8(text);
  Kind previous = Kind::Unknown;
  while (lx.canRead()) {
    auto tok = lx.next(previous);
    if (lx.error) return lx.error;
    if (!tok) break;
    previous = tok->kind;
    out.push_back(std::move(*tok));
  }
  return std::nullopt;
}

// parsing.go checkBalance
std::optional<std::string> checkBalance(const std::vector<Token>& tokens) {
  long depth = 0;
  for (const auto& t : tokens) {
    if (t.kind == Kind::Clause) ++depth;
    if (t.kind == Kind::ClauseClose) --depth;
  }
  if (depth != 0) return std::string("Unbalanced parenthesis");
  return std::nullopt;
}

// lexerState.go checkExpressionSyntax
std::optional<std::string> checkSyntax(const std::vector<Token>& tokens) {
  Kind state = Kind::Unknown;
  const Token* last = nullptr;
  for (const auto& t : tokens) {
    if (!(nextKinds(state) & bit(t.kind))) {
      if (last && last->kind == Kind::Variable && t.kind == Kind::Clause)
        return "Undefined function " + last->text;
      const std::string from =
          std::string(kindName(state)) + " [" + (last ? tokenValueText(*last) : "<nil>") + "]";
      const std::string to = std::string(kindName(t.kind)) + " [" + tokenValueText(t) + "]";
      return "Cannot transition token types from " + from + " to " + to;
    }
    state = t.kind;
    last = &t;
  }
  if (!mayEnd(state)) return std::string("Unexpected end of expression");
  return std::nullopt;
}

// parsing.go optimizeTokens: a string right after =~ / !~ is compiled once, as a PATTERN.
std::optional<std::string> optimizeTokens(std::vector<Token>& tokens) {
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].kind != Kind::Comparator || (tokens[i].text != "=~" && tokens[i].text != "!~")) continue;
    Token& rhs = tokens[i + 1];
    if (rhs.kind != Kind::String) continue;
    const auto compiled = expr::compileGoRegex(rhs.text);
    if (compiled.error) return compiled.error;
    rhs.kind = Kind::Pattern;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------------------
// Values and the plan (stagePlanner.go). govaluate's numbers are all float64.

struct Value {
  enum class Type { Nil, Bool, Number, String, Pattern, Array } type = Type::Nil;
  bool b = false;
  double n = 0;
  std::string s; // String, or a Pattern's source
  std::vector<Value> items;
};

std::string valueText(const Value& v) {
  switch (v.type) {
  case Value::Type::Nil:
    return "<nil>";
  case Value::Type::Bool:
    return v.b ? "true" : "false";
  case Value::Type::Number:
    return formatGoFloat(v.n);
  case Value::Type::String:
  case Value::Type::Pattern:
    return v.s;
  case Value::Type::Array: {
    std::string out = "[";
    for (std::size_t i = 0; i < v.items.size(); ++i)
      out += (i ? " " : "") + valueText(v.items[i]);
    return out + "]";
  }
  }
  return "";
}

// reflect.DeepEqual on govaluate's values.
bool deepEqual(const Value& a, const Value& b) {
  if (a.type != b.type) return false;
  switch (a.type) {
  case Value::Type::Nil:
    return true;
  case Value::Type::Bool:
    return a.b == b.b;
  case Value::Type::Number:
    return a.n == b.n;
  case Value::Type::String:
    return a.s == b.s;
  case Value::Type::Pattern:
    return false; // distinct *regexp.Regexp pointers
  case Value::Type::Array:
    if (a.items.size() != b.items.size()) return false;
    for (std::size_t i = 0; i < a.items.size(); ++i)
      if (!deepEqual(a.items[i], b.items[i])) return false;
    return true;
  }
  return false;
}

enum class Op {
  Literal,
  Parameter, // a VARIABLE (only before shouldExecute re-types them) or an ACCESSOR
  Noop,      // parentheses
  Eq,
  Neq,
  Gt,
  Lt,
  Gte,
  Lte,
  Req,
  Nreq,
  In,
  And,
  Or,
  BitAnd,
  BitOr,
  BitXor,
  Shl,
  Shr,
  Plus,
  Minus,
  Mul,
  Div,
  Mod,
  Pow,
  Negate,
  Invert,
  BitNot,
  TernaryTrue,
  TernaryFalse,
  Coalesce,
  Separate
};

// OperatorSymbol.go String (note "=" for ==, as govaluate prints it).
const char* opText(Op op) {
  switch (op) {
  case Op::Eq:
    return "=";
  case Op::Neq:
    return "!=";
  case Op::Gt:
    return ">";
  case Op::Lt:
    return "<";
  case Op::Gte:
    return ">=";
  case Op::Lte:
    return "<=";
  case Op::Req:
    return "=~";
  case Op::Nreq:
    return "!~";
  case Op::In:
    return "in";
  case Op::And:
    return "&&";
  case Op::Or:
    return "||";
  case Op::BitAnd:
    return "&";
  case Op::BitOr:
    return "|";
  case Op::BitXor:
    return "^";
  case Op::Shl:
    return "<<";
  case Op::Shr:
    return ">>";
  case Op::Plus:
    return "+";
  case Op::Minus:
  case Op::Negate:
    return "-";
  case Op::Mul:
    return "*";
  case Op::Div:
    return "/";
  case Op::Mod:
    return "%";
  case Op::Pow:
    return "**";
  case Op::Invert:
    return "!";
  case Op::BitNot:
    return "~";
  case Op::TernaryTrue:
    return "?";
  case Op::TernaryFalse:
    return ":";
  case Op::Coalesce:
    return "??";
  case Op::Noop:
    return "NOOP";
  default:
    return "";
  }
}

struct Node {
  Op op = Op::Literal;
  Value literal;
  std::string parameter; // the name govaluate looks up (an accessor's first part)
  std::unique_ptr<Node> left, right;
  int depth = 1;
};

// The precedence levels of stagePlanner.go, loosest first. govaluate plans each level right-recursively and
// then re-orders runs of equal precedence (reorderStages), which amounts to left associativity.
enum Level {
  kSeparator,
  kTernary,
  kOr,
  kAnd,
  kComparator,
  kBitwise,
  kShift,
  kAdditive,
  kMultiplicative,
  kExponent,
  kValue
};

std::optional<Op> opAtLevel(Level level, const Token& t) {
  const std::string& s = t.text;
  switch (level) {
  case kSeparator:
    if (t.kind == Kind::Separator) return Op::Separate;
    break;
  case kTernary:
    if (t.kind == Kind::Ternary)
      return s == "?" ? Op::TernaryTrue : s == ":" ? Op::TernaryFalse : Op::Coalesce;
    break;
  case kOr:
    if (t.kind == Kind::LogicalOp && s == "||") return Op::Or;
    break;
  case kAnd:
    if (t.kind == Kind::LogicalOp && s == "&&") return Op::And;
    break;
  case kComparator:
    if (t.kind != Kind::Comparator) break;
    if (s == "==") return Op::Eq;
    if (s == "!=") return Op::Neq;
    if (s == ">") return Op::Gt;
    if (s == "<") return Op::Lt;
    if (s == ">=") return Op::Gte;
    if (s == "<=") return Op::Lte;
    if (s == "=~") return Op::Req;
    if (s == "!~") return Op::Nreq;
    if (s == "in") return Op::In;
    break;
  case kBitwise:
    if (t.kind != Kind::Modifier) break;
    if (s == "&") return Op::BitAnd;
    if (s == "|") return Op::BitOr;
    if (s == "^") return Op::BitXor;
    break;
  case kShift:
    if (t.kind == Kind::Modifier && s == "<<") return Op::Shl;
    if (t.kind == Kind::Modifier && s == ">>") return Op::Shr;
    break;
  case kAdditive:
    if (t.kind == Kind::Modifier && s == "+") return Op::Plus;
    if (t.kind == Kind::Modifier && s == "-") return Op::Minus;
    break;
  case kMultiplicative:
    if (t.kind == Kind::Modifier && s == "*") return Op::Mul;
    if (t.kind == Kind::Modifier && s == "/") return Op::Div;
    if (t.kind == Kind::Modifier && s == "%") return Op::Mod;
    break;
  case kExponent:
    if (t.kind == Kind::Modifier && s == "**") return Op::Pow;
    break;
  case kValue:
    break;
  }
  return std::nullopt;
}

class Planner {
public:
  explicit Planner(const std::vector<Token>& tokens) : tokens_(tokens) {}
  std::optional<std::string> error;

  // stagePlanner.go planTokens
  std::unique_ptr<Node> planTokens() {
    if (index_ >= tokens_.size()) return nullptr;
    return planLevel(kSeparator);
  }

private:
  const std::vector<Token>& tokens_;
  std::size_t index_ = 0;
  int nesting_ = 0;

  std::unique_ptr<Node> make(Op op, std::unique_ptr<Node> left, std::unique_ptr<Node> right) {
    auto n = std::make_unique<Node>();
    n->op = op;
    n->depth = 1 + std::max(left ? left->depth : 0, right ? right->depth : 0);
    n->left = std::move(left);
    n->right = std::move(right);
    if (n->depth > kMaxNodeDepth && !error)
      error = "argosim: the expression is nested deeper than " + std::to_string(kMaxNodeDepth) + " operators";
    return n;
  }

  // stagePlanner.go planPrecedenceLevel, iterated instead of right-recursive.
  std::unique_ptr<Node> planLevel(Level level) {
    if (level == kValue) return planFunction();
    auto left = planLevel(static_cast<Level>(level + 1));
    while (!error && index_ < tokens_.size()) {
      const auto op = opAtLevel(level, tokens_[index_]);
      if (!op) break;
      ++index_;
      auto right = planLevel(static_cast<Level>(level + 1));
      if (error) return nullptr;
      left = make(*op, std::move(left), std::move(right));
    }
    return error ? nullptr : std::move(left);
  }

  // stagePlanner.go planFunction / planAccessor (there are no functions, so straight to accessors).
  std::unique_ptr<Node> planFunction() {
    if (index_ >= tokens_.size()) return nullptr;
    const Token& t = tokens_[index_];
    if (t.kind != Kind::Accessor) return planValue();
    ++index_;
    std::unique_ptr<Node> args;
    if (index_ < tokens_.size() && tokens_[index_].kind == Kind::Clause) {
      // A clause right after an accessor is a method call's arguments: the rest of the expression is planned.
      if (!enter()) return nullptr;
      args = planTokens();
      --nesting_;
      if (error) return nullptr;
    }
    auto n = make(Op::Parameter, nullptr, std::move(args));
    n->parameter = t.parts.empty() ? t.text : t.parts.front();
    return n;
  }

  bool enter() {
    if (++nesting_ > kMaxWhenDepth) {
      error = "argosim: the expression nests parentheses or prefixes deeper than " +
              std::to_string(kMaxWhenDepth);
      return false;
    }
    return true;
  }

  // stagePlanner.go planValue
  std::unique_ptr<Node> planValue() {
    if (index_ >= tokens_.size()) return nullptr;
    const Token& t = tokens_[index_++];
    switch (t.kind) {
    case Kind::Clause: {
      if (!enter()) return nullptr;
      auto inner = planTokens();
      --nesting_;
      if (error) return nullptr;
      // govaluate skips the next token as the closing parenthesis, whatever it is.
      if (index_ < tokens_.size()) ++index_;
      return make(Op::Noop, nullptr, std::move(inner));
    }
    case Kind::ClauseClose:
      --index_;
      return nullptr;
    case Kind::Variable: {
      auto n = make(Op::Parameter, nullptr, nullptr);
      n->parameter = t.text;
      return n;
    }
    case Kind::Numeric:
    case Kind::String:
    case Kind::Pattern:
    case Kind::Boolean: {
      auto n = make(Op::Literal, nullptr, nullptr);
      if (t.kind == Kind::Numeric) {
        n->literal.type = Value::Type::Number;
        n->literal.n = t.number;
      } else if (t.kind == Kind::Boolean) {
        n->literal.type = Value::Type::Bool;
        n->literal.b = t.boolean;
      } else {
        n->literal.type = t.kind == Kind::String ? Value::Type::String : Value::Type::Pattern;
        n->literal.s = t.text;
      }
      return n;
    }
    case Kind::Prefix: {
      // stagePlanner.go planPrefix: the operand is one function/accessor/value.
      if (!enter()) return nullptr;
      auto operand = planFunction();
      --nesting_;
      if (error) return nullptr;
      const Op op = t.text == "-" ? Op::Negate : t.text == "!" ? Op::Invert : Op::BitNot;
      return make(op, nullptr, std::move(operand));
    }
    default:
      error = std::string("Unable to plan token kind: '") + kindName(t.kind) + "', value: '" +
              tokenValueText(t) + "'";
      return nullptr;
    }
  }
};

// ---------------------------------------------------------------------------------------------------------------
// Evaluation (EvaluableExpression.go evaluateStage, evaluationStage.go operators and type checks).

const char* kLogicalFormat = "cannot be used with the logical operator";
const char* kModifierSuffix = "it is not a number";

std::string typeError(Op op, const Value& v) {
  const std::string value = "Value '" + valueText(v) + "' ";
  switch (op) {
  case Op::And:
  case Op::Or:
    return value + kLogicalFormat + " '" + opText(op) + "', it is not a bool";
  case Op::TernaryTrue:
    return value + "cannot be used with the ternary operator '" + opText(op) + "', it is not a bool";
  case Op::Negate:
  case Op::Invert:
  case Op::BitNot:
    return value + "cannot be used with the prefix '" + opText(op) + "'";
  case Op::Gt:
  case Op::Lt:
  case Op::Gte:
  case Op::Lte:
  case Op::Req:
  case Op::Nreq:
  case Op::In:
    return value + "cannot be used with the comparator '" + opText(op) + "', " + kModifierSuffix;
  default:
    return value + "cannot be used with the modifier '" + opText(op) + "', " + kModifierSuffix;
  }
}

Value boolValue(bool b) {
  Value v;
  v.type = Value::Type::Bool;
  v.b = b;
  return v;
}
Value numberValue(double n) {
  Value v;
  v.type = Value::Type::Number;
  v.n = n;
  return v;
}

// Go's float64 → int64 / uint64 conversions are implementation-defined out of range; C++'s are undefined, so
// clamp.
std::int64_t toInt64(double d) {
  if (std::isnan(d)) return 0;
  if (d >= 9.2233720368547758e18) return INT64_MAX;
  if (d <= -9.2233720368547758e18) return INT64_MIN;
  return static_cast<std::int64_t>(d);
}
std::uint64_t toUint64(double d) {
  if (std::isnan(d) || d <= 0) return d <= -1 ? static_cast<std::uint64_t>(toInt64(d)) : 0;
  if (d >= 1.8446744073709552e19) return UINT64_MAX;
  return static_cast<std::uint64_t>(d);
}

bool isNumber(const Value& v) {
  return v.type == Value::Type::Number;
}
bool isString(const Value& v) {
  return v.type == Value::Type::String;
}
bool isBool(const Value& v) {
  return v.type == Value::Type::Bool;
}

struct Evaluator {
  std::optional<std::string> error;

  Value fail(std::string message) {
    if (!error) error = std::move(message);
    return {};
  }

  Value eval(const Node* node) {
    if (!node || error) return {};
    Value left = node->left ? eval(node->left.get()) : Value{};
    if (error) return {};
    const Op op = node->op;
    // Short circuits (EvaluableExpression.go evaluateStage): `left == false` only matches a bool false.
    bool skipRight = false;
    if (op == Op::And && isBool(left) && !left.b) return boolValue(false);
    if (op == Op::Or && isBool(left) && left.b) return boolValue(true);
    if ((op == Op::TernaryFalse || op == Op::Coalesce) && left.type != Value::Type::Nil) skipRight = true;
    if (op == Op::TernaryTrue && isBool(left) && !left.b) skipRight = true;
    Value right = (!skipRight && node->right) ? eval(node->right.get()) : Value{};
    if (error) return {};

    switch (op) {
    case Op::Literal:
      return node->literal;
    case Op::Parameter:
      // shouldExecute evaluates with no parameters (MapParameters.Get's message).
      return fail("No parameter '" + node->parameter + "' found.");
    case Op::Noop:
      return right;
    case Op::Eq:
      return boolValue(deepEqual(left, right));
    case Op::Neq:
      return boolValue(!deepEqual(left, right));
    case Op::Gt:
    case Op::Lt:
    case Op::Gte:
    case Op::Lte: {
      if (isString(left) && isString(right)) {
        const int c = left.s.compare(right.s);
        return boolValue(op == Op::Gt ? c > 0 : op == Op::Lt ? c < 0 : op == Op::Gte ? c >= 0 : c <= 0);
      }
      if (!(isNumber(left) && isNumber(right))) return fail(typeError(op, left));
      const double a = left.n, b = right.n;
      return boolValue(op == Op::Gt ? a > b : op == Op::Lt ? a < b : op == Op::Gte ? a >= b : a <= b);
    }
    case Op::Req:
    case Op::Nreq: {
      if (!isString(left)) return fail(typeError(op, left));
      if (!isString(right) && right.type != Value::Type::Pattern) return fail(typeError(op, right));
      const auto compiled = expr::compileGoRegex(right.s);
      // A Pattern compiled when the expression was read: only a string built at run time can fail here.
      if (compiled.error)
        return fail("Unable to compile regexp pattern '" + right.s + "': " + *compiled.error);
      const auto m = expr::matchGoRegex(*compiled.program, left.s);
      if (m.error) return fail(*m.error);
      return boolValue(op == Op::Req ? m.matched : !m.matched);
    }
    case Op::In: {
      if (right.type != Value::Type::Array) return fail(typeError(op, right));
      // inStage compares with Go's ==: like DeepEqual for the scalar values govaluate has.
      for (const auto& item : right.items)
        if (item.type != Value::Type::Array && deepEqual(left, item)) return boolValue(true);
      return boolValue(false);
    }
    case Op::And:
    case Op::Or:
      if (!isBool(left)) return fail(typeError(op, left));
      if (!isBool(right)) return fail(typeError(op, right));
      return boolValue(op == Op::And ? (left.b && right.b) : (left.b || right.b));
    case Op::Plus:
      if (isNumber(left) && isNumber(right)) return numberValue(left.n + right.n);
      if (!isString(left) && !isString(right)) return fail(typeError(op, left));
      {
        Value v;
        v.type = Value::Type::String;
        v.s = valueText(left) + valueText(right);
        if (v.s.size() > kMaxWhenBytes * 4) return fail("argosim: string concatenation result is too long");
        return v;
      }
    case Op::Minus:
    case Op::Mul:
    case Op::Div:
    case Op::Mod:
    case Op::Pow:
    case Op::BitAnd:
    case Op::BitOr:
    case Op::BitXor:
    case Op::Shl:
    case Op::Shr: {
      if (!isNumber(left)) return fail(typeError(op, left));
      if (!isNumber(right)) return fail(typeError(op, right));
      const double a = left.n, b = right.n;
      switch (op) {
      case Op::Minus:
        return numberValue(a - b);
      case Op::Mul:
        return numberValue(a * b);
      case Op::Div:
        return numberValue(a / b);
      case Op::Mod:
        return numberValue(std::fmod(a, b));
      case Op::Pow:
        return numberValue(std::pow(a, b));
      case Op::BitAnd:
        return numberValue(static_cast<double>(toInt64(a) & toInt64(b)));
      case Op::BitOr:
        return numberValue(static_cast<double>(toInt64(a) | toInt64(b)));
      case Op::BitXor:
        return numberValue(static_cast<double>(toInt64(a) ^ toInt64(b)));
      case Op::Shl: {
        const auto s = toUint64(b);
        return numberValue(s >= 64 ? 0.0 : static_cast<double>(toUint64(a) << s));
      }
      default: {
        const auto s = toUint64(b);
        return numberValue(s >= 64 ? 0.0 : static_cast<double>(toUint64(a) >> s));
      }
      }
    }
    case Op::Negate:
      if (!isNumber(right)) return fail(typeError(op, right));
      return numberValue(-right.n);
    case Op::BitNot:
      if (!isNumber(right)) return fail(typeError(op, right));
      return numberValue(static_cast<double>(~toInt64(right.n)));
    case Op::Invert:
      if (!isBool(right)) return fail(typeError(op, right));
      return boolValue(!right.b);
    case Op::TernaryTrue:
      if (!isBool(left)) return fail(typeError(op, left));
      return left.b ? right : Value{};
    case Op::TernaryFalse:
    case Op::Coalesce:
      return left.type != Value::Type::Nil ? left : right;
    case Op::Separate: {
      if (left.type == Value::Type::Array) {
        left.items.push_back(std::move(right));
        return left;
      }
      Value v;
      v.type = Value::Type::Array;
      v.items.push_back(std::move(left));
      v.items.push_back(std::move(right));
      return v;
    }
    }
    return {};
  }
};

// govaluate's NewEvaluableExpressionFromTokens (and the tail of NewEvaluableExpression): the checks and the
// plan.
std::optional<std::string> compile(std::vector<Token>& tokens, std::unique_ptr<Node>& plan) {
  if (auto e = checkBalance(tokens)) return e;
  if (auto e = checkSyntax(tokens)) return e;
  if (auto e = optimizeTokens(tokens)) return e;
  Planner planner(tokens);
  plan = planner.planTokens();
  if (planner.error) return planner.error;
  return std::nullopt;
}

} // namespace

WhenResult evaluateWhen(std::string_view when) {
  WhenResult r;
  if (when.empty()) {
    r.ok = true;
    r.value = true;
    return r;
  }
  const std::string quoted = "'" + std::string(when) + "'";
  auto invalid = [&](const std::string& detail) {
    r.error = "Invalid 'when' expression " + quoted + ": " + detail;
    // steps.go shouldExecute adds a hint to govaluate's "Invalid token" errors.
    if (detail.find("Invalid token") != std::string::npos)
      r.error += " (hint: try wrapping the affected expression in quotes (\"))";
    return r;
  };
  if (when.size() > kMaxWhenBytes)
    return invalid("argosim: the expression is longer than " + std::to_string(kMaxWhenBytes) + " bytes");

  // First pass: govaluate.NewEvaluableExpression on the text as written.
  std::vector<Token> tokens;
  if (auto e = tokenize(when, tokens)) return invalid(*e);
  {
    std::unique_ptr<Node> plan;
    if (auto e = compile(tokens, plan)) return invalid(*e);
  }

  // Second pass: every VARIABLE becomes a STRING and the expression is rebuilt from the tokens.
  for (auto& t : tokens)
    if (t.kind == Kind::Variable) t.kind = Kind::String;
  std::unique_ptr<Node> plan;
  if (auto e = compile(tokens, plan)) {
    r.error = "Failed to parse 'when' expression " + quoted + ": " + *e;
    return r;
  }

  Evaluator ev;
  const Value result = ev.eval(plan.get());
  if (ev.error) {
    r.error = "Failed to evaluate 'when' expresion " + quoted + ": " + *ev.error; // sic: Argo's spelling
    return r;
  }
  if (result.type != Value::Type::Bool) {
    r.error = "Expected boolean evaluation for " + quoted + ". Got " + valueText(result);
    return r;
  }
  r.ok = true;
  r.value = result.b;
  return r;
}

} // namespace argosim
