#include "engine/expr/regex_program.hpp"

#include "engine/expr/limits.hpp"

namespace argosim::expr {
namespace {

class Compiler {
public:
  explicit Compiler(const ReTree& tree) : t_(tree), setOf_(tree.nodes.size(), -1) {}

  std::variant<RegexProgram, std::string> run() {
    Frag f = compile(t_.root);
    Inst match;
    match.op = InstOp::Match;
    const std::uint32_t m = emit(match);
    if (tooBig_)
      return "argosim: regexp compiles to more than " + std::to_string(kMaxRegexProgram) +
             " instructions (a repeat count multiplies what it repeats)";
    patch(f.holes, m);
    prog_.start = f.start;
    return std::move(prog_);
  }

private:
  // A piece of program: where it starts and the exits still to point at whatever follows.
  struct Frag {
    std::uint32_t start = 0;
    std::vector<std::uint32_t> holes; // pc << 1, | 1 for the arg field
  };

  const ReTree& t_;
  RegexProgram prog_;
  std::vector<int> setOf_; // node → its rune set, shared by the copies a repeat makes
  bool tooBig_ = false;

  std::uint32_t emit(Inst in) {
    if (prog_.insts.size() >= kMaxRegexProgram) tooBig_ = true;
    prog_.insts.push_back(in);
    return static_cast<std::uint32_t>(prog_.insts.size() - 1);
  }
  Frag single(InstOp op, std::uint8_t assertion = 0, std::uint32_t arg = 0) {
    Inst in;
    in.op = op;
    in.assertion = assertion;
    in.arg = arg;
    const std::uint32_t pc = emit(in);
    return {pc, {pc << 1}};
  }
  void patch(const std::vector<std::uint32_t>& holes, std::uint32_t target) {
    for (std::uint32_t h : holes) {
      Inst& in = prog_.insts[h >> 1];
      ((h & 1) ? in.arg : in.out) = target;
    }
  }
  Frag split(std::uint32_t first) {
    Inst in;
    in.op = InstOp::Split;
    in.out = first;
    const std::uint32_t pc = emit(in);
    return {pc, {pc << 1 | 1}};
  }
  Frag star(Frag x) {
    Frag loop = split(x.start);
    patch(x.holes, loop.start);
    return loop;
  }
  Frag plus(Frag x) {
    Frag loop = split(x.start);
    patch(x.holes, loop.start);
    return {x.start, loop.holes};
  }
  Frag quest(Frag x) {
    Frag q = split(x.start);
    q.holes.insert(q.holes.end(), x.holes.begin(), x.holes.end());
    return q;
  }
  Frag concat(std::vector<Frag> parts) {
    if (parts.empty()) return single(InstOp::Nop);
    Frag f = std::move(parts[0]);
    for (std::size_t k = 1; k < parts.size(); ++k) {
      patch(f.holes, parts[k].start);
      f.holes = std::move(parts[k].holes);
    }
    return f;
  }

  // Recursion follows the tree, whose depth the parser bounds (group nesting and pattern length).
  Frag compile(int id) {
    if (tooBig_) return single(InstOp::Nop);
    const ReNode& n = t_.nodes[static_cast<std::size_t>(id)];
    switch (n.op) {
    case ReOp::EmptyMatch:
    case ReOp::LeftParen:
    case ReOp::VerticalBar:
      return single(InstOp::Nop);
    case ReOp::Runes: {
      int& set = setOf_[static_cast<std::size_t>(id)];
      if (set < 0) {
        set = static_cast<int>(prog_.runeSets.size());
        prog_.runeSets.push_back(n.runes);
      }
      return single(InstOp::Runes, 0, static_cast<std::uint32_t>(set));
    }
    case ReOp::AnyChar:
      return single(InstOp::AnyChar);
    case ReOp::AnyCharNotNL:
      return single(InstOp::AnyCharNotNL);
    case ReOp::BeginLine:
      return single(InstOp::Assert, kBeginLine);
    case ReOp::EndLine:
      return single(InstOp::Assert, kEndLine);
    case ReOp::BeginText:
      return single(InstOp::Assert, kBeginText);
    case ReOp::EndText:
      return single(InstOp::Assert, kEndText);
    case ReOp::WordBoundary:
      return single(InstOp::Assert, kWordBoundary);
    case ReOp::NoWordBoundary:
      return single(InstOp::Assert, kNoWordBoundary);
    case ReOp::Star:
      return star(compile(n.subs[0]));
    case ReOp::Plus:
      return plus(compile(n.subs[0]));
    case ReOp::Quest:
      return quest(compile(n.subs[0]));
    case ReOp::Repeat: {
      // x{n,m} is n copies of x then m-n optional ones; x{n,} is n copies then x*.
      std::vector<Frag> parts;
      for (int k = 0; k < n.min && !tooBig_; ++k)
        parts.push_back(compile(n.subs[0]));
      if (n.max < 0) parts.push_back(star(compile(n.subs[0])));
      for (int k = n.min; k < n.max && !tooBig_; ++k)
        parts.push_back(quest(compile(n.subs[0])));
      return concat(std::move(parts));
    }
    case ReOp::Concat: {
      std::vector<Frag> parts;
      for (int s : n.subs)
        parts.push_back(compile(s));
      return concat(std::move(parts));
    }
    case ReOp::Alternate: {
      std::vector<Frag> branches;
      for (int s : n.subs)
        branches.push_back(compile(s));
      Frag f = std::move(branches.back());
      for (std::size_t k = branches.size() - 1; k-- > 0;) {
        Frag s = split(branches[k].start);
        prog_.insts[s.start].arg = f.start;
        s.holes = std::move(branches[k].holes);
        s.holes.insert(s.holes.end(), f.holes.begin(), f.holes.end());
        f = std::move(s);
      }
      return f;
    }
    }
    return single(InstOp::Nop);
  }
};

} // namespace

std::variant<RegexProgram, std::string> compileProgram(const ReTree& tree) {
  return Compiler(tree).run();
}

} // namespace argosim::expr
