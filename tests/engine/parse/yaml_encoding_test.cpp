// go-yaml's reader (readerc.go: yaml_parser_update_buffer) as engine/parse/yaml_encoding.cpp re-expresses it:
// the text must be UTF-8 and hold only YAML's printable characters.
#include "engine/argosim.hpp"
#include "engine/parse/yaml_encoding.hpp"
#include "tests/engine/parse/diagnostics_matchers.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::parse_detail::checkYamlCharacters;

namespace {

Diagnostics check(const std::string& text, bool expectOk) {
  Diagnostics ds;
  REQUIRE(checkYamlCharacters(text, ds) == expectOk);
  REQUIRE(ds.size() == (expectOk ? 0u : 1u));
  return ds;
}

} // namespace

TEST_CASE("go-yaml reader: well-formed UTF-8 and printable characters pass") {
  check("name: caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n\tx: \xC2\x85\xEF\xBB\xBF", true);
  check("", true);
}

TEST_CASE("go-yaml reader: a byte that cannot start a UTF-8 sequence") {
  Diagnostics ds = check("a: 1\nimage: alp\xFF\xFEine\n", false);
  REQUIRE_DIAG(ds, Severity::Error, 2, 11,
               "invalid leading UTF-8 octet (0xFF): Kubernetes reads manifests as UTF-8 only");
  // A continuation byte on its own is no leading octet either.
  REQUIRE(check("x\x80", false)[0].message.rfind("invalid leading UTF-8 octet (0x80)", 0) == 0);
}

TEST_CASE("go-yaml reader: truncated, malformed, overlong and out-of-range sequences") {
  REQUIRE(check("ab\xE2\x82", false)[0].message.rfind("incomplete UTF-8 octet sequence (0xE2)", 0) == 0);
  REQUIRE(check("\xE2(x", false)[0].message.rfind("invalid trailing UTF-8 octet (0x28)", 0) == 0);
  REQUIRE(check("\xC0\xAF", false)[0].message.rfind("invalid length of a UTF-8 sequence (0xC0)", 0) == 0);
  REQUIRE(check("\xED\xA0\x80", false)[0].message.rfind("invalid Unicode character (U+D800)", 0) == 0);
  REQUIRE(check("\xF4\x90\x80\x80", false)[0].message.rfind("invalid Unicode character (U+110000)", 0) == 0);
}

TEST_CASE("go-yaml reader: control characters are not allowed, positioned at the byte") {
  Diagnostics ds = check(std::string("k: v\n  image: alp\0ine\n", 22), false);
  REQUIRE_DIAG(ds, Severity::Error, 2, 13,
               "control characters are not allowed (U+0000): Kubernetes' YAML reader refuses the text");
  REQUIRE(check("a\x0C", false)[0].message.find("(U+000C)") != std::string::npos); // form feed
  REQUIRE(check("a\x7F", false)[0].message.find("(U+007F)") != std::string::npos); // DEL
  REQUIRE(check("a\xC2\x80", false)[0].message.find("(U+0080)") != std::string::npos);
  REQUIRE(check("a\xEF\xBF\xBE", false)[0].message.find("(U+FFFE)") != std::string::npos);
  // Columns count bytes, as the rest of the engine's positions do.
  REQUIRE(check("\xC3\xA9\x01", false)[0].pos.column == 3);
}

TEST_CASE("go-yaml reader: a UTF-16 text (by its byte-order mark) is decoded first, not judged as UTF-8") {
  check(std::string("\xFF\xFE"
                    "a\0:\0",
                    6),
        true);
  check(std::string("\xFE\xFF\0a\0:", 6), true);
}

TEST_CASE("go-yaml reader: the whole input is refused, not simulated") {
  Result r = simulateText("kind: Workflow\nmetadata: {name: wf}\nspec:\n  entrypoint: m\n  templates:\n"
                          "  - {name: m, container: {image: \"a\x01\"}}\n");
  REQUIRE_FALSE(r.simulated);
  REQUIRE_DIAG(r.diagnostics, Severity::Error, 6, 36,
               "control characters are not allowed (U+0001): Kubernetes' YAML reader refuses the text");
}
