#include "engine/expr/regex_unicode.hpp"

#include "engine/expr/regex_unicode_data.hpp"

#include <algorithm>
#include <array>

namespace argosim::expr {
namespace {

void appendPacked(RuneRanges& out, std::span<const std::uint32_t> packed) {
  for (std::uint32_t w : packed) {
    const char32_t lo = w >> 11;
    out.emplace_back(lo, lo + (w & 0x7FF));
  }
}

// Names as TR18's loose matching compares them: case, spaces, underscores and hyphens do not count.
std::string loose(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == ' ' || c == '_' || c == '-') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

struct Alias {
  std::string_view longName;
  std::string_view category;
};
// Unicode's PropertyValueAliases.txt long names for the general categories (Go's unicode.CategoryAliases).
constexpr std::array<Alias, 38> kAliases = {{
    {"Other", "C"},
    {"Control", "Cc"},
    {"Format", "Cf"},
    {"Unassigned", "Cn"},
    {"Private_Use", "Co"},
    {"Surrogate", "Cs"},
    {"Letter", "L"},
    {"Cased_Letter", "LC"},
    {"Lowercase_Letter", "Ll"},
    {"Modifier_Letter", "Lm"},
    {"Other_Letter", "Lo"},
    {"Titlecase_Letter", "Lt"},
    {"Uppercase_Letter", "Lu"},
    {"Mark", "M"},
    {"Spacing_Mark", "Mc"},
    {"Enclosing_Mark", "Me"},
    {"Nonspacing_Mark", "Mn"},
    {"Number", "N"},
    {"Decimal_Number", "Nd"},
    {"Letter_Number", "Nl"},
    {"Other_Number", "No"},
    {"Punctuation", "P"},
    {"Connector_Punctuation", "Pc"},
    {"Dash_Punctuation", "Pd"},
    {"Close_Punctuation", "Pe"},
    {"Final_Punctuation", "Pf"},
    {"Initial_Punctuation", "Pi"},
    {"Other_Punctuation", "Po"},
    {"Open_Punctuation", "Ps"},
    {"Symbol", "S"},
    {"Currency_Symbol", "Sc"},
    {"Modifier_Symbol", "Sk"},
    {"Math_Symbol", "Sm"},
    {"Other_Symbol", "So"},
    {"Separator", "Z"},
    {"Line_Separator", "Zl"},
    {"Paragraph_Separator", "Zp"},
    {"Space_Separator", "Zs"},
}};

RuneRanges assigned() {
  RuneRanges out;
  for (const auto& t : unicode_data::categories())
    appendPacked(out, t.ranges);
  normalize(out);
  return out;
}

// A general category by its short name (`Lu`, `L`, `LC`, `Cn`); empty when there is none.
RuneRanges category(std::string_view shortName) {
  if (shortName == "Cn") return negated(assigned());
  RuneRanges out;
  for (const auto& t : unicode_data::categories()) {
    const bool member = t.name == shortName || (shortName.size() == 1 && t.name[0] == shortName[0]) ||
                        (shortName == "LC" && (t.name == "Lu" || t.name == "Ll" || t.name == "Lt"));
    if (member) appendPacked(out, t.ranges);
  }
  if (shortName == "C") {
    RuneRanges cn = negated(assigned());
    out.insert(out.end(), cn.begin(), cn.end());
  }
  normalize(out);
  return out;
}

} // namespace

void normalize(RuneRanges& set) {
  std::sort(set.begin(), set.end());
  RuneRanges out;
  for (const auto& r : set) {
    if (!out.empty() && r.first <= out.back().second + 1)
      out.back().second = std::max(out.back().second, r.second);
    else
      out.push_back(r);
  }
  set.swap(out);
}

RuneRanges negated(const RuneRanges& normalizedSet) {
  RuneRanges out;
  char32_t next = 0;
  for (const auto& [lo, hi] : normalizedSet) {
    if (lo > next) out.emplace_back(next, lo - 1);
    next = hi + 1;
  }
  if (next <= kMaxRune) out.emplace_back(next, kMaxRune);
  return out;
}

bool containsRune(const RuneRanges& normalizedSet, char32_t r) {
  auto it = std::upper_bound(normalizedSet.begin(), normalizedSet.end(), r,
                             [](char32_t v, const std::pair<char32_t, char32_t>& x) { return v < x.first; });
  return it != normalizedSet.begin() && r <= std::prev(it)->second;
}

RuneRanges caseFolded(RuneRanges set) {
  normalize(set);
  const auto& runs = unicode_data::foldRuns();
  // Orbits have at most four members, so three steps along them reach every one.
  for (int step = 0; step < 3; ++step) {
    RuneRanges added;
    for (const auto& run : runs) {
      auto it =
          std::upper_bound(set.begin(), set.end(), run.lo,
                           [](char32_t v, const std::pair<char32_t, char32_t>& x) { return v < x.first; });
      if (it != set.begin()) --it;
      for (; it != set.end() && it->first <= run.hi; ++it) {
        const char32_t a = std::max(it->first, run.lo);
        const char32_t b = std::min(it->second, run.hi);
        if (a > b) continue;
        if (run.delta != 0) {
          added.emplace_back(static_cast<char32_t>(static_cast<std::int32_t>(a) + run.delta),
                             static_cast<char32_t>(static_cast<std::int32_t>(b) + run.delta));
        } else {
          added.emplace_back(a - ((a - run.lo) & 1), b + (1 - ((b - run.lo) & 1)));
        }
      }
    }
    const RuneRanges old = set;
    set.insert(set.end(), added.begin(), added.end());
    normalize(set);
    if (set == old) break;
  }
  return set;
}

UnicodeClass unicodeClass(std::string_view name) {
  const std::string key = loose(name);
  UnicodeClass c;
  c.kind = UnicodeClass::Kind::Found;
  if (key == "any") {
    c.ranges = {{0, kMaxRune}};
    return c;
  }
  if (key == "ascii") {
    c.ranges = {{0, 0x7F}};
    return c;
  }
  if (key == "assigned") {
    c.ranges = assigned();
    return c;
  }
  for (const Alias& a : kAliases) {
    if (key == loose(a.longName) || key == loose(a.category)) {
      c.ranges = category(a.category);
      return c;
    }
  }
  for (const auto& t : unicode_data::scripts()) {
    if (key == loose(t.name)) {
      appendPacked(c.ranges, t.ranges);
      normalize(c.ranges);
      return c;
    }
  }
  c.kind =
      (key == "kawi" || key == "nagmundari") ? UnicodeClass::Kind::Uncovered : UnicodeClass::Kind::Unknown;
  return c;
}

} // namespace argosim::expr
