#include "engine/expr/parser.hpp"

#include "engine/expr/lexer.hpp"
#include "engine/expr/limits.hpp"
#include "engine/text/go_text.hpp"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace argosim::expr {
namespace {

struct OpInfo {
  const char* op;
  int precedence;
  bool rightAssoc;
};

// parser/operator/operator.go: the binary precedence table.
constexpr OpInfo kBinary[] = {
    {"|", 0, false},        {"or", 10, false},       {"||", 10, false},         {"and", 15, false},
    {"&&", 15, false},      {"==", 20, false},       {"!=", 20, false},         {"<", 20, false},
    {">", 20, false},       {">=", 20, false},       {"<=", 20, false},         {"in", 20, false},
    {"matches", 20, false}, {"contains", 20, false}, {"startsWith", 20, false}, {"endsWith", 20, false},
    {"..", 25, false},      {"+", 30, false},        {"-", 30, false},          {"*", 60, false},
    {"/", 60, false},       {"%", 60, false},        {"**", 100, true},         {"^", 100, true},
    {"??", 500, false},
};

const OpInfo* binaryOp(const std::string& v) {
  for (const OpInfo& o : kBinary)
    if (v == o.op) return &o;
  return nullptr;
}

int unaryPrecedence(const std::string& v) {
  if (v == "not" || v == "!") return 50;
  if (v == "-" || v == "+") return 90;
  return -1;
}

bool isComparison(const std::string& v) {
  return v == "<" || v == ">" || v == "<=" || v == ">=";
}
bool negatable(const std::string& v) {
  return v == "contains" || v == "matches" || v == "startsWith" || v == "endsWith" || v == "in";
}

// Builtins whose arguments are predicates (closures); parsed specially by expr-lang, not modelled here.
bool isPredicateBuiltin(const std::string& n) {
  static constexpr const char* kNames[] = {"all",   "none", "any",       "one",      "filter",
                                           "map",   "find", "findIndex", "findLast", "findLastIndex",
                                           "count", "sum",  "groupBy",   "sortBy",   "reduce"};
  for (const char* k : kNames)
    if (n == k) return true;
  return false;
}

NodePtr clone(const Node& n) {
  auto c = std::make_unique<Node>();
  c->kind = n.kind;
  c->from = n.from;
  c->depth = n.depth;
  c->op = n.op;
  c->name = n.name;
  c->boolValue = n.boolValue;
  c->intValue = n.intValue;
  c->floatValue = n.floatValue;
  c->stringValue = n.stringValue;
  c->dot = n.dot;
  c->keys = n.keys;
  for (const NodePtr& ch : n.children)
    c->children.push_back(clone(*ch)); // depth-bounded: the tree's height is at most kMaxDepth
  return c;
}

class Parser {
public:
  Parser(std::string_view src, LexResult lexed) : src_(src), lex_(std::move(lexed)) {
    if (lex_.tokens.empty())
      advanceIntoLexError();
    else
      current_ = lex_.tokens[0];
  }

  ParseResult run() {
    ParseResult r;
    NodePtr node = parseExpression(0);
    if (!err_ && current_.is(TokenKind::Operator, ";"))
      unsupported(current_, "a sequence of expressions (;)");
    if (!err_ && !current_.is(TokenKind::Eof)) error("unexpected token " + tokenText(current_));
    if (err_) {
      r.error = makeError(src_, err_->offset, err_->message, ErrorPhase::Parse);
      return r;
    }
    r.root = std::move(node);
    return r;
  }

private:
  std::string_view src_;
  LexResult lex_;
  std::size_t index_ = 0;
  Token current_;
  std::optional<Error> err_;
  int recursion_ = 0;

  void advanceIntoLexError() {
    if (lex_.error) {
      if (!err_) err_ = lex_.error;
    } else if (!err_) {
      errorAt(current_.from, "unexpected end of expression");
    }
  }

  void next() {
    if (index_ + 1 < lex_.tokens.size()) {
      current_ = lex_.tokens[++index_];
      return;
    }
    ++index_;
    advanceIntoLexError();
  }

  void errorAt(int from, std::string message) {
    if (err_) return;
    Error e;
    e.message = std::move(message);
    e.offset = from;
    err_ = e;
  }
  void error(std::string message) { errorAt(current_.from, std::move(message)); }
  void unsupported(const Token& at, const std::string& what) {
    errorAt(at.from, "argosim: " + what + " is not supported");
  }

  void expect(TokenKind k, const char* v) {
    if (current_.is(k, v)) {
      next();
      return;
    }
    error("unexpected token " + tokenText(current_));
  }

  NodePtr make(NodeKind kind, int from, std::vector<NodePtr> children = {}) {
    if (err_) return nullptr;
    auto n = std::make_unique<Node>();
    n->kind = kind;
    n->from = from;
    int depth = 0;
    for (NodePtr& c : children) {
      if (!c) return nullptr;
      depth = std::max(depth, c->depth);
    }
    n->depth = depth + 1;
    n->children = std::move(children);
    if (n->depth > kMaxDepth) {
      errorAt(from, "argosim: expression nesting exceeds " + std::to_string(kMaxDepth) + " levels");
      return nullptr;
    }
    return n;
  }

  NodePtr parseExpression(int precedence) {
    if (err_) return nullptr;
    struct Guard {
      int& r;
      explicit Guard(int& x) : r(x) { ++r; }
      ~Guard() { --r; }
    } guard(recursion_);
    if (recursion_ > kMaxDepth) {
      error("argosim: expression nesting exceeds " + std::to_string(kMaxDepth) + " levels");
      return nullptr;
    }
    if (precedence == 0 && current_.is(TokenKind::Operator, "let")) {
      unsupported(current_, "let");
      return nullptr;
    }
    if (precedence == 0 && current_.is(TokenKind::Operator, "if")) {
      unsupported(current_, "if/else");
      return nullptr;
    }

    NodePtr left = parsePrimary();
    std::string prevOperator;
    Token opToken = current_;
    while (opToken.is(TokenKind::Operator) && !err_) {
      bool negate = opToken.is(TokenKind::Operator, "not");
      Token notToken;
      if (negate) {
        // "not in", "not matches", ...: the lexer already emitted the second word as an operator.
        Token backup = current_;
        std::size_t backupIndex = index_;
        next();
        if (negatable(current_.value)) {
          const OpInfo* o = binaryOp(current_.value);
          if (o && o->precedence >= precedence) {
            notToken = current_;
            opToken = current_;
          } else {
            index_ = backupIndex;
            current_ = backup;
            break;
          }
        } else {
          error("unexpected token " + tokenText(current_));
          break;
        }
      }
      const OpInfo* o = binaryOp(opToken.value);
      if (!o || o->precedence < precedence) break;
      next();
      if (opToken.value == "|") {
        unsupported(opToken, "the pipe operator (|)");
        return nullptr;
      }
      if (opToken.value == "..") {
        unsupported(opToken, "the range operator (..)");
        return nullptr;
      }
      if (prevOperator == "??" && opToken.value != "??") {
        errorAt(opToken.from,
                "Operator (" + opToken.value +
                    ") and coalesce expressions (?\?) cannot be mixed. Wrap either by parentheses.");
        break;
      }
      if (isComparison(opToken.value)) {
        left = parseComparison(std::move(left), opToken, o->precedence);
      } else {
        NodePtr right = parseExpression(o->rightAssoc ? o->precedence : o->precedence + 1);
        std::vector<NodePtr> kids;
        kids.push_back(std::move(left));
        kids.push_back(std::move(right));
        left = make(NodeKind::Binary, opToken.from, std::move(kids));
        if (!left) return nullptr;
        left->op = opToken.value;
        if (negate) {
          std::vector<NodePtr> k;
          k.push_back(std::move(left));
          left = make(NodeKind::Unary, notToken.from, std::move(k));
          if (!left) return nullptr;
          left->op = "not";
        }
      }
      if (!left) return nullptr;
      prevOperator = opToken.value;
      opToken = current_;
    }
    if (precedence == 0) left = parseConditional(std::move(left));
    return left;
  }

  NodePtr parseComparison(NodePtr left, Token token, int precedence) {
    NodePtr root;
    for (;;) {
      NodePtr comparator = parseExpression(precedence + 1);
      if (!comparator || !left) return nullptr;
      NodePtr middle = clone(*comparator); // a < b < c shares b: (a < b) && (b < c)
      std::vector<NodePtr> kids;
      kids.push_back(std::move(left));
      kids.push_back(std::move(comparator));
      NodePtr cmp = make(NodeKind::Binary, token.from, std::move(kids));
      if (!cmp) return nullptr;
      cmp->op = token.value;
      if (!root) {
        root = std::move(cmp);
      } else {
        std::vector<NodePtr> both;
        both.push_back(std::move(root));
        both.push_back(std::move(cmp));
        root = make(NodeKind::Binary, token.from, std::move(both));
        if (!root) return nullptr;
        root->op = "&&";
      }
      left = std::move(middle);
      token = current_;
      if (!(token.is(TokenKind::Operator) && isComparison(token.value) && !err_)) break;
      next();
    }
    return root;
  }

  NodePtr parseConditional(NodePtr node) {
    while (current_.is(TokenKind::Operator, "?") && !err_) {
      next();
      NodePtr e1, e2;
      if (!current_.is(TokenKind::Operator, ":")) {
        e1 = parseExpression(0);
        expect(TokenKind::Operator, ":");
        e2 = parseExpression(0);
      } else {
        next();
        if (!node) return nullptr;
        e1 = clone(*node); // a ?: b means a ? a : b
        e2 = parseExpression(0);
      }
      std::vector<NodePtr> kids;
      kids.push_back(std::move(node));
      kids.push_back(std::move(e1));
      kids.push_back(std::move(e2));
      node = make(NodeKind::Conditional, current_.from, std::move(kids)); // expr-lang: the token after it
      if (!node) return nullptr;
    }
    if (!err_ && current_.is(TokenKind::Operator, "?.")) unsupported(current_, "optional chaining (?.)");
    return node;
  }

  NodePtr parsePrimary() {
    Token token = current_;
    if (token.is(TokenKind::Operator)) {
      int prec = unaryPrecedence(token.value);
      if (prec >= 0) {
        next();
        std::vector<NodePtr> kids;
        kids.push_back(parseExpression(prec));
        NodePtr n = make(NodeKind::Unary, token.from, std::move(kids));
        if (!n) return nullptr;
        n->op = token.value;
        return parsePostfix(std::move(n));
      }
    }
    if (token.is(TokenKind::Bracket, "(")) {
      next();
      NodePtr e = parseExpression(0);
      if (!err_ && current_.is(TokenKind::Operator, ";")) {
        unsupported(current_, "a sequence of expressions (;)");
        return nullptr;
      }
      expect(TokenKind::Bracket, ")");
      return parsePostfix(std::move(e));
    }
    if (token.is(TokenKind::Operator, "#") || token.is(TokenKind::Operator, "##")) {
      unsupported(token, "the predicate pointer (#)");
      return nullptr;
    }
    if (token.is(TokenKind::Operator, "::")) {
      unsupported(token, "the builtin accessor (::)");
      return nullptr;
    }
    return parseSecondary();
  }

  NodePtr parseSecondary() {
    Token token = current_;
    NodePtr node;
    switch (token.kind) {
    case TokenKind::Identifier:
      next();
      if (token.value == "true" || token.value == "false") {
        node = make(NodeKind::Bool, token.from);
        if (node) node->boolValue = token.value == "true";
        return node;
      }
      if (token.value == "nil") return make(NodeKind::Nil, token.from);
      if (current_.is(TokenKind::Bracket, "(")) {
        node = parseCall(token);
      } else {
        node = make(NodeKind::Identifier, token.from);
        if (node) node->name = token.value;
      }
      break;
    case TokenKind::Number:
      next();
      return parseNumber(token);
    case TokenKind::String:
      next();
      node = make(NodeKind::String, token.from);
      if (node) node->stringValue = token.value;
      break;
    default:
      if (token.is(TokenKind::Bracket, "["))
        node = parseArray(token);
      else if (token.is(TokenKind::Bracket, "{"))
        node = parseMap(token);
      else
        error("unexpected token " + tokenText(token));
    }
    return parsePostfix(std::move(node));
  }

  NodePtr parseNumber(const Token& token) {
    std::string v;
    for (char c : token.value)
      if (c != '_') v += c;
    std::string lower;
    for (char c : v)
      lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    auto parseInt = [&](const std::string& digits, int base, const char* what) -> NodePtr {
      // strconv.ParseInt(value, 0 or 10, 64) and its error texts.
      const char* fn = "strconv.ParseInt: parsing ";
      if (digits.empty()) {
        error(std::string("invalid ") + what + " literal: " + fn + goQuote(v) + ": invalid syntax");
        return nullptr;
      }
      unsigned long long acc = 0;
      bool overflow = false;
      for (char c : digits) {
        int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : 99;
        if (d >= base) {
          error(std::string("invalid ") + what + " literal: " + fn + goQuote(v) + ": invalid syntax");
          return nullptr;
        }
        if (acc > (9223372036854775807ULL - static_cast<unsigned>(d)) / static_cast<unsigned>(base))
          overflow = true;
        else
          acc = acc * static_cast<unsigned>(base) + static_cast<unsigned>(d);
      }
      if (overflow) {
        error(std::string("invalid ") + what + " literal: " + fn + goQuote(v) + ": value out of range");
        return nullptr;
      }
      NodePtr n = make(NodeKind::Int, token.from);
      if (n) n->intValue = static_cast<std::int64_t>(acc);
      return n;
    };
    if (lower.rfind("0x", 0) == 0) return parseInt(lower.substr(2), 16, "hex");
    if (lower.find_first_of(".e") != std::string::npos) {
      const char* fn = "strconv.ParseFloat: parsing ";
      // Go accepts [digits][.digits][e[+-]digits]; the lexer has already constrained the shape.
      bool ok =
          !v.empty() && v.back() != 'e' && v.back() != 'E' && v.back() != '+' && v.back() != '-' && v != ".";
      if (!ok) {
        error("invalid float literal: " + std::string(fn) + goQuote(v) + ": invalid syntax");
        return nullptr;
      }
      errno = 0;
      double d = std::strtod(v.c_str(), nullptr);
      if (std::isinf(d)) {
        error("invalid float literal: " + std::string(fn) + goQuote(v) + ": value out of range");
        return nullptr;
      }
      NodePtr n = make(NodeKind::Float, token.from);
      if (n) n->floatValue = d;
      return n;
    }
    if (lower.rfind("0b", 0) == 0) return parseInt(lower.substr(2), 2, "binary");
    if (lower.rfind("0o", 0) == 0) return parseInt(lower.substr(2), 8, "octal");
    return parseInt(lower, 10, "integer");
  }

  NodePtr parseCall(const Token& token) {
    if (isPredicateBuiltin(token.value)) {
      unsupported(token, "the builtin " + token.value + "()");
      return nullptr;
    }
    std::vector<NodePtr> args;
    expect(TokenKind::Bracket, "(");
    while (!current_.is(TokenKind::Bracket, ")") && !err_) {
      if (!args.empty()) {
        expect(TokenKind::Operator, ",");
        if (current_.is(TokenKind::Bracket, ")")) break;
      }
      args.push_back(parseExpression(0));
    }
    expect(TokenKind::Bracket, ")");
    NodePtr n = make(NodeKind::Call, token.from, std::move(args));
    if (n) n->name = token.value;
    return n;
  }

  NodePtr parseArray(const Token& token) {
    std::vector<NodePtr> items;
    expect(TokenKind::Bracket, "[");
    while (!current_.is(TokenKind::Bracket, "]") && !err_) {
      if (!items.empty()) {
        expect(TokenKind::Operator, ",");
        if (current_.is(TokenKind::Bracket, "]")) break;
      }
      items.push_back(parseExpression(0));
    }
    expect(TokenKind::Bracket, "]");
    return make(NodeKind::Array, token.from, std::move(items));
  }

  NodePtr parseMap(const Token& token) {
    std::vector<NodePtr> values;
    std::vector<std::string> keys;
    expect(TokenKind::Bracket, "{");
    while (!current_.is(TokenKind::Bracket, "}") && !err_) {
      if (!values.empty()) {
        expect(TokenKind::Operator, ",");
        if (current_.is(TokenKind::Bracket, "}")) break;
        if (current_.is(TokenKind::Operator, ",")) error("unexpected token " + tokenText(current_));
      }
      if (current_.is(TokenKind::Number) || current_.is(TokenKind::String) ||
          current_.is(TokenKind::Identifier)) {
        keys.push_back(current_.value);
        next();
      } else if (current_.is(TokenKind::Bracket, "(")) {
        unsupported(current_, "a computed map key");
        return nullptr;
      } else {
        error("a map key must be a quoted string, a number, a identifier, or an expression enclosed in "
              "parentheses (unexpected token " +
              tokenText(current_) + ")");
      }
      expect(TokenKind::Operator, ":");
      values.push_back(parseExpression(0));
    }
    expect(TokenKind::Bracket, "}");
    NodePtr n = make(NodeKind::Map, token.from, std::move(values));
    if (n) n->keys = std::move(keys);
    return n;
  }

  NodePtr parsePostfix(NodePtr node) {
    Token postfix = current_;
    while ((postfix.is(TokenKind::Operator) || postfix.is(TokenKind::Bracket)) && !err_) {
      if (postfix.value == "?.") {
        unsupported(postfix, "optional chaining (?.)");
        return nullptr;
      }
      if (postfix.value == ".") {
        next();
        Token prop = current_;
        next();
        bool nameLike = prop.kind == TokenKind::Identifier ||
                        (prop.kind == TokenKind::Operator && !prop.value.empty() &&
                         (std::isalpha(static_cast<unsigned char>(prop.value[0])) || prop.value[0] == '_'));
        if (!nameLike) error("expected name");
        auto property = make(NodeKind::String, prop.from);
        if (!property) return nullptr;
        property->stringValue = prop.value;
        if (current_.is(TokenKind::Bracket, "(")) {
          // Argo puts sprig's functions in the env as a map of functions (util/expr/env: GetFuncMap).
          if (node && node->kind == NodeKind::Identifier && node->name == "sprig")
            errorAt(node->from, "argosim: sprig functions (sprig." + prop.value + ") are not supported");
          else
            unsupported(prop, "calling a method or a function held in a map (" + prop.value + "())");
          return nullptr;
        }
        std::vector<NodePtr> kids;
        kids.push_back(std::move(node));
        kids.push_back(std::move(property));
        node = make(NodeKind::Member, prop.from, std::move(kids));
        if (!node) return nullptr;
        node->dot = true;
      } else if (postfix.value == "[") {
        next();
        if (current_.is(TokenKind::Operator, ":")) {
          unsupported(postfix, "slicing ([a:b])");
          return nullptr;
        }
        NodePtr index = parseExpression(0);
        if (current_.is(TokenKind::Operator, ":")) {
          unsupported(postfix, "slicing ([a:b])");
          return nullptr;
        }
        std::vector<NodePtr> kids;
        kids.push_back(std::move(node));
        kids.push_back(std::move(index));
        node = make(NodeKind::Member, postfix.from, std::move(kids));
        if (!node) return nullptr;
        expect(TokenKind::Bracket, "]");
      } else {
        break;
      }
      postfix = current_;
    }
    return node;
  }
};

} // namespace

ParseResult parse(std::string_view source) {
  if (source.size() > kMaxSourceBytes) {
    ParseResult r;
    r.error = makeError(source, 0,
                        "argosim: expression is longer than " + std::to_string(kMaxSourceBytes) + " bytes",
                        ErrorPhase::Parse);
    return r;
  }
  return Parser(source, lex(source)).run();
}

} // namespace argosim::expr
