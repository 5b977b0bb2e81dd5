// Bounds that keep parsing and evaluating any expression finite and stack-safe (also under WebAssembly).
#pragma once

#include <cstddef>

namespace argosim::expr {

inline constexpr std::size_t kMaxSourceBytes = 10000;   // longer expressions are rejected before lexing
inline constexpr int kMaxDepth = 200;                   // AST depth: bounds every recursive walk
inline constexpr std::size_t kMaxRegexPattern = 1000;   // bytes of a `matches` pattern
inline constexpr std::size_t kMaxRegexSubject = 4096;   // bytes of the string a pattern is matched against
inline constexpr std::size_t kMaxStringBytes = 1 << 20; // results of + and join; larger is an error
inline constexpr std::size_t kMaxArrayItems = 100000;   // results of split

} // namespace argosim::expr
