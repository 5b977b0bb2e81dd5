// Bounds that keep parsing and evaluating any expression finite and stack-safe (also under WebAssembly).
#pragma once

#include <cstddef>
#include <cstdint>

namespace argosim::expr {

inline constexpr std::size_t kMaxSourceBytes = 10000;  // longer expressions are rejected before lexing
inline constexpr int kMaxDepth = 200;                  // AST depth: bounds every recursive walk
inline constexpr std::size_t kMaxRegexPattern = 1000;  // bytes of a Go regexp pattern
inline constexpr int kMaxRegexNesting = 200;           // groups open at once in a pattern
inline constexpr std::size_t kMaxRegexProgram = 20000; // NFA instructions a pattern compiles to
// Thread steps of one match: the simulation is linear (subject x program), this only bounds the product.
inline constexpr std::uint64_t kMaxRegexSteps = 50000000;
inline constexpr std::size_t kMaxStringBytes = 1 << 20; // results of + and join; larger is an error
inline constexpr std::size_t kMaxArrayItems = 100000;   // results of split

} // namespace argosim::expr
