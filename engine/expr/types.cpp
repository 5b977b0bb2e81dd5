#include "engine/expr/types.hpp"

namespace argosim::expr {

std::string typeName(const Type& t) {
  switch (t.kind) {
  case TypeKind::Unknown:
    return "interface {}";
  case TypeKind::Nil:
    return "nil";
  case TypeKind::Bool:
    return "bool";
  case TypeKind::Int:
    return "int";
  case TypeKind::Float:
    return "float64";
  case TypeKind::String:
    return "string";
  case TypeKind::ArrayAny:
    return "[]interface {}";
  case TypeKind::ArrayString:
    return "[]string";
  case TypeKind::Map:
    return "map[string]interface {}";
  case TypeKind::Func:
    return "func(interface {}) interface {}";
  }
  return "interface {}";
}

} // namespace argosim::expr
