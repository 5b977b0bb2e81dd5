#include "engine/sim/transient_error.hpp"

#include "engine/expr/regex.hpp"

#include <array>
#include <string>

namespace argosim {

namespace {
// util/errors/errors.go: isTransientEtcdErr, isTransientNetworkErr, isTransientSqbErr, as in v3.5.15 and
// v3.6.19.
constexpr std::array<std::string_view, 11> kTransientSubstrings = {
    "etcdserver: leader changed",
    "etcdserver: request timed out",
    "Connection closed by foreign host",
    "net/http: TLS handshake timeout",
    "i/o timeout",
    "connection timed out",
    "connection reset by peer",
    "http2: client connection lost",
    "connect: connection refused",
    "invalid connection",
    "upper: no more rows in",
};
// … and what v3.7.18 has besides (unchanged through v4.1.2), isClientGoRateLimiterWaitErr included.
constexpr std::array<std::string_view, 6> kTransientSubstringsSinceV37 = {
    "etcdserver: too many requests",
    "unexpected error when reading response body",
    "stream error when reading response body",
    "http2: server sent GOAWAY and closed the connection",
    "request did not complete within requested timeout",
    "client rate limiter Wait returned an error",
};

bool containsAny(std::string_view message, const auto& substrings) {
  for (std::string_view s : substrings)
    if (message.find(s) != std::string_view::npos) return true;
  return false;
}
} // namespace

bool isTransientMessage(std::string_view message, std::string_view pattern, const ArgoProfile& profile) {
  if (containsAny(message, kTransientSubstrings)) return true;
  if (profile.transientMessagesSinceV37 && containsAny(message, kTransientSubstringsSinceV37)) return true;
  if (pattern.empty()) return false;
  // errors.go matchTransientErrPattern: regexp.MatchString's error is dropped, so a pattern that does not
  // compile matches nothing.
  const expr::CompiledRegex compiled = expr::compileGoRegex(pattern);
  if (!compiled.program) return false;
  return expr::matchGoRegex(*compiled.program, message).matched;
}

} // namespace argosim
