// argosim's own Go regexp (engine/expr/regex.hpp) against what Go's regexp.MatchString answers: the syntax of
// regexp/syntax (Perl flags, as regexp.Compile parses), its error texts, Unicode classes, flags, UTF-8, and
// time linear in the subject. Argo runs it for expr-lang's `matches` (util/expr/argoexpr), govaluate's =~ in
// `when` (steps.go shouldExecute) and TRANSIENT_ERROR_PATTERN (util/errors/errors.go
// matchTransientErrPattern).
#include "engine/expr/limits.hpp"
#include "engine/expr/regex.hpp"
#include "engine/sim/transient_error.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim::expr;

namespace {

bool matches(std::string_view pattern, std::string_view subject) {
  INFO("pattern " << pattern << " subject " << subject);
  const CompiledRegex c = compileGoRegex(pattern);
  INFO(c.error.value_or(""));
  REQUIRE(c.program);
  const RegexMatch m = matchGoRegex(*c.program, subject);
  REQUIRE_FALSE(m.error);
  return m.matched;
}

std::string compileError(std::string_view pattern) {
  INFO("pattern " << pattern);
  const CompiledRegex c = compileGoRegex(pattern);
  REQUIRE(c.error);
  return *c.error;
}

struct Case {
  const char* pattern;
  const char* subject;
  bool match;
};

void checkAll(std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    INFO("pattern `" << c.pattern << "` subject `" << c.subject << "`");
    CHECK(matches(c.pattern, c.subject) == c.match);
  }
}

} // namespace

TEST_CASE("go regex: literals, anchors, dot and alternation as regexp.MatchString answers", "[expr][regex]") {
  checkAll({
      {"abc", "xabcx", true},
      {"abd", "xabcx", false},
      {"", "", true},
      {"^$", "", true},
      {"x*", "", true},
      {"^abc$", "abc", true},
      {"^abc$", "abc\n", false}, // without (?m), $ is the end of the text only (no Perl "before a final \n")
      {"^b", "a\nb", false},
      {"(?m)^b$", "a\nb\nc", true},
      {"(?m)a$", "a\nb", true},
      {"a.c", "a\nc", false},
      {"(?s)a.c", "a\nc", true},
      {"a.c", "a\rc", true}, // . excludes only \n
      {"a|b|c", "c", true},
      {"(a|)b", "b", true},
      {"(?:a|b)*c", "ababc", true},
      {"imminent node shutdown|OOM", "pod OOMKilled", true},
      {"\\bfoo\\b", "a foo b", true},
      {"\\bfoo\\b", "afoob", false},
      {"\\Bfoo", "afoo", true},
      {"\\Aabc", "abc", true},
      {"b\\A", "ab", false},
      {"x\\z", "x\n", false},
      {"x\\z", "ax", true},
      {"^*a", "a", true}, // an assertion may be repeated
  });
}

TEST_CASE("go regex: escapes, classes and repeats", "[expr][regex]") {
  checkAll({
      {"\\d+", "abc123", true},
      {"\\d", "\u0663", false}, // \d, \w, \s and \b are ASCII-only in Go
      {"\\w", "\u00e9", false},
      {"\\s", "\u00a0", false},
      {"\\s", "\v", false},        // \s has no \v ...
      {"[[:space:]]", "\v", true}, // ... [[:space:]] does
      {"\\x41", "A", true},
      {"\\x{1F600}", "\U0001F600", true},
      {"\\101", "A", true},
      {"\\Qa.b\\E", "a.b", true},
      {"\\Qa.b\\E", "axb", false},
      {"\\Qa.b", "a.b", true},
      {"\\_\\-\\.", "_-.", true},
      {"[[:alpha:]]+", "abc", true},
      {"[[:^alpha:]]", "a", false},
      {"[[:^alpha:]]", "1", true},
      {"[\\d\\s]", "\t", true},
      {"[\\D]", "5", false},
      {"[\\d-z]", "-", true}, // a class escape cannot start a range: `-` is literal
      {"[]a]", "]", true},
      {"[^]a]", "]", false},
      {"[a-]", "-", true},
      {"[^a]", "\n", true}, // regexp.Compile's ClassNL: a negated class matches \n
      {"[\u03b1-\u03c9]+", "\u03bb", true},
      {"a{2,3}", "aa", true},
      {"^a{2,3}$", "aaaa", false},
      {"^a{2,}$", "aaaaaaa", true},
      {"^a{0}$", "", true},
      {"a{,2}", "a{,2}", true}, // not a repeat: literal braces
      {"a{01}", "a{01}", true}, // a leading zero makes it literal too
      {"a{", "a{", true},
      {"a+?", "a", true},
      {"a??b", "b", true},
      {"(?U)a+", "aaa", true},
      {"(?P<name>x)y", "xy", true},
      {"(?<n>x)", "x", true},
      {"(?)a", "a", true}, // an empty flag group is accepted
  });
}

TEST_CASE("go regex: flags, leading, inline and scoped", "[expr][regex]") {
  checkAll({
      {"(?i)hello", "HeLLo", true},
      {"a(?i)b", "aB", true},
      {"a(?i)b", "AB", false},
      {"(?i:a)b", "Ab", true},
      {"(?i:a)b", "AB", false},
      {"(a(?i)b)c", "aBc", true},
      {"(a(?i)b)c", "aBC", false}, // a flag set inside a group ends with it
      {"(?i)a(?-i)b", "Ab", true},
      {"(?i)a(?-i)b", "AB", false},
      {"(?is)A.B", "a\nb", true},
      {"(?s:.)(?-s:.)", "\n\n", false},
      {"(?m:^b)", "a\nb", true},
      {"(?i)[a-c]+", "ABC", true},
      {"(?i)[^k]", "K", false},
  });
}

TEST_CASE("go regex: (?i) folds by Unicode simple case folding orbits (unicode.SimpleFold)",
          "[expr][regex]") {
  checkAll({
      {"(?i)k", "\u212a", true},      // KELVIN SIGN is in k's orbit
      {"(?i)s", "\u017f", true},      // LATIN SMALL LETTER LONG S
      {"(?i)\u03c3", "\u03c2", true}, // σ and final ς
      {"(?i)\u00e9", "\u00c9", true},
      {"(?i)\u0434", "\u0414", true},        // Cyrillic д/Д
      {"(?i)stra\u00dfe", "STRASSE", false}, // simple folding only: ß is not "ss"
      {"(?i)\u00df", "\u1e9e", true},        // ... but ß and ẞ share an orbit
      {"(?i)[k]", "\u212a", true},
      {"(?i)\\W", "\u212a", false}, // the folded \w is negated, so the Kelvin sign is a word character here
      {"\\W", "\u212a", true},
      {"(?i)\\p{Lu}", "a", true},
      {"\\p{Lu}", "a", false},
  });
}

TEST_CASE("go regex: Unicode classes \\pN, \\p{Name}, \\PN and \\p{^Name}", "[expr][regex]") {
  checkAll({
      {"\\pL", "\u00e9", true},
      {"\\pL", "1", false},
      {"^\\pL+$", "\u65e5\u672c\u8a9e", true},
      {"\\pN", "\u0663", true},
      {"\\p{Nd}", "\u0663", true},
      {"\\p{Zs}", "\u00a0", true},
      {"\\PL", "a", false},
      {"\\p{^L}", "a", false},
      {"\\P{^L}", "a", true},
      {"\\p{Greek}+", "\u03b1\u03b2\u03b3", true},
      {"\\p{Greek}", "abc", false},
      {"\\P{Greek}", "\u03b1", false},
      {"\\p{Han}", "\u6f22", true},
      {"\\p{Cyrillic}", "\u0416", true},
      {"\\p{Latin}", "\u00e9", true},
      {"\\p{Any}", "\n", true},
      {"\\p{ASCII}", "\u00e9", false},
      {"\\p{Assigned}", "\u0378", false}, // unassigned in Unicode 15.0
      {"\\p{Cn}", "\u0378", true},
      {"\\p{LC}", "\u01c5", true}, // Lt is a cased letter
      {"\\p{Lt}", "\u01c5", true},
      {"\\p{Letter}", "x", true}, // Go 1.25: long names, matched loosely
      {"\\p{lowercase letter}", "x", true},
      {"\\p{Uppercase-Letter}", "x", false},
      {"\\p{greek}", "\u03b1", true},
      {"\\p{Sc}", "\u20ac", true},
      {"^[\\p{Greek}\\d]+$", "\u03b11", true},
      {"[^\\pL]", "a", false},
  });
}

TEST_CASE("go regex: subjects are read by code point, invalid UTF-8 as U+FFFD", "[expr][regex]") {
  checkAll({
      {"^.$", "\u00e9", true},
      {"^..$", "\u00e9", false},
      {"\u00e9+", "\u00e9\u00e9", true},
      {"^.$", "\xff", true},
      {"\\x{FFFD}", "\xff", true},
      {"^.$", "\xc3", true},           // a truncated sequence is one U+FFFD
      {"^..$", "\xed\xa0\x80", false}, // a surrogate's encoding is three invalid bytes
      {"^...$", "\xed\xa0\x80", true},
  });
  CHECK(matches("^\\x00$", std::string("\0", 1)));
}

TEST_CASE("go regex: Go's parse errors, text for text", "[expr][regex]") {
  CHECK(compileError("(") == "error parsing regexp: missing closing ): `(`");
  CHECK(compileError("a(b|c") == "error parsing regexp: missing closing ): `a(b|c`");
  CHECK(compileError(")") == "error parsing regexp: unexpected ): `)`");
  CHECK(compileError("a)") == "error parsing regexp: unexpected ): `a)`");
  CHECK(compileError("a**") == "error parsing regexp: invalid nested repetition operator: `**`");
  CHECK(compileError("a*?*") == "error parsing regexp: invalid nested repetition operator: `*?*`");
  CHECK(compileError("a{2}{3}") == "error parsing regexp: invalid nested repetition operator: `{2}{3}`");
  CHECK(compileError("*a") == "error parsing regexp: missing argument to repetition operator: `*`");
  CHECK(compileError("(*)") == "error parsing regexp: missing argument to repetition operator: `*`");
  CHECK(compileError("a|+") == "error parsing regexp: missing argument to repetition operator: `+`");
  CHECK(compileError("(?i)?") == "error parsing regexp: missing argument to repetition operator: `?`");
  CHECK(compileError("[a") == "error parsing regexp: missing closing ]: `[a`");
  CHECK(compileError("x[]") == "error parsing regexp: missing closing ]: `[]`");
  CHECK(compileError("[z-a]") == "error parsing regexp: invalid character class range: `z-a`");
  CHECK(compileError("[[:foo:]]") == "error parsing regexp: invalid character class range: `[:foo:]`");
  CHECK(compileError("\\pX") == "error parsing regexp: invalid character class range: `\\pX`");
  CHECK(compileError("\\p{Foo}") == "error parsing regexp: invalid character class range: `\\p{Foo}`");
  CHECK(compileError("\\p{L") == "error parsing regexp: invalid character class range: `\\p{L`");
  CHECK(compileError("\\p") == "error parsing regexp: invalid character class range: `\\p`");
  CHECK(compileError("(?=a)") == "error parsing regexp: invalid or unsupported Perl syntax: `(?=`");
  CHECK(compileError("(?!a)") == "error parsing regexp: invalid or unsupported Perl syntax: `(?!`");
  CHECK(compileError("(?P=n)") == "error parsing regexp: invalid or unsupported Perl syntax: `(?P`");
  CHECK(compileError("(?") == "error parsing regexp: invalid or unsupported Perl syntax: `(?`");
  CHECK(compileError("(?i") == "error parsing regexp: invalid or unsupported Perl syntax: `(?i`");
  CHECK(compileError("(?-)") == "error parsing regexp: invalid or unsupported Perl syntax: `(?-)`");
  CHECK(compileError("(?i-)") == "error parsing regexp: invalid or unsupported Perl syntax: `(?i-)`");
  CHECK(compileError("(?--i)") == "error parsing regexp: invalid or unsupported Perl syntax: `(?--`");
  // Since Go 1.22 `(?<` opens a named group, so a lookbehind is a bad name rather than Perl syntax.
  CHECK(compileError("(?<=a)") == "error parsing regexp: invalid named capture: `(?<=a)`");
  CHECK(compileError("(?P<>x)") == "error parsing regexp: invalid named capture: `(?P<>`");
  CHECK(compileError("(?P<a-b>x)") == "error parsing regexp: invalid named capture: `(?P<a-b>`");
  CHECK(compileError("(?P<name") == "error parsing regexp: invalid named capture: `(?P<name`");
  CHECK(compileError("\\1") == "error parsing regexp: invalid escape sequence: `\\1`");
  CHECK(compileError("\\8") == "error parsing regexp: invalid escape sequence: `\\8`");
  CHECK(compileError("\\q") == "error parsing regexp: invalid escape sequence: `\\q`");
  CHECK(compileError("\\C") == "error parsing regexp: invalid escape sequence: `\\C`");
  CHECK(compileError("\\Z") == "error parsing regexp: invalid escape sequence: `\\Z`");
  CHECK(compileError("[\\b]") == "error parsing regexp: invalid escape sequence: `\\b`");
  CHECK(compileError("\\x") == "error parsing regexp: invalid escape sequence: `\\x`");
  CHECK(compileError("\\xg1") == "error parsing regexp: invalid escape sequence: `\\xg1`");
  CHECK(compileError("\\x{}") == "error parsing regexp: invalid escape sequence: `\\x{}`");
  CHECK(compileError("\\x{110000}") == "error parsing regexp: invalid escape sequence: `\\x{110000`");
  CHECK(compileError("\\\u00e9") == "error parsing regexp: invalid escape sequence: `\\\u00e9`");
  CHECK(compileError("a\\") == "error parsing regexp: trailing backslash at end of expression: ``");
  CHECK(compileError("a\xff") == "error parsing regexp: invalid UTF-8: `\xff`");
}

TEST_CASE("go regex: the repeat limit of 1000, nested repeats multiplied", "[expr][regex]") {
  CHECK(compileError("a{1001}") == "error parsing regexp: invalid repeat count: `{1001}`");
  CHECK(compileError("a{2,1}") == "error parsing regexp: invalid repeat count: `{2,1}`");
  CHECK(compileError("a{100000000000}") == "error parsing regexp: invalid repeat count: `{100000000000}`");
  CHECK(compileError("a*{1001}") == "error parsing regexp: invalid repeat count: `{1001}`"); // size first
  CHECK(compileError("(a{2}){501}") == "error parsing regexp: invalid repeat count: `{501}`");
  CHECK(compileError("((a{10}){10}){11}") == "error parsing regexp: invalid repeat count: `{11}`");
  CHECK(matches("^(a{10}){100}$", std::string(1000, 'a')));
  CHECK(matches("^(?:(?:a{1000}){0})$", "")); // a {0} level is not counted
}

TEST_CASE("go regex: argosim's bounds refuse with an argosim: error", "[expr][regex]") {
  CHECK(compileError(std::string(kMaxRegexPattern + 1, 'a')) ==
        "argosim: regexp pattern is longer than 1000 bytes");
  const std::string deep = std::string(kMaxRegexNesting + 1, '(') + std::string(kMaxRegexNesting + 1, ')');
  CHECK(compileError(deep) == "argosim: regexp groups nest more than 200 deep");
  const std::string ok = std::string(kMaxRegexNesting, '(') + "a" + std::string(kMaxRegexNesting, ')');
  CHECK(matches(ok, "a"));
  // Valid in Go (the product of nested counts is 1000), but 25 instructions a copy.
  CHECK(compileError("(?:abcdefghijklmnopqrstuvwxy){1000}")
            .rfind("argosim: regexp compiles to more than 20000", 0) == 0);
  CHECK(compileError("\\p{Kawi}").rfind("argosim: regexp \\p{Kawi} is a Unicode 15.0 script", 0) == 0);
}

TEST_CASE("go regex: patterns that make backtracking engines explode run in linear time", "[expr][regex]") {
  const std::string as(100000, 'a');
  CHECK_FALSE(matches("(a*)*b", as));
  CHECK_FALSE(matches("(a|a)*b", as));
  CHECK_FALSE(matches("(a+)+$", as + "!"));
  CHECK_FALSE(matches("(x+x+)+y", std::string(100000, 'x')));
  CHECK(matches("(a|aa)*$", as));
  CHECK(matches("^(a?){30}a{30}$", std::string(30, 'a')));
  CHECK(matches("(.*)*a(.*)*\\z", as));
  CHECK_FALSE(matches("^(\\w+\\s?)*$", as + "!"));
}

TEST_CASE("go regex: TRANSIENT_ERROR_PATTERN is a Go regexp; one that does not compile matches nothing",
          "[expr][regex]") {
  // util/errors/errors.go matchTransientErrPattern: `match, _ := regexp.MatchString(pattern, ...)`.
  CHECK(argosim::isTransientMessage("main: OOMKilled (exit code 137)", "OOMKilled|quota"));
  CHECK(argosim::isTransientMessage("pod deleted", "(?i)POD (?-i:deleted)"));
  CHECK(argosim::isTransientMessage("\u00e9chec r\u00e9seau", "^\\pL+ r\\p{Latin}seau$"));
  CHECK_FALSE(argosim::isTransientMessage("a(b", "a(b")); // missing closing ): no match
  CHECK_FALSE(argosim::isTransientMessage("aaa", "a{1001}"));
  CHECK(argosim::isTransientMessage(std::string(100000, 'x') + "OOM", "OOM$")); // no length cap any more
}
