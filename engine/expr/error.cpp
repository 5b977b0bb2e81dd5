#include "engine/expr/error.hpp"

namespace argosim::expr {
namespace {

bool isContinuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

} // namespace

Error makeError(std::string_view source, int runeOffset, std::string message, ErrorPhase phase) {
  Error e;
  e.message = std::move(message);
  e.offset = runeOffset;
  e.phase = phase;
  // Walk runes up to the offset, counting lines; the column restarts after each newline (file/error.go:
  // Bind).
  int rune = 0;
  int col0 = 0;
  for (std::size_t i = 0; i < source.size() && rune < runeOffset; ++i) {
    unsigned char c = static_cast<unsigned char>(source[i]);
    if (isContinuation(c)) continue;
    if (c == '\n') {
      ++e.line;
      col0 = 0;
    } else {
      ++col0;
    }
    ++rune;
  }
  e.column = col0 + 1;
  return e;
}

std::string formatWithSnippet(const Error& e, std::string_view source) {
  // Find the byte range of line e.line.
  std::size_t start = 0;
  for (int l = 1; l < e.line; ++l) {
    std::size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  std::size_t end = source.find('\n', start);
  if (end == std::string_view::npos) end = source.size();
  if (start == end) return e.message;
  std::string out = e.message + " (" + std::to_string(e.line) + ":" + std::to_string(e.column) + ")\n | ";
  for (std::size_t i = start; i < end; ++i)
    out += source[i] == '\t' ? ' ' : source[i];
  out += "\n | ";
  out += std::string(static_cast<std::size_t>(e.column - 1), '.');
  out += '^';
  return out;
}

} // namespace argosim::expr
