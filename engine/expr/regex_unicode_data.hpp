// The generated Unicode tables (regex_unicode_data.cpp, from scripts/gen_regex_unicode.py) behind \p and
// (?i).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace argosim::expr::unicode_data {

// Sorted, disjoint ranges, each packed as first << 11 | (length - 1).
struct PackedTable {
  std::string_view name;
  std::span<const std::uint32_t> ranges;
};

// Case-folding orbits as runs: within [lo, hi] the next member of c's orbit is c + delta; delta 0 means the
// run pairs lo with lo+1, lo+2 with lo+3, and so on.
struct FoldRun {
  char32_t lo;
  char32_t hi;
  std::int32_t delta;
};

const std::vector<PackedTable>& categories(); // the two-letter general categories (no Cn), by name
const std::vector<PackedTable>& scripts();    // the Script property values, by long name
const std::vector<FoldRun>& foldRuns();       // sorted by lo

} // namespace argosim::expr::unicode_data
