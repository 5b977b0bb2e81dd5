// `matches`: Go (RE2) regexp syntax checked with Go's error texts, translated to std::regex ECMAScript and
// run on bounded input. Syntax std::regex cannot express (Unicode classes, inline flags other than a leading
// (?i)/(?s)) is refused with an "argosim:" error rather than approximated.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace argosim::expr {

struct RegexTranslation {
  std::string ecmascript;
  bool icase = false;
  std::optional<std::string> error; // Go's "error parsing regexp: ..." or an "argosim: ..." refusal
};

// Checks `pattern` as Go's regexp.Compile would and, when valid, gives the equivalent ECMAScript pattern.
RegexTranslation translateGoRegex(std::string_view pattern);

struct RegexMatch {
  bool matched = false;
  std::optional<std::string> error;
};

// regexp.MatchString semantics (unanchored search). The subject is limited to kMaxRegexSubject bytes and the
// pattern to kMaxRegexPattern bytes: std::regex's backtracking can recurse once per input character.
RegexMatch goRegexMatch(std::string_view subject, std::string_view pattern);

} // namespace argosim::expr
