// An expression error located like expr-lang's file.Error, and its "(line:col)" + snippet rendering.
#pragma once

#include <string>
#include <string_view>

namespace argosim::expr {

// Where an error arose: it decides Argo's wrapping (only run-time errors get "unable to evaluate
// expression").
enum class ErrorPhase { Parse, Check, Runtime };

struct Error {
  std::string
      message;    // expr-lang's message alone, e.g. "invalid operation: < (mismatched types string and int)"
  int column = 0; // 1-based, counted in characters (runes) within `line`, as expr-lang displays it
  int line = 1;   // 1-based
  int offset = 0; // 0-based rune offset into the whole source (expr-lang's Location.From)
  ErrorPhase phase = ErrorPhase::Parse;
};

// Makes an error at a rune offset; line and column are derived from the source the way expr-lang's Bind does.
Error makeError(std::string_view source, int runeOffset, std::string message, ErrorPhase phase);

// expr-lang's Error(): "<message> (<line>:<col>)\n | <source line>\n | ....^" (no snippet for an empty line).
std::string formatWithSnippet(const Error& e, std::string_view source);

} // namespace argosim::expr
