#include "engine/expr/json_marshal.hpp"

#include "engine/text/go_json.hpp"

#include <string>
#include <utility>

namespace argosim::expr {
namespace {

constexpr int kMaxDepth = 64; // values built by expressions are shallow; a bound keeps recursion safe

// The Go value behind an expression value: an int is written with its digits, a float from its float64.
bool toGoJson(const Value& v, int depth, GoJson& out) {
  if (depth > kMaxDepth) return false;
  if (v.isNil()) {
    out.kind = GoJson::Kind::Null;
  } else if (v.isBool()) {
    out.kind = GoJson::Kind::Bool;
    out.boolean = v.asBool();
  } else if (v.isInt()) {
    out.kind = GoJson::Kind::Number;
    out.raw = std::to_string(v.asInt());
  } else if (v.isFloat()) {
    out.kind = GoJson::Kind::Number;
    out.number = v.asFloat();
  } else if (v.isString()) {
    out.kind = GoJson::Kind::String;
    out.text = v.asString();
  } else if (v.isArray()) {
    out.kind = GoJson::Kind::List;
    for (const Value& e : v.asArray()) {
      out.list.emplace_back();
      if (!toGoJson(e, depth + 1, out.list.back())) return false;
    }
  } else {
    out.kind = GoJson::Kind::Map;
    for (const auto& [k, e] : v.asMap()) { // std::map: already in the sorted order GoJson keeps
      out.members.push_back(GoJsonMember{k, {}});
      if (!toGoJson(e, depth + 1, out.members.back().value)) return false;
    }
  }
  return true;
}

} // namespace

std::optional<std::string> marshalJson(const Value& v) {
  GoJson value;
  if (!toGoJson(v, 0, value)) return std::nullopt;
  GoJsonText text = marshalGoJson(value);
  if (text.error) return std::nullopt;
  return std::move(text.text);
}

} // namespace argosim::expr
