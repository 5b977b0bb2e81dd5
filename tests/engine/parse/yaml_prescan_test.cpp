// The prescan (engine/parse/yaml_prescan.cpp) on quoted scalars that never close. go-yaml (scannerc.go:
// yaml_parser_scan_flow_scalar) stops with "found unexpected end of stream"; the engine points at the quote.
#include "engine/parse/yaml_prescan.hpp"
#include "tests/engine/parse/diagnostics_matchers.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::parse_detail::prescanYaml;

namespace {

Diagnostics prescan(const std::string& text, bool expectOk) {
  Diagnostics ds;
  INFO(text);
  REQUIRE(prescanYaml(text, Limits{}, ds).ok == expectOk);
  return ds;
}

} // namespace

TEST_CASE("prescan: an unclosed double quote is reported where it opens") {
  Diagnostics ds = prescan("spec:\n  entrypoint: \"main\n  templates:\n  - name: main\n", false);
  REQUIRE_DIAG(ds, Severity::Error, 2, 15,
               "YAML syntax error: this double-quoted string is never closed (no matching \" before the end "
               "of the text)");
}

TEST_CASE("prescan: an unclosed single quote is reported where it opens") {
  Diagnostics ds = prescan("a: [x, 'y]\n", false);
  REQUIRE_DIAG(
      ds, Severity::Error, 1, 8,
      "YAML syntax error: this single-quoted string is never closed (no matching ' before the end of "
      "the text)");
  REQUIRE_DIAG(
      prescan("- 'a''\n", false), Severity::Error, 1, 3,
      "YAML syntax error: this single-quoted string is never closed (no matching ' before the end of "
      "the text)");
}

TEST_CASE("prescan: a quote that only closes lines later, with text after it, points back at the opening") {
  // The quote of line 2 is closed by the first quote of line 4; go-yaml and yaml-cpp fail only there or
  // later.
  Diagnostics ds =
      prescan("spec:\n  entrypoint: \"main\n  templates:\n  - command: [sh, \"exit 0\"]\n", false);
  REQUIRE_DIAG(
      ds, Severity::Error, 2, 15,
      "YAML syntax error: this double-quoted string runs on to line 4, where text follows its end: is its "
      "closing quote missing?");
  // A multi-line quoted key, or one followed by a comment, is fine.
  prescan("\"a\n  b\": 1\nc: 'x\n  y' # note\n", true);
}

TEST_CASE("prescan: closed quotes, and quotes that start no quoted scalar, pass") {
  prescan("a: \"multi\n  line \\\" still\"\nb: 'it''s'\n", true);
  prescan("a: it's\nb: say \"hi\nc: x # it's a comment\n", true);
  prescan("a: |\n  it's \"open\n  'text\nb: ok\n", true);
  prescan("a: {k: 'v', l: \"w\"}\n- \"x\": y\n", true);
}

TEST_CASE("prescan: a flow indicator inside a tag or anchor (YAML 1.2 ns-tag-char, ns-anchor-char)") {
  // yaml-cpp 0.7 never returns on "!," (found by the fuzzer: an OOM at 2 GB).
  REQUIRE_DIAG(prescan("!,", false), Severity::Error, 1, 2, "YAML syntax error: ',' inside a tag or anchor");
  REQUIRE_DIAG(prescan("key: &a{\n", false), Severity::Error, 1, 8,
               "YAML syntax error: '{' inside a tag or anchor");
  // In a flow collection the indicator ends the token, as the YAML grammar says.
  prescan("a: [&x 1, *x]\nb: [!!str, c]\n", true);
}

TEST_CASE("prescan: a plain value's continuation line is text, even when it starts with a quote") {
  // YAML 1.2 ns-plain-multi-line: more indented than the key, the line goes on the value ("… 'tis plain").
  prescan("metadata:\n  note: this is a long\n    'tis plain text\nspec: {}\n", true);
  prescan("- a long\n  \"quoted-looking text\nb: c\n", true);
  // Not after a key that opens a nested map: there the quote starts a string that never closes.
  REQUIRE_DIAG(
      prescan("a:\n  'open\n", false), Severity::Error, 2, 3,
      "YAML syntax error: this single-quoted string is never closed (no matching ' before the end of "
      "the text)");
}
