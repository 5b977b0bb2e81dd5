// Reading an IntOrString as a number the way Argo does (util/intstr) and the way Kubernetes' IntValue() does.
#pragma once

#include "engine/model/int_or_string.hpp"

#include <cstdint>
#include <string>

namespace argosim {

struct IntResult {
  bool ok = false;
  std::int64_t value = 0;
  std::string error; // "value '<s>' cannot be resolved to an int"; empty when ok
};

// util/intstr/parametrizable.go Int32: a string goes through strconv.Atoi (64-bit); the result is then
// converted with Go's int32(...), which silently wraps: "4294967297" resolves to 1, "2147483648" to
// -2147483648.
IntResult resolveInt32(const IntOrString& v);

// util/intstr/parametrizable.go Int64: strconv.Atoi of a string (range -2^63..2^63-1), or the int itself.
IntResult resolveInt64(const IntOrString& v);

// k8s IntOrString.IntValue(): the int, or strconv.Atoi of the string with its error dropped. A syntax error
// gives 0, but an out-of-range number gives Atoi's clamped bound (MaxInt64 / MinInt64), not 0.
std::int64_t kubernetesIntValue(const IntOrString& v);

// util/intstr/parametrizable.go IsValidIntOrArgoVariable: an int, an Atoi-able string, or "{{...}}".
// (validate.go also accepts its placeholder strings; that is the validator's business.)
bool isValidIntOrArgoVariable(const IntOrString& v);

} // namespace argosim
