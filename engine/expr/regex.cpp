#include "engine/expr/regex.hpp"

#include "engine/expr/limits.hpp"

#include <cstdio>
#include <regex>
#include <vector>

namespace argosim::expr {
namespace {

constexpr int kMaxRepeat = 1000; // Go's regexp/syntax repeat limit

std::string goError(const std::string& code, std::string_view text) {
  return "error parsing regexp: " + code + ": `" + std::string(text) + "`";
}

bool isWord(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool isPunct(char c) {
  return c >= '!' && c <= '~' && !isWord(c);
}

std::string hexByte(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02X", v & 0xFF);
  return buf;
}

// A code point as ECMAScript text: bytes of its UTF-8 encoding (std::regex matches bytes).
std::string codePoint(unsigned long cp) {
  std::string out;
  if (cp < 0x80) return hexByte(static_cast<unsigned>(cp));
  unsigned char b[4];
  int n;
  if (cp < 0x800) {
    b[0] = static_cast<unsigned char>(0xC0 | (cp >> 6));
    b[1] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    b[0] = static_cast<unsigned char>(0xE0 | (cp >> 12));
    b[1] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
    b[2] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    b[0] = static_cast<unsigned char>(0xF0 | (cp >> 18));
    b[1] = static_cast<unsigned char>(0x80 | ((cp >> 12) & 0x3F));
    b[2] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
    b[3] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    n = 4;
  }
  out = "(?:";
  for (int i = 0; i < n; ++i)
    out += hexByte(b[i]);
  return out + ")";
}

class Translator {
public:
  explicit Translator(std::string_view p) : p_(p) {}

  RegexTranslation run() {
    RegexTranslation r;
    // Only whole-pattern leading flags are representable: (?i) -> icase, (?s) -> dot matches newline.
    if (p_.substr(0, 2) == "(?") {
      std::size_t close = p_.find(')');
      std::string_view flags = close == std::string_view::npos ? std::string_view() : p_.substr(2, close - 2);
      bool allFlags = !flags.empty();
      for (char c : flags)
        if (c != 'i' && c != 's') allFlags = false;
      if (allFlags) {
        for (char c : flags) {
          if (c == 'i') r.icase = true;
          if (c == 's') dotAll_ = true;
        }
        i_ = close + 1;
      }
    }
    // Each group level records the highest repeat product inside it (Go rejects nesting beyond 1000).
    groups_.push_back({out_.size(), 1});
    while (i_ < p_.size() && !error_) {
      step();
    }
    if (!error_ && groups_.size() > 1) error_ = goError("missing closing )", p_);
    if (error_) {
      r.error = error_;
      return r;
    }
    r.ecmascript = out_;
    return r;
  }

private:
  struct Group {
    std::size_t outStart;
    long innerRepeat;
  };
  std::string_view p_;
  std::size_t i_ = 0;
  std::string out_;
  std::optional<std::string> error_;
  bool dotAll_ = false;
  std::vector<Group> groups_;
  // The atom a quantifier would apply to: its start in out_ and its own repeat product.
  std::optional<std::size_t> atomStart_;
  long atomRepeat_ = 1;
  std::optional<std::size_t> lastRepeatStart_; // pattern offset of the previous quantifier, if it was last

  void atom(std::size_t start, long repeat = 1) {
    atomStart_ = start;
    atomRepeat_ = repeat;
    lastRepeatStart_.reset();
  }
  void unsupported(const std::string& what) {
    error_ = "argosim: regexp " + what + " is not supported (std::regex cannot express it)";
  }

  void step() {
    char c = p_[i_];
    switch (c) {
    case '(':
      return openGroup();
    case ')': {
      if (groups_.size() <= 1) {
        error_ = goError("unexpected )", p_);
        return;
      }
      Group g = groups_.back();
      groups_.pop_back();
      out_ += ')';
      ++i_;
      atom(g.outStart, g.innerRepeat);
      return;
    }
    case '|':
      out_ += '|';
      ++i_;
      atomStart_.reset();
      lastRepeatStart_.reset();
      return;
    case '*':
    case '+':
    case '?':
    case '{':
      return quantifier();
    case '[':
      return charClass();
    case '\\':
      return escape();
    case '.': {
      std::size_t s = out_.size();
      out_ += dotAll_ ? "[\\s\\S]" : "[^\\n]"; // Go's . excludes only \n (ECMAScript's also excludes \r)
      ++i_;
      atom(s);
      return;
    }
    case '^':
    case '$': {
      std::size_t s = out_.size();
      out_ += std::string("(?:") + c + ")"; // grouped: Go lets assertions be repeated, ECMAScript does not
      ++i_;
      atom(s);
      return;
    }
    default: {
      std::size_t s = out_.size();
      unsigned char u = static_cast<unsigned char>(c);
      if (u >= 0x80) {
        // A whole UTF-8 sequence is one atom.
        std::size_t n = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
        out_ += "(?:" + std::string(p_.substr(i_, n)) + ")";
        i_ += n;
      } else {
        if (isPunct(c)) out_ += '\\';
        out_ += c;
        ++i_;
      }
      atom(s);
    }
    }
  }

  void openGroup() {
    std::size_t start = i_;
    if (p_.substr(i_, 2) != "(?") {
      groups_.push_back({out_.size(), 1});
      out_ += '(';
      ++i_;
      atomStart_.reset();
      lastRepeatStart_.reset();
      return;
    }
    std::string_view rest = p_.substr(i_);
    if (rest.substr(0, 3) == "(?:") {
      groups_.push_back({out_.size(), 1});
      out_ += "(?:";
      i_ += 3;
      atomStart_.reset();
      lastRepeatStart_.reset();
      return;
    }
    if (rest.substr(0, 4) == "(?P<" || rest.substr(0, 3) == "(?<") {
      std::size_t nameStart = i_ + (rest[2] == 'P' ? 4 : 3);
      if (rest.substr(0, 4) == "(?<=" || rest.substr(0, 4) == "(?<!") {
        error_ = goError("invalid or unsupported Perl syntax", rest.substr(0, 4));
        return;
      }
      std::size_t close = p_.find('>', nameStart);
      if (close == std::string_view::npos) {
        error_ = goError("invalid named capture", p_.substr(start));
        return;
      }
      std::string_view name = p_.substr(nameStart, close - nameStart);
      bool ok = !name.empty();
      for (char ch : name)
        if (!isWord(ch)) ok = false;
      if (!ok) {
        error_ = goError("invalid named capture", p_.substr(start, close + 1 - start));
        return;
      }
      groups_.push_back({out_.size(), 1});
      out_ += '(';
      i_ = close + 1;
      atomStart_.reset();
      lastRepeatStart_.reset();
      return;
    }
    // Flags: (?flags) or (?flags:...), letters imsU with an optional '-'.
    std::size_t j = i_ + 2;
    while (j < p_.size() && (p_[j] == 'i' || p_[j] == 'm' || p_[j] == 's' || p_[j] == 'U' || p_[j] == '-'))
      ++j;
    if (j > i_ + 2 && j < p_.size() && (p_[j] == ')' || p_[j] == ':')) {
      unsupported("flags (" + std::string(p_.substr(i_, j + 1 - i_)) + " other than a leading (?i) or (?s))");
      return;
    }
    error_ = goError("invalid or unsupported Perl syntax",
                     p_.substr(i_, std::min<std::size_t>(3, p_.size() - i_)));
  }

  // Parses {n}, {n,}, {n,m} at i_; returns false when the brace is a literal (as in Go).
  bool parseBraces(std::size_t& end, long& lo, long& hi) {
    std::size_t j = i_ + 1;
    auto number = [&](long& v) {
      std::size_t s = j;
      v = 0;
      while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9') {
        if (v <= 100000) v = v * 10 + (p_[j] - '0');
        ++j;
      }
      return j > s;
    };
    if (!number(lo)) return false;
    hi = lo;
    if (j < p_.size() && p_[j] == ',') {
      ++j;
      if (j < p_.size() && p_[j] == '}')
        hi = -1;
      else if (!number(hi))
        return false;
    }
    if (j >= p_.size() || p_[j] != '}') return false;
    end = j + 1;
    return true;
  }

  void quantifier() {
    std::size_t start = i_;
    long lo = 0, hi = -1;
    std::size_t end = i_ + 1;
    char c = p_[i_];
    if (c == '{') {
      if (!parseBraces(end, lo, hi)) { // a literal brace
        std::size_t s = out_.size();
        out_ += "\\{";
        ++i_;
        atom(s);
        return;
      }
    } else if (c == '+') {
      lo = 1;
    } else if (c == '?') {
      hi = 1;
    }
    if (end < p_.size() && p_[end] == '?') ++end; // non-greedy
    std::string_view op = p_.substr(start, end - start);
    if (lastRepeatStart_) {
      error_ = goError("invalid nested repetition operator",
                       p_.substr(*lastRepeatStart_, end - *lastRepeatStart_));
      return;
    }
    if (!atomStart_) {
      error_ = goError("missing argument to repetition operator", op);
      return;
    }
    if (c == '{') {
      if (lo > kMaxRepeat || hi > kMaxRepeat || (hi >= 0 && hi < lo)) {
        error_ = goError("invalid repeat count", op);
        return;
      }
      long factor = hi >= 0 ? hi : lo;
      long product = atomRepeat_ * (factor > 0 ? factor : 1);
      if (product > kMaxRepeat) {
        error_ = goError("invalid repeat count", op);
        return;
      }
      atomRepeat_ = product;
    }
    Group& g = groups_.back();
    if (atomRepeat_ > g.innerRepeat) g.innerRepeat = atomRepeat_;
    out_ += std::string(op);
    lastRepeatStart_ = start;
    i_ = end;
  }

  // Reads an escape at i_ ('\\' included); in a class, `inClass` changes what is allowed. Appends to `out`.
  bool escapeInto(std::string& out, bool inClass, long* singleChar) {
    if (i_ + 1 >= p_.size()) {
      error_ = goError("trailing backslash at end of expression", "");
      return false;
    }
    char e = p_[i_ + 1];
    std::size_t start = i_;
    i_ += 2;
    if (singleChar) *singleChar = -1;
    auto single = [&](unsigned long cp) {
      if (singleChar) *singleChar = static_cast<long>(cp);
      if (cp >= 0x80 && inClass) {
        unsupported("non-ASCII characters inside [...]");
        return false;
      }
      out += codePoint(cp);
      return true;
    };
    switch (e) {
    case 'a':
      return single(7);
    case 'f':
      return single(12);
    case 't':
      return single(9);
    case 'n':
      return single(10);
    case 'r':
      return single(13);
    case 'v':
      return single(11);
    case 'd':
    case 'D':
    case 'w':
    case 'W':
      out += '\\';
      out += e;
      return true;
    case 's':
      out += inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]"; // Go's \s has no \v
      return true;
    case 'S':
      out += inClass ? "\\S" : "[^\\t\\n\\f\\r ]";
      return true;
    case 'x': {
      unsigned long cp = 0;
      if (i_ < p_.size() && p_[i_] == '{') {
        std::size_t close = p_.find('}', i_);
        if (close == std::string_view::npos || close == i_ + 1) {
          error_ =
              goError("invalid escape sequence",
                      p_.substr(start, (close == std::string_view::npos ? p_.size() : close + 1) - start));
          return false;
        }
        for (std::size_t k = i_ + 1; k < close; ++k) {
          char h = p_[k];
          int d = (h >= '0' && h <= '9')   ? h - '0'
                  : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                  : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                           : -1;
          if (d < 0 || cp > 0x10FFFF) {
            error_ = goError("invalid escape sequence", p_.substr(start, close + 1 - start));
            return false;
          }
          cp = cp * 16 + static_cast<unsigned long>(d);
        }
        if (cp > 0x10FFFF) {
          error_ = goError("invalid escape sequence", p_.substr(start, close + 1 - start));
          return false;
        }
        i_ = close + 1;
        return single(cp);
      }
      for (int k = 0; k < 2; ++k) {
        char h = i_ < p_.size() ? p_[i_] : '\0';
        int d = (h >= '0' && h <= '9')   ? h - '0'
                : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                         : -1;
        if (d < 0) {
          error_ = goError("invalid escape sequence", p_.substr(start, std::min(i_ + 1, p_.size()) - start));
          return false;
        }
        cp = cp * 16 + static_cast<unsigned long>(d);
        ++i_;
      }
      return single(cp);
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      // Go: \0 and \0oo, or three-digit octal \123; a lone \1-\7 would be a backreference (unsupported by
      // RE2).
      if (e != '0' && !(i_ < p_.size() && p_[i_] >= '0' && p_[i_] <= '7')) {
        error_ = goError("invalid escape sequence", p_.substr(start, 2));
        return false;
      }
      unsigned long cp = static_cast<unsigned long>(e - '0');
      for (int k = 0; k < 2 && i_ < p_.size() && p_[i_] >= '0' && p_[i_] <= '7'; ++k, ++i_)
        cp = cp * 8 + static_cast<unsigned long>(p_[i_] - '0');
      return single(cp);
    }
    default:
      break;
    }
    if (!inClass) {
      if (e == 'b' || e == 'B') {
        out += '\\';
        out += e;
        return true;
      }
      if (e == 'A') {
        out += "(?:^)";
        return true;
      }
      if (e == 'z') {
        out += "(?:$)";
        return true;
      }
      if (e == 'Q') {
        std::size_t endQ = p_.find("\\E", i_);
        std::string_view lit =
            p_.substr(i_, endQ == std::string_view::npos ? std::string_view::npos : endQ - i_);
        out += "(?:";
        for (char ch : lit) {
          if (isPunct(ch)) out += '\\';
          out += ch;
        }
        out += ")";
        i_ = endQ == std::string_view::npos ? p_.size() : endQ + 2;
        return true;
      }
    }
    if (e == 'p' || e == 'P') {
      unsupported("Unicode classes (\\p, \\P)");
      return false;
    }
    if (isPunct(e)) {
      if (singleChar) *singleChar = static_cast<unsigned char>(e);
      out += '\\';
      out += e;
      return true;
    }
    error_ = goError("invalid escape sequence", p_.substr(start, 2));
    return false;
  }

  void escape() {
    std::size_t s = out_.size();
    std::string piece;
    if (!escapeInto(piece, false, nullptr)) return;
    out_ += piece;
    atom(s);
  }

  void charClass() {
    std::size_t start = i_;
    std::size_t s = out_.size();
    std::string cls = "[";
    ++i_;
    if (i_ < p_.size() && p_[i_] == '^') {
      cls += '^';
      ++i_;
    }
    bool first = true;
    while (true) {
      if (i_ >= p_.size()) {
        error_ = goError("missing closing ]", p_.substr(start));
        return;
      }
      char c = p_[i_];
      if (c == ']' && !first) {
        ++i_;
        break;
      }
      first = false;
      if (p_.substr(i_, 2) == "[:") {
        std::size_t close = p_.find(":]", i_ + 2);
        if (close != std::string_view::npos) {
          std::string_view name = p_.substr(i_ + 2, close - i_ - 2);
          static constexpr const char* kPosix[] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph",
                                                   "lower", "print", "punct", "space", "upper", "xdigit"};
          bool known = false;
          for (const char* k : kPosix)
            if (name == k) known = true;
          if (name == "word") {
            cls += "\\w";
          } else if (name == "ascii") {
            cls += "\\x00-\\x7F";
          } else if (known) {
            cls += "[:" + std::string(name) + ":]";
          } else if (!name.empty() && name[0] == '^') {
            unsupported("negated POSIX classes ([:^name:])");
            return;
          } else {
            error_ = goError("invalid character class range", p_.substr(i_, close + 2 - i_));
            return;
          }
          i_ = close + 2;
          continue;
        }
      }
      // One endpoint (a character) or a class escape.
      std::size_t loStart = i_;
      long lo = -1;
      std::string loText;
      if (!classChar(loText, lo)) return;
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']' && lo >= 0) {
        ++i_;
        long hi = -1;
        std::string hiText;
        if (!classChar(hiText, hi)) return;
        if (hi < 0 || hi < lo) {
          error_ = goError("invalid character class range", p_.substr(loStart, i_ - loStart));
          return;
        }
        cls += loText + "-" + hiText;
      } else {
        cls += loText;
      }
    }
    cls += ']';
    out_ += cls;
    atom(s);
  }

  // One class member at i_: sets `cp` to its code point when it is a single character.
  bool classChar(std::string& text, long& cp) {
    char c = p_[i_];
    if (c == '\\') return escapeInto(text, true, &cp);
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      unsupported("non-ASCII characters inside [...]");
      return false;
    }
    cp = u;
    if (isPunct(c)) text += '\\';
    text += c;
    ++i_;
    return true;
  }
};

} // namespace

RegexTranslation translateGoRegex(std::string_view pattern) {
  if (pattern.size() > kMaxRegexPattern) {
    RegexTranslation r;
    r.error = "argosim: regexp pattern is longer than " + std::to_string(kMaxRegexPattern) + " bytes";
    return r;
  }
  return Translator(pattern).run();
}

RegexMatch goRegexMatch(std::string_view subject, std::string_view pattern) {
  RegexMatch m;
  RegexTranslation t = translateGoRegex(pattern);
  if (t.error) {
    m.error = t.error;
    return m;
  }
  if (subject.size() > kMaxRegexSubject) {
    m.error = "argosim: matches refuses a string longer than " + std::to_string(kMaxRegexSubject) + " bytes";
    return m;
  }
  auto flags = std::regex::ECMAScript | std::regex::nosubs;
  if (t.icase) flags |= std::regex::icase;
#ifdef __GLIBCXX__
  flags |=
      std::regex_constants::__polynomial; // libstdc++'s breadth-first executor: no per-character recursion
#endif
  // The translation only emits syntax std::regex accepts; the catch is for resource limits (state count,
  // allocation), which std::regex reports by throwing.
  try {
    std::regex re(t.ecmascript, flags);
    m.matched = std::regex_search(subject.begin(), subject.end(), re);
  } catch (const std::exception& e) {
    m.error = std::string("argosim: regexp could not be evaluated: ") + e.what();
  }
  return m;
}

} // namespace argosim::expr
