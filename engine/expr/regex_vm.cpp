// matchGoRegex: a breadth-first simulation of the NFA (each instruction at most once per input position), so
// the time is linear in the subject whatever the pattern; no recursion.
#include "engine/expr/limits.hpp"
#include "engine/expr/regex.hpp"
#include "engine/text/go_text.hpp"

#include <cstdint>

namespace argosim::expr {
namespace {

constexpr std::int32_t kNoRune = -1; // before the start or past the end of the subject

// The set of instructions reached at one position, in insertion order, cleared in constant time.
class ThreadSet {
public:
  explicit ThreadSet(std::size_t size) : dense_(size), sparse_(size) {}
  bool contains(std::uint32_t pc) const {
    const std::uint32_t s = sparse_[pc];
    return s < n_ && dense_[s] == pc;
  }
  void insert(std::uint32_t pc) {
    sparse_[pc] = n_;
    dense_[n_++] = pc;
  }
  void clear() { n_ = 0; }
  std::uint32_t size() const { return n_; }
  std::uint32_t operator[](std::uint32_t k) const { return dense_[k]; }

private:
  std::vector<std::uint32_t> dense_;
  std::vector<std::uint32_t> sparse_;
  std::uint32_t n_ = 0;
};

// regexp/syntax's IsWordChar: ASCII only.
bool isWordRune(std::int32_t r) {
  return (r >= '0' && r <= '9') || (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || r == '_';
}

// The assertions that hold between `before` and `after` (regexp/syntax's EmptyOpContext).
std::uint8_t assertionsBetween(std::int32_t before, std::int32_t after) {
  std::uint8_t f = 0;
  if (before == kNoRune) f |= kBeginText | kBeginLine;
  if (before == '\n') f |= kBeginLine;
  if (after == kNoRune) f |= kEndText | kEndLine;
  if (after == '\n') f |= kEndLine;
  f |= isWordRune(before) != isWordRune(after) ? kWordBoundary : kNoWordBoundary;
  return f;
}

class Simulation {
public:
  explicit Simulation(const RegexProgram& p) : p_(p), current_(p.insts.size()), next_(p.insts.size()) {}

  RegexMatch run(std::string_view subject) {
    std::size_t pos = 0;
    DecodedRune here = decodeUtf8(subject, 0);
    std::int32_t r = here.size == 0 ? kNoRune : static_cast<std::int32_t>(here.rune);
    follow(current_, p_.start, assertionsBetween(kNoRune, r));
    while (!matched_ && r != kNoRune) {
      const DecodedRune there = decodeUtf8(subject, pos + here.size);
      const std::int32_t r2 = there.size == 0 ? kNoRune : static_cast<std::int32_t>(there.rune);
      const std::uint8_t flags = assertionsBetween(r, r2);
      next_.clear();
      for (std::uint32_t k = 0; k < current_.size(); ++k) {
        const Inst& in = p_.insts[current_[k]];
        ++steps_;
        if (consumes(in, static_cast<char32_t>(r))) follow(next_, in.out, flags);
      }
      follow(next_, p_.start, flags); // unanchored: a match may also begin at the next position
      if (steps_ > kMaxRegexSteps)
        return {false,
                "argosim: regexp matching took more than " + std::to_string(kMaxRegexSteps) + " steps"};
      std::swap(current_, next_);
      pos += here.size;
      here = there;
      r = r2;
    }
    return {matched_, std::nullopt};
  }

private:
  const RegexProgram& p_;
  ThreadSet current_;
  ThreadSet next_;
  std::vector<std::uint32_t> stack_;
  std::uint64_t steps_ = 0;
  bool matched_ = false;

  bool consumes(const Inst& in, char32_t r) const {
    switch (in.op) {
    case InstOp::Runes:
      return containsRune(p_.runeSets[in.arg], r);
    case InstOp::AnyChar:
      return true;
    case InstOp::AnyCharNotNL:
      return r != '\n';
    default:
      return false;
    }
  }

  // Adds pc and every instruction reachable from it without reading a rune.
  void follow(ThreadSet& set, std::uint32_t pc, std::uint8_t flags) {
    stack_.push_back(pc);
    while (!stack_.empty()) {
      const std::uint32_t at = stack_.back();
      stack_.pop_back();
      if (set.contains(at)) continue;
      set.insert(at);
      ++steps_;
      const Inst& in = p_.insts[at];
      switch (in.op) {
      case InstOp::Match:
        matched_ = true;
        break;
      case InstOp::Split:
        stack_.push_back(in.arg);
        stack_.push_back(in.out);
        break;
      case InstOp::Assert:
        if ((flags & in.assertion) != 0) stack_.push_back(in.out);
        break;
      case InstOp::Nop:
        stack_.push_back(in.out);
        break;
      default:
        break;
      }
    }
  }
};

} // namespace

RegexMatch matchGoRegex(const RegexProgram& program, std::string_view subject) {
  return Simulation(program).run(subject);
}

} // namespace argosim::expr
