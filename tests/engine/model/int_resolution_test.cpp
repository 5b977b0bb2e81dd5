#include "engine/model/int_resolution.hpp"

#include <catch2/catch_test_macros.hpp>
#include <cstdint>
#include <limits>
#include <string>

using namespace argosim;

namespace {

IntOrString str(std::string s) {
  IntOrString v;
  v.isString = true;
  v.stringValue = std::move(s);
  return v;
}

IntOrString num(std::int64_t n) {
  IntOrString v;
  v.intValue = n;
  return v;
}

constexpr std::int64_t kMax64 = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin64 = std::numeric_limits<std::int64_t>::min();

} // namespace

TEST_CASE("parametrizable_test.go TestInt32 / TestInt64: numbers, numeric strings, Argo variables") {
  for (auto* resolve : {&resolveInt32, &resolveInt64}) {
    IntResult r = resolve(str("2"));
    CHECK(r.ok);
    CHECK(r.value == 2);
    CHECK(r.error.empty());
    r = resolve(str("-1"));
    CHECK(r.ok);
    CHECK(r.value == -1);
    r = resolve(str("{{argo.variable}}"));
    CHECK_FALSE(r.ok);
    CHECK(r.error == "value '{{argo.variable}}' cannot be resolved to an int");
    r = resolve(num(3));
    CHECK(r.ok);
    CHECK(r.value == 3);
  }
}

TEST_CASE("parametrizable.go Int: strconv.Atoi rules and the exact error text") {
  CHECK(resolveInt64(str("+5")).value == 5);
  CHECK(resolveInt64(str("007")).value == 7);
  CHECK(resolveInt64(str("-0")).ok);
  CHECK(resolveInt64(str("9223372036854775807")).value == kMax64);
  CHECK(resolveInt64(str("-9223372036854775808")).value == kMin64);
  CHECK(resolveInt64(str("1.5")).error == "value '1.5' cannot be resolved to an int");
  CHECK(resolveInt64(str("")).error == "value '' cannot be resolved to an int");
  CHECK(resolveInt64(str(" 3")).error == "value ' 3' cannot be resolved to an int");
  CHECK(resolveInt64(str("3 ")).error == "value '3 ' cannot be resolved to an int");
  CHECK(resolveInt64(str("1_000")).error == "value '1_000' cannot be resolved to an int");
  CHECK(resolveInt64(str("0x10")).error == "value '0x10' cannot be resolved to an int");
  CHECK(resolveInt64(str("abc")).error == "value 'abc' cannot be resolved to an int");
  CHECK(resolveInt64(str("9223372036854775808")).error ==
        "value '9223372036854775808' cannot be resolved to an int");
  CHECK(resolveInt32(str("9223372036854775808")).error ==
        "value '9223372036854775808' cannot be resolved to an int");
  CHECK(resolveInt64(str("9223372036854775808")).value == 0); // failures carry no value
}

TEST_CASE("parametrizable.go Int32: int32(int) silently wraps values Atoi accepted") {
  CHECK(resolveInt32(str("2147483647")).value == 2147483647);
  CHECK(resolveInt32(str("-2147483648")).value == -2147483648LL);
  CHECK(resolveInt32(str("2147483648")).ok);
  CHECK(resolveInt32(str("2147483648")).value == -2147483648LL);
  CHECK(resolveInt32(str("4294967297")).value == 1);
  CHECK(resolveInt32(str("4294967296")).value == 0);
  CHECK(resolveInt32(str("-2147483649")).value == 2147483647);
  CHECK(resolveInt32(str("9223372036854775807")).value == -1);
  CHECK(resolveInt64(str("4294967297")).value == 4294967297LL);
}

TEST_CASE("k8s IntOrString.IntValue(): Atoi with the error dropped") {
  CHECK(kubernetesIntValue(num(4)) == 4);
  CHECK(kubernetesIntValue(str("4")) == 4);
  CHECK(kubernetesIntValue(str("+4")) == 4);
  CHECK(kubernetesIntValue(str("-4")) == -4);
  CHECK(kubernetesIntValue(str("abc")) == 0);
  CHECK(kubernetesIntValue(str("")) == 0);
  CHECK(kubernetesIntValue(str("1.5")) == 0);
  CHECK(kubernetesIntValue(str("{{inputs.parameters.limit}}")) == 0);
  // On a range error Atoi returns the clamped bound with its error, and IntValue keeps it.
  CHECK(kubernetesIntValue(str("9223372036854775808")) == kMax64);
  CHECK(kubernetesIntValue(str("99999999999999999999")) == kMax64);
  CHECK(kubernetesIntValue(str("-99999999999999999999")) == kMin64);
}

TEST_CASE("parametrizable_test.go TestIsValidIntOrArgoVariable") {
  CHECK(isValidIntOrArgoVariable(str("2")));
  CHECK(isValidIntOrArgoVariable(str("-1")));
  CHECK(isValidIntOrArgoVariable(str("{{argo.variable}}")));
  CHECK(isValidIntOrArgoVariable(num(5)));
  CHECK(isValidIntOrArgoVariable(num(-5))); // the int arm is always valid; validate.go checks the sign itself
  CHECK_FALSE(isValidIntOrArgoVariable(str("some-string")));
  CHECK_FALSE(isValidIntOrArgoVariable(str("1.5")));
  // Prefix and suffix are checked separately.
  CHECK(isValidIntOrArgoVariable(str("{{}}")));
  CHECK(isValidIntOrArgoVariable(str("{{a}} and {{b}}")));
  CHECK_FALSE(isValidIntOrArgoVariable(str("{{a}")));
  CHECK_FALSE(isValidIntOrArgoVariable(str("{a}}")));
  CHECK_FALSE(isValidIntOrArgoVariable(str(" {{a}}")));
  CHECK_FALSE(isValidIntOrArgoVariable(str("{{}")));
  CHECK_FALSE(isValidIntOrArgoVariable(str("")));
  CHECK_FALSE(isValidIntOrArgoVariable(str("9223372036854775808"))); // Atoi range error
}
