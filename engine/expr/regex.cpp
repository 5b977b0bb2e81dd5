#include "engine/expr/regex.hpp"

#include "engine/expr/limits.hpp"

namespace argosim::expr {

CompiledRegex compileGoRegex(std::string_view pattern) {
  CompiledRegex c;
  if (pattern.size() > kMaxRegexPattern) {
    c.error = "argosim: regexp pattern is longer than " + std::to_string(kMaxRegexPattern) + " bytes";
    return c;
  }
  auto tree = parseGoRegex(pattern);
  if (auto* e = std::get_if<std::string>(&tree)) {
    c.error = std::move(*e);
    return c;
  }
  auto program = compileProgram(std::get<ReTree>(tree));
  if (auto* e = std::get_if<std::string>(&program)) {
    c.error = std::move(*e);
    return c;
  }
  c.program = std::move(std::get<RegexProgram>(program));
  return c;
}

} // namespace argosim::expr
