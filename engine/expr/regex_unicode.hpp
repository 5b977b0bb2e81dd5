// Sets of code points for Go regexps: range arithmetic, (?i) case folding and the \p{Name} classes.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace argosim::expr {

inline constexpr char32_t kMaxRune = 0x10FFFF;

// Sorted, disjoint, non-adjacent inclusive ranges once normalized.
using RuneRanges = std::vector<std::pair<char32_t, char32_t>>;

void normalize(RuneRanges& set);
RuneRanges negated(const RuneRanges& normalizedSet);
bool containsRune(const RuneRanges& normalizedSet, char32_t r);

// The set closed under Go's simple case folding (unicode.SimpleFold orbits): what (?i) makes of a class.
RuneRanges caseFolded(RuneRanges set);

// \p{name}: regexp/syntax's names since Go 1.25 — Any, ASCII, Assigned, the general categories (one and two
// letters, LC, Cn) and their long aliases (Letter, Uppercase_Letter, …), and the scripts; matched ignoring
// case, spaces, underscores and hyphens. Categories follow Unicode 15.0; scripts Unicode 14.0 (scripts 15.0
// added, Kawi and Nag_Mundari, are refused, and characters 15.0 added to older scripts are missing).
struct UnicodeClass {
  enum class Kind { Found, Unknown, Uncovered } kind = Kind::Unknown;
  RuneRanges ranges; // normalized, when Found
};
UnicodeClass unicodeClass(std::string_view name);

} // namespace argosim::expr
