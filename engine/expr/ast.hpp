// The syntax tree of a parsed expression; node locations follow expr-lang's (operator token, property,
// callee).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace argosim::expr {

enum class NodeKind {
  Nil,
  Bool,
  Int,
  Float,
  String,
  Identifier, // name
  Unary,      // op, children[0]
  Binary,     // op, children[0] (left), children[1] (right)
  Member,     // children[0] (base), children[1] (property); `dot` when written a.b
  Call,       // name (the function), children = arguments
  Array,      // children = elements
  Map,        // keys = literal keys, children = values
  Conditional // children[0] ? children[1] : children[2]
};

struct Node {
  NodeKind kind = NodeKind::Nil;
  int from = 0;   // 0-based rune offset used when an error is reported on this node
  int depth = 1;  // height of the subtree; bounded by kMaxDepth so every walk is stack-safe
  std::string op; // Unary/Binary operator as written ("&&", "and", "not in" is Unary("not", Binary("in")))
  std::string name;
  bool boolValue = false;
  std::int64_t intValue = 0;
  double floatValue = 0;
  std::string stringValue;
  bool dot = false;
  std::vector<std::string> keys;
  std::vector<std::unique_ptr<Node>> children;
};

using NodePtr = std::unique_ptr<Node>;

} // namespace argosim::expr
