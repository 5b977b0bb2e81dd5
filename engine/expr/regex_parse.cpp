#include "engine/expr/regex_parse.hpp"

#include "engine/expr/limits.hpp"
#include "engine/text/go_text.hpp"

#include <algorithm>
#include <optional>
#include <utility>

namespace argosim::expr {
namespace {

// Parser flags (regexp/syntax's FoldCase, DotNL, OneLine and NonGreedy); regexp.Compile starts with OneLine.
constexpr std::uint8_t kFoldCase = 1;
constexpr std::uint8_t kDotNL = 2;
constexpr std::uint8_t kOneLine = 4;
constexpr std::uint8_t kNonGreedy = 8;
constexpr int kMaxRepeat = 1000; // regexp/syntax: larger counts, or nested products, are refused

std::string goError(std::string_view code, std::string_view expr) {
  return "error parsing regexp: " + std::string(code) + ": `" + std::string(expr) + "`";
}

bool isAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int unhex(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

// regexp/syntax's POSIX classes ([:name:]), all ASCII.
std::optional<RuneRanges> posixGroup(std::string_view name) {
  if (name == "alnum") return RuneRanges{{'0', '9'}, {'A', 'Z'}, {'a', 'z'}};
  if (name == "alpha") return RuneRanges{{'A', 'Z'}, {'a', 'z'}};
  if (name == "ascii") return RuneRanges{{0, 0x7F}};
  if (name == "blank") return RuneRanges{{'\t', '\t'}, {' ', ' '}};
  if (name == "cntrl") return RuneRanges{{0, 0x1F}, {0x7F, 0x7F}};
  if (name == "digit") return RuneRanges{{'0', '9'}};
  if (name == "graph") return RuneRanges{{'!', '~'}};
  if (name == "lower") return RuneRanges{{'a', 'z'}};
  if (name == "print") return RuneRanges{{' ', '~'}};
  if (name == "punct") return RuneRanges{{'!', '/'}, {':', '@'}, {'[', '`'}, {'{', '~'}};
  if (name == "space") return RuneRanges{{'\t', '\r'}, {' ', ' '}};
  if (name == "upper") return RuneRanges{{'A', 'Z'}};
  if (name == "word") return RuneRanges{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
  if (name == "xdigit") return RuneRanges{{'0', '9'}, {'A', 'F'}, {'a', 'f'}};
  return std::nullopt;
}

// \d \s \w, all ASCII; \s has no \v, unlike [[:space:]].
RuneRanges perlGroup(char lower) {
  if (lower == 'd') return {{'0', '9'}};
  if (lower == 's') return {{'\t', '\n'}, {'\f', '\r'}, {' ', ' '}};
  return {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
}

void append(RuneRanges& to, const RuneRanges& from) {
  to.insert(to.end(), from.begin(), from.end());
}

class Parser {
public:
  explicit Parser(std::string_view pattern) : p_(pattern), n_(pattern.size()) {}

  std::variant<ReTree, std::string> run() {
    std::size_t i = 0;
    std::optional<std::size_t> lastRepeat; // where the previous token began, when it was a repetition
    while (i < n_) {
      std::optional<std::size_t> repeat;
      if (!token(i, lastRepeat, repeat)) return *error_;
      lastRepeat = repeat;
    }
    alternate();
    if (stack_.size() != 1) return goError("missing closing )", p_);
    tree_.root = stack_[0];
    return std::move(tree_);
  }

private:
  std::string_view p_;
  std::size_t n_;
  std::uint8_t flags_ = kOneLine;
  std::vector<int> stack_; // regexp/syntax's parse stack, pseudo nodes included
  ReTree tree_;
  int depth_ = 0;
  std::optional<std::string> error_;

  bool fail(std::string message) {
    error_ = std::move(message);
    return false;
  }
  bool fold() const { return (flags_ & kFoldCase) != 0; }

  int add(ReNode n) {
    tree_.nodes.push_back(std::move(n));
    return static_cast<int>(tree_.nodes.size()) - 1;
  }
  void push(ReOp op) {
    ReNode n;
    n.op = op;
    stack_.push_back(add(std::move(n)));
  }
  void pushRunes(RuneRanges runes) {
    ReNode n;
    n.op = ReOp::Runes;
    n.runes = std::move(runes);
    stack_.push_back(add(std::move(n)));
  }
  void literal(char32_t c) {
    RuneRanges r{{c, c}};
    pushRunes(fold() ? caseFolded(std::move(r)) : std::move(r));
  }
  bool pseudo(int id) const {
    const ReOp op = tree_.nodes[static_cast<std::size_t>(id)].op;
    return op == ReOp::LeftParen || op == ReOp::VerticalBar;
  }
  int pop() {
    const int id = stack_.back();
    stack_.pop_back();
    return id;
  }

  // utf8.DecodeRuneInString at i, before `end`: an invalid byte is Go's "invalid UTF-8" error with the text
  // from there; at `end`, c is U+FFFD and i stays.
  bool nextRune(std::size_t& i, char32_t& c, std::size_t end = std::string_view::npos) {
    const std::string_view s = p_.substr(0, std::min(end, n_));
    const DecodedRune d = decodeUtf8(s, i);
    c = d.rune;
    if (d.size == 1 && !d.valid) return fail(goError("invalid UTF-8", s.substr(i)));
    i += d.size;
    return true;
  }
  bool checkUtf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      const DecodedRune d = decodeUtf8(s, i);
      if (!d.valid) return fail(goError("invalid UTF-8", s.substr(i)));
      i += d.size;
    }
    return true;
  }

  bool token(std::size_t& i, std::optional<std::size_t> lastRepeat, std::optional<std::size_t>& repeat) {
    switch (p_[i]) {
    case '(':
      if (i + 1 < n_ && p_[i + 1] == '?') return perlFlags(i);
      ++i;
      return openGroup();
    case '|':
      concat();
      push(ReOp::VerticalBar);
      ++i;
      return true;
    case ')':
      ++i;
      return closeGroup();
    case '^':
      push((flags_ & kOneLine) ? ReOp::BeginText : ReOp::BeginLine);
      ++i;
      return true;
    case '$':
      push((flags_ & kOneLine) ? ReOp::EndText : ReOp::EndLine);
      ++i;
      return true;
    case '.':
      push((flags_ & kDotNL) ? ReOp::AnyChar : ReOp::AnyCharNotNL);
      ++i;
      return true;
    case '[':
      return charClass(i);
    case '*':
    case '+':
    case '?': {
      const ReOp op = p_[i] == '*' ? ReOp::Star : p_[i] == '+' ? ReOp::Plus : ReOp::Quest;
      std::size_t after = i + 1;
      if (!applyRepeat(op, 0, 0, i, after, lastRepeat)) return false;
      repeat = i;
      i = after;
      return true;
    }
    case '{': {
      int min = 0, max = 0;
      std::size_t after = 0;
      if (!braces(i, min, max, after)) { // not a repeat: a literal brace
        literal('{');
        ++i;
        return true;
      }
      if (min < 0 || min > kMaxRepeat || max > kMaxRepeat || (max >= 0 && min > max))
        return fail(goError("invalid repeat count", p_.substr(i, after - i)));
      if (!applyRepeat(ReOp::Repeat, min, max, i, after, lastRepeat)) return false;
      repeat = i;
      i = after;
      return true;
    }
    case '\\':
      return escape(i);
    default: {
      char32_t c = 0;
      if (!nextRune(i, c)) return false;
      literal(c);
      return true;
    }
    }
  }

  bool openGroup() {
    if (++depth_ > kMaxRegexNesting)
      return fail("argosim: regexp groups nest more than " + std::to_string(kMaxRegexNesting) + " deep");
    ReNode n;
    n.op = ReOp::LeftParen;
    n.savedFlags = flags_;
    stack_.push_back(add(std::move(n)));
    return true;
  }

  bool closeGroup() {
    alternate();
    if (stack_.size() < 2 ||
        tree_.nodes[static_cast<std::size_t>(stack_[stack_.size() - 2])].op != ReOp::LeftParen)
      return fail(goError("unexpected )", p_));
    const int inner = pop();
    flags_ = tree_.nodes[static_cast<std::size_t>(pop())].savedFlags;
    stack_.push_back(inner);
    --depth_;
    return true;
  }

  // The items since the last `(` or `|` become one.
  void concat() {
    std::size_t k = stack_.size();
    while (k > 0 && !pseudo(stack_[k - 1]))
      --k;
    if (k == stack_.size()) return push(ReOp::EmptyMatch);
    if (stack_.size() - k == 1) return;
    ReNode c;
    c.op = ReOp::Concat;
    c.subs.assign(stack_.begin() + static_cast<std::ptrdiff_t>(k), stack_.end());
    stack_.resize(k);
    stack_.push_back(add(std::move(c)));
  }

  // The branches since the last `(` become one alternation.
  void alternate() {
    concat();
    std::vector<int> branches{pop()};
    while (!stack_.empty() && tree_.nodes[static_cast<std::size_t>(stack_.back())].op == ReOp::VerticalBar) {
      pop();
      branches.push_back(pop());
    }
    if (branches.size() == 1) {
      stack_.push_back(branches[0]);
      return;
    }
    std::reverse(branches.begin(), branches.end());
    ReNode a;
    a.op = ReOp::Alternate;
    a.subs = std::move(branches);
    stack_.push_back(add(std::move(a)));
  }

  // (?P<name>, (?<name>, (?flags) and (?flags:; i is at the `(`.
  bool perlFlags(std::size_t& i) {
    const std::string_view t = p_.substr(i);
    const bool withP = t.size() > 4 && t[2] == 'P' && t[3] == '<';
    if (withP || (t.size() > 3 && t[2] == '<')) {
      const std::size_t begin = withP ? 4 : 3;
      const std::size_t end = t.find('>');
      if (end == std::string_view::npos) {
        if (!checkUtf8(t)) return false;
        return fail(goError("invalid named capture", t));
      }
      const std::string_view name = t.substr(begin, end - begin);
      if (!checkUtf8(name)) return false;
      const bool valid = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return c == '_' || isAlnum(static_cast<unsigned char>(c));
      });
      if (!valid) return fail(goError("invalid named capture", t.substr(0, end + 1)));
      i += end + 1;
      return openGroup();
    }
    std::size_t j = i + 2;
    std::uint8_t flags = flags_;
    bool negated = false;
    bool sawFlag = false;
    while (j < n_) {
      char32_t c = 0;
      if (!nextRune(j, c)) return false;
      switch (c) {
      case 'i':
        flags |= kFoldCase;
        sawFlag = true;
        continue;
      case 'm':
        flags &= static_cast<std::uint8_t>(~kOneLine);
        sawFlag = true;
        continue;
      case 's':
        flags |= kDotNL;
        sawFlag = true;
        continue;
      case 'U':
        flags |= kNonGreedy;
        sawFlag = true;
        continue;
      case '-':
        if (negated) break;
        // From here the flags named are cleared: work on the complement, and complement back at the end.
        negated = true;
        flags = static_cast<std::uint8_t>(~flags);
        sawFlag = false;
        continue;
      case ':':
      case ')':
        if (negated) {
          if (!sawFlag) break;
          flags = static_cast<std::uint8_t>(~flags);
        }
        if (c == ':' && !openGroup()) return false;
        flags_ = flags;
        i = j;
        return true;
      default:
        break;
      }
      break;
    }
    return fail(goError("invalid or unsupported Perl syntax", p_.substr(i, j - i)));
  }

  // {n}, {n,} or {n,m} at i (no leading zeros); false when the brace is a literal. A number past 10^8 reads
  // as -1 so that the caller refuses it.
  bool braces(std::size_t i, int& min, int& max, std::size_t& after) const {
    std::size_t j = i + 1;
    auto number = [&](int& v) {
      if (j >= n_ || p_[j] < '0' || p_[j] > '9') return false;
      if (j + 1 < n_ && p_[j] == '0' && p_[j + 1] >= '0' && p_[j + 1] <= '9') return false;
      v = 0;
      for (; j < n_ && p_[j] >= '0' && p_[j] <= '9'; ++j) {
        if (v >= 100000000) v = -1;
        if (v >= 0) v = v * 10 + (p_[j] - '0');
      }
      return true;
    };
    if (!number(min) || j >= n_) return false;
    if (p_[j] != ',') {
      max = min;
    } else {
      ++j;
      if (j >= n_) return false;
      if (p_[j] == '}') {
        max = -1;
      } else {
        if (!number(max)) return false;
        if (max < 0) min = -1;
      }
    }
    if (j >= n_ || p_[j] != '}') return false;
    after = j + 1;
    return true;
  }

  bool applyRepeat(ReOp op, int min, int max, std::size_t before, std::size_t& after,
                   std::optional<std::size_t> lastRepeat) {
    if (after < n_ && p_[after] == '?') ++after; // non-greedy: the same answer for a match/no-match question
    if (lastRepeat)
      return fail(goError("invalid nested repetition operator", p_.substr(*lastRepeat, after - *lastRepeat)));
    if (stack_.empty() || pseudo(stack_.back()))
      return fail(goError("missing argument to repetition operator", p_.substr(before, after - before)));
    ReNode r;
    r.op = op;
    r.min = min;
    r.max = max;
    r.subs = {stack_.back()};
    stack_.back() = add(std::move(r));
    if (op == ReOp::Repeat && (min >= 2 || max >= 2) && !repeatProductValid(stack_.back()))
      return fail(goError("invalid repeat count", p_.substr(before, after - before)));
    return true;
  }

  // regexp/syntax refuses nested counted repeats whose product exceeds 1000 (each level divides the budget;
  // a {0} level ends the walk).
  bool repeatProductValid(int root) const {
    std::vector<std::pair<int, int>> todo{{root, kMaxRepeat}};
    while (!todo.empty()) {
      auto [id, budget] = todo.back();
      todo.pop_back();
      const ReNode& n = tree_.nodes[static_cast<std::size_t>(id)];
      if (n.op == ReOp::Repeat) {
        int m = n.max;
        if (m == 0) continue;
        if (m < 0) m = n.min;
        if (m > budget) return false;
        if (m > 0) budget /= m;
      }
      for (int s : n.subs)
        todo.emplace_back(s, budget);
    }
    return true;
  }

  bool escape(std::size_t& i) {
    if (i + 1 < n_) {
      switch (p_[i + 1]) {
      case 'A':
        push(ReOp::BeginText);
        i += 2;
        return true;
      case 'b':
        push(ReOp::WordBoundary);
        i += 2;
        return true;
      case 'B':
        push(ReOp::NoWordBoundary);
        i += 2;
        return true;
      case 'z':
        push(ReOp::EndText);
        i += 2;
        return true;
      case 'C': // any byte: refused by RE2
        return fail(goError("invalid escape sequence", p_.substr(i, 2)));
      case 'Q': { // literal text up to \E or the end
        const std::size_t end = std::min(p_.find("\\E", i + 2), n_);
        for (std::size_t k = i + 2; k < end;) {
          char32_t c = 0;
          if (!nextRune(k, c, end)) return false;
          literal(c);
        }
        i = end == n_ ? n_ : end + 2;
        return true;
      }
      default:
        break;
      }
    }
    RuneRanges runes;
    bool found = false;
    if (!unicodeClassAt(i, runes, found)) return false;
    if (!found) found = perlClassAt(i, runes);
    if (found) {
      pushRunes(std::move(runes));
      return true;
    }
    char32_t c = 0;
    if (!escapedRune(i, c)) return false;
    literal(c);
    return true;
  }

  // \pN, \p{Name}, \PN, \P{^Name} at i; `found` is false when i is not at one.
  bool unicodeClassAt(std::size_t& i, RuneRanges& out, bool& found) {
    found = false;
    if (i + 1 >= n_ || p_[i] != '\\' || (p_[i + 1] != 'p' && p_[i + 1] != 'P')) return true;
    found = true;
    bool negate = p_[i + 1] == 'P';
    std::size_t j = i + 2;
    char32_t c = 0;
    if (!nextRune(j, c)) return false;
    std::string_view seq;
    std::string_view name;
    if (c != '{') {
      seq = p_.substr(i, j - i);
      name = seq.substr(2);
    } else {
      const std::size_t end = p_.find('}', i);
      if (end == std::string_view::npos) {
        if (!checkUtf8(p_.substr(i))) return false;
        return fail(goError("invalid character class range", p_.substr(i)));
      }
      seq = p_.substr(i, end + 1 - i);
      name = p_.substr(i + 3, end - i - 3);
      if (!checkUtf8(name)) return false;
      j = end + 1;
    }
    if (!name.empty() && name[0] == '^') {
      negate = !negate;
      name.remove_prefix(1);
    }
    UnicodeClass u = unicodeClass(name);
    if (u.kind == UnicodeClass::Kind::Unknown) return fail(goError("invalid character class range", seq));
    if (u.kind == UnicodeClass::Kind::Uncovered)
      return fail("argosim: regexp " + std::string(seq) +
                  " is a Unicode 15.0 script, which argosim's Unicode 14.0 script tables lack");
    append(out, group(std::move(u.ranges), negate));
    i = j;
    return true;
  }

  // A class as regexp/syntax's appendGroup adds it: folded under (?i), then negated.
  RuneRanges group(RuneRanges ranges, bool negate) const {
    if (fold()) ranges = caseFolded(std::move(ranges));
    normalize(ranges);
    return negate ? negated(ranges) : ranges;
  }

  bool perlClassAt(std::size_t& i, RuneRanges& out) const {
    if (i + 1 >= n_ || p_[i] != '\\') return false;
    const char c = p_[i + 1];
    const char lower = static_cast<char>(c | 0x20);
    if (lower != 'd' && lower != 's' && lower != 'w') return false;
    append(out, group(perlGroup(lower), c != lower));
    i += 2;
    return true;
  }

  // A single-character escape at i (regexp/syntax parseEscape); the error quotes what was read.
  bool escapedRune(std::size_t& i, char32_t& out) {
    const std::size_t start = i;
    std::size_t j = i + 1;
    if (j >= n_) return fail(goError("trailing backslash at end of expression", ""));
    char32_t c = 0;
    if (!nextRune(j, c)) return false;
    auto invalid = [&] { return fail(goError("invalid escape sequence", p_.substr(start, j - start))); };
    auto done = [&](char32_t r) {
      out = r;
      i = j;
      return true;
    };
    if (c < 0x80 && !isAlnum(c)) return done(c);
    switch (c) {
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
      // A lone \1..\7 would be a backreference, which RE2 lacks; \0 and three-digit forms are octal.
      if (j >= n_ || p_[j] < '0' || p_[j] > '7') return invalid();
      [[fallthrough]];
    case '0': {
      char32_t r = c - '0';
      for (int k = 1; k < 3 && j < n_ && p_[j] >= '0' && p_[j] <= '7'; ++k, ++j)
        r = r * 8 + static_cast<char32_t>(p_[j] - '0');
      return done(r);
    }
    case 'x': {
      if (j >= n_) return invalid();
      if (!nextRune(j, c)) return false;
      if (c == '{') {
        int digits = 0;
        char32_t r = 0;
        while (true) {
          if (j >= n_) return invalid();
          if (!nextRune(j, c)) return false;
          if (c == '}') break;
          const int v = unhex(c);
          if (v < 0) return invalid();
          r = r * 16 + static_cast<char32_t>(v);
          if (r > kMaxRune) return invalid();
          ++digits;
        }
        if (digits == 0) return invalid();
        return done(r);
      }
      const int x = unhex(c);
      if (!nextRune(j, c)) return false;
      const int y = unhex(c);
      if (x < 0 || y < 0) return invalid();
      return done(static_cast<char32_t>(x * 16 + y));
    }
    case 'a':
      return done(7);
    case 'f':
      return done(12);
    case 'n':
      return done(10);
    case 'r':
      return done(13);
    case 't':
      return done(9);
    case 'v':
      return done(11);
    default:
      return invalid();
    }
  }

  // [...] at i (regexp/syntax parseClass with ClassNL: a negated class matches \n).
  bool charClass(std::size_t& i) {
    const std::size_t start = i;
    std::size_t j = i + 1;
    bool negate = false;
    if (j < n_ && p_[j] == '^') {
      negate = true;
      ++j;
    }
    RuneRanges cls;
    bool first = true; // `]` first is a literal
    while (j >= n_ || p_[j] != ']' || first) {
      first = false;
      if (n_ - std::min(j, n_) > 2 && p_[j] == '[' && p_[j + 1] == ':') {
        const std::size_t end = p_.find(":]", j + 2);
        if (end != std::string_view::npos) {
          const std::string_view whole = p_.substr(j, end + 2 - j);
          std::string_view name = p_.substr(j + 2, end - j - 2);
          const bool neg = !name.empty() && name[0] == '^';
          if (neg) name.remove_prefix(1);
          auto g = posixGroup(name);
          if (!g) return fail(goError("invalid character class range", whole));
          append(cls, group(std::move(*g), neg));
          j = end + 2;
          continue;
        }
      }
      bool found = false;
      if (!unicodeClassAt(j, cls, found)) return false;
      if (found || perlClassAt(j, cls)) continue;
      const std::size_t rangeStart = j;
      char32_t lo = 0;
      if (!classChar(j, lo, start)) return false;
      char32_t hi = lo;
      if (n_ - j >= 2 && p_[j] == '-' && p_[j + 1] != ']') {
        ++j;
        if (!classChar(j, hi, start)) return false;
        if (hi < lo)
          return fail(goError("invalid character class range", p_.substr(rangeStart, j - rangeStart)));
      }
      RuneRanges r{{lo, hi}};
      append(cls, fold() ? caseFolded(std::move(r)) : std::move(r));
    }
    i = j + 1;
    normalize(cls);
    pushRunes(negate ? negated(cls) : std::move(cls));
    return true;
  }

  bool classChar(std::size_t& j, char32_t& out, std::size_t classStart) {
    if (j >= n_) return fail(goError("missing closing ]", p_.substr(classStart)));
    if (p_[j] == '\\') return escapedRune(j, out);
    return nextRune(j, out);
  }
};

} // namespace

std::variant<ReTree, std::string> parseGoRegex(std::string_view pattern) {
  return Parser(pattern).run();
}

} // namespace argosim::expr
