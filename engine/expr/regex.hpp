// Go regexps (RE2 syntax, regexp.MatchString semantics) for `matches`, `when`'s =~ and
// TRANSIENT_ERROR_PATTERN: parsed with Go's rules and error texts, compiled to an NFA and run in time linear
// in the subject.
#pragma once

#include "engine/expr/regex_program.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace argosim::expr {

struct CompiledRegex {
  std::optional<RegexProgram> program;
  // Go's "error parsing regexp: …", or an "argosim: …" refusal: a pattern longer than kMaxRegexPattern,
  // nested deeper than kMaxRegexNesting, compiling past kMaxRegexProgram, or using a script argosim lacks.
  std::optional<std::string> error;
};

// regexp.Compile.
CompiledRegex compileGoRegex(std::string_view pattern);

struct RegexMatch {
  bool matched = false;
  std::optional<std::string> error; // only past kMaxRegexSteps
};

// (*Regexp).MatchString: is there a match anywhere in `subject`? Code points are read as Go reads UTF-8 (an
// invalid byte is U+FFFD).
RegexMatch matchGoRegex(const RegexProgram& program, std::string_view subject);

} // namespace argosim::expr
