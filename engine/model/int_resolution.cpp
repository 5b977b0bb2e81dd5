#include "engine/model/int_resolution.hpp"

#include "engine/time/duration.hpp"

namespace argosim {

namespace {

// The k8s IntOrString int arm is an int32; a parser is expected to reject bigger YAML ints as Kubernetes'
// JSON decoding does, so the stored value is passed through as is.
IntResult resolve(const IntOrString& v) {
  IntResult r;
  if (!v.isString) {
    r.ok = true;
    r.value = v.intValue;
    return r;
  }
  const GoAtoiResult parsed = goAtoi(v.stringValue);
  if (!parsed.ok) {
    r.error = "value '" + v.stringValue + "' cannot be resolved to an int";
    return r;
  }
  r.ok = true;
  r.value = parsed.value;
  return r;
}

} // namespace

IntResult resolveInt32(const IntOrString& v) {
  IntResult r = resolve(v);
  // Go's int32(x): keep the low 32 bits, two's complement (C++20 defines this conversion the same way).
  if (r.ok)
    r.value = static_cast<std::int32_t>(static_cast<std::uint32_t>(static_cast<std::uint64_t>(r.value)));
  return r;
}

IntResult resolveInt64(const IntOrString& v) {
  return resolve(v);
}

std::int64_t kubernetesIntValue(const IntOrString& v) {
  if (!v.isString) return v.intValue;
  return goAtoi(v.stringValue).value;
}

bool isValidIntOrArgoVariable(const IntOrString& v) {
  if (!v.isString) return true;
  if (goAtoi(v.stringValue).ok) return true;
  const std::string& s = v.stringValue;
  // strings.HasPrefix "{{" and HasSuffix "}}" are checked independently, so "{{}}" counts and "{{x" does not.
  return s.size() >= 2 && s.compare(0, 2, "{{") == 0 && s.compare(s.size() - 2, 2, "}}") == 0;
}

} // namespace argosim
