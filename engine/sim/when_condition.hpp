// A step's or task's `when` condition, evaluated as Argo's steps.go shouldExecute does (govaluate, bare words
// as strings).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace argosim {

struct WhenResult {
  bool ok = false;    // false: `error` says why, in Argo's words
  bool value = false; // whether the step/task runs
  std::string error;
};

// Longest `when` (after substitution) we evaluate, and the deepest nesting of parentheses and prefixes: both
// keep parsing and evaluation stack-safe under WebAssembly (operator chains are also capped, at 256 operators
// deep).
inline constexpr std::size_t kMaxWhenBytes = 4096;
inline constexpr int kMaxWhenDepth = 64;

// steps.go shouldExecute: `when` is the text AFTER parameter substitution. "" is true. govaluate parses it;
// every VARIABLE token (a bare word such as `heads`) is then re-typed as a STRING, so `heads == heads` is
// true. Supported: numbers, 'strings' / "strings", true/false, [bracketed] words, ! - ~ prefixes, + - * / %
// ** & | ^ << >>,
// == != < <= > >= =~ !~ in, && ||, ?: ??, parentheses and `,` lists. Not modelled: govaluate's TIME literals
// (quoted dates are compared as strings) and non-ASCII letter classes (every non-ASCII character counts as a
// letter).
WhenResult evaluateWhen(std::string_view when);

} // namespace argosim
