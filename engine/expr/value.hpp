// Values of Argo's expression language (expr-lang): nil, bool, int, float, string, array, map.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace argosim::expr {

struct Value;
using Array = std::vector<Value>;
using Map = std::map<std::string, Value>;

// Arrays and maps sit behind shared pointers so the variant can nest; values are immutable once built, so
// sharing is safe and copying a Value is cheap.
struct Value {
  using Storage = std::variant<std::monostate, bool, std::int64_t, double, std::string,
                               std::shared_ptr<const Array>, std::shared_ptr<const Map>>;
  Storage data;

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : data(b) {}
  Value(int i) : data(static_cast<std::int64_t>(i)) {}
  Value(std::int64_t i) : data(i) {}
  Value(double d) : data(d) {}
  Value(const char* s) : data(std::string(s)) {}
  Value(std::string s) : data(std::move(s)) {}
  Value(Array a) : data(std::make_shared<const Array>(std::move(a))) {}
  Value(Map m) : data(std::make_shared<const Map>(std::move(m))) {}

  bool isNil() const { return std::holds_alternative<std::monostate>(data); }
  bool isBool() const { return std::holds_alternative<bool>(data); }
  bool isInt() const { return std::holds_alternative<std::int64_t>(data); }
  bool isFloat() const { return std::holds_alternative<double>(data); }
  bool isNumber() const { return isInt() || isFloat(); }
  bool isString() const { return std::holds_alternative<std::string>(data); }
  bool isArray() const { return std::holds_alternative<std::shared_ptr<const Array>>(data); }
  bool isMap() const { return std::holds_alternative<std::shared_ptr<const Map>>(data); }

  bool asBool() const { return std::get<bool>(data); }
  std::int64_t asInt() const { return std::get<std::int64_t>(data); }
  double asFloat() const { return std::get<double>(data); }
  // Numbers only: an int widened to float, as Go's float64(x).
  double toDouble() const { return isInt() ? static_cast<double>(asInt()) : asFloat(); }
  const std::string& asString() const { return std::get<std::string>(data); }
  const Array& asArray() const { return *std::get<std::shared_ptr<const Array>>(data); }
  const Map& asMap() const { return *std::get<std::shared_ptr<const Map>>(data); }
};

// Go's %T of the value as expr-lang holds it (int, float64, string, bool, <nil>, []interface {}, ...).
std::string goTypeName(const Value& v);
// Go's fmt %v: what expr's string() builtin and fmt.Sprint produce.
std::string formatV(const Value& v);
// Go's fmt %s: non-strings come out as %!s(int=3); used by Argo's "unable to cast" message.
std::string formatS(const Value& v);
// expr-lang's runtime.Equal: numbers compare across int/float, arrays element-wise, other kinds strictly.
bool valuesEqual(const Value& a, const Value& b);
// expr-lang's runtime.Less: numbers (int/float mixed) and strings (bytewise); nullopt for any other pairing.
std::optional<bool> valuesLess(const Value& a, const Value& b);

} // namespace argosim::expr
