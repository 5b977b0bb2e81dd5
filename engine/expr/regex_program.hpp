// A parsed Go regexp as an NFA program (Thompson's construction), bounded by kMaxRegexProgram instructions.
#pragma once

#include "engine/expr/regex_parse.hpp"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace argosim::expr {

enum class InstOp : std::uint8_t { Match, Runes, AnyChar, AnyCharNotNL, Assert, Split, Nop };

// Assert conditions (regexp/syntax's EmptyOp bits).
enum AssertBit : std::uint8_t {
  kBeginLine = 1,
  kEndLine = 2,
  kBeginText = 4,
  kEndText = 8,
  kWordBoundary = 16,
  kNoWordBoundary = 32,
};

struct Inst {
  InstOp op = InstOp::Nop;
  std::uint8_t assertion = 0; // Assert: the AssertBit that must hold
  std::uint32_t out = 0;      // next instruction
  std::uint32_t arg = 0;      // Split: the other branch; Runes: index into runeSets
};

struct RegexProgram {
  std::vector<Inst> insts;
  std::vector<RuneRanges> runeSets;
  std::uint32_t start = 0;
};

// The program, or an "argosim:" refusal when it would exceed kMaxRegexProgram instructions.
std::variant<RegexProgram, std::string> compileProgram(const ReTree& tree);

} // namespace argosim::expr
