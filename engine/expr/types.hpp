// Static types the checker infers, mirroring expr-lang's Nature: known for literals, top-level variables and
// builtin results; unknown (interface {}) for anything read out of a map, so those are checked at run time.
#pragma once

#include <string>

namespace argosim::expr {

enum class TypeKind { Unknown, Nil, Bool, Int, Float, String, ArrayAny, ArrayString, Map, Func };

struct Type {
  TypeKind kind = TypeKind::Unknown;
  std::string func; // for Func: the function's name

  bool unknown() const { return kind == TypeKind::Unknown; }
  bool number() const { return kind == TypeKind::Int || kind == TypeKind::Float; }
  bool array() const { return kind == TypeKind::ArrayAny || kind == TypeKind::ArrayString; }
  bool is(TypeKind k) const { return kind == k; }
};

// Go's reflect type string, as expr-lang prints it in messages ("string", "float64", "[]interface {}").
std::string typeName(const Type& t);

} // namespace argosim::expr
