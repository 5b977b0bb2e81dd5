// Go's regexp/syntax parser (Perl flags, as regexp.Compile uses): a pattern to a tree, or Go's error text.
#pragma once

#include "engine/expr/regex_unicode.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace argosim::expr {

enum class ReOp : std::uint8_t {
  EmptyMatch,
  Runes, // one code point of `runes` (literals are one-rune sets; (?i) literals their folding orbit)
  AnyCharNotNL,
  AnyChar,
  BeginLine,
  EndLine,
  BeginText,
  EndText,
  WordBoundary,
  NoWordBoundary,
  Star,
  Plus,
  Quest,
  Repeat, // min..max copies of subs[0]; max -1 is unbounded
  Concat,
  Alternate,
  LeftParen,   // parser only: an open group, holding the flags to restore at its `)`
  VerticalBar, // parser only: an alternation's `|`
};

struct ReNode {
  ReOp op = ReOp::EmptyMatch;
  int min = 0;
  int max = 0;
  std::uint8_t savedFlags = 0;
  RuneRanges runes;
  std::vector<int> subs; // indices into ReTree::nodes
};

struct ReTree {
  std::vector<ReNode> nodes;
  int root = 0;
};

// Captures are parsed and dropped: a match/no-match answer never needs them.
std::variant<ReTree, std::string> parseGoRegex(std::string_view pattern);

} // namespace argosim::expr
