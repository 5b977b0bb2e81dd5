#include "engine/sim/transient_error.hpp"

#include "engine/expr/regex.hpp"

#include <array>
#include <string>

namespace argosim {

namespace {
// util/errors/errors.go: isTransientEtcdErr, isTransientNetworkErr, isClientGoRateLimiterWaitErr,
// isTransientSqbErr (v4.1.2).
constexpr std::array<std::string_view, 17> kTransientSubstrings = {
    "etcdserver: leader changed",
    "etcdserver: request timed out",
    "etcdserver: too many requests",
    "unexpected error when reading response body",
    "stream error when reading response body",
    "Connection closed by foreign host",
    "net/http: TLS handshake timeout",
    "i/o timeout",
    "connection timed out",
    "connection reset by peer",
    "http2: client connection lost",
    "http2: server sent GOAWAY and closed the connection",
    "request did not complete within requested timeout",
    "connect: connection refused",
    "invalid connection",
    "client rate limiter Wait returned an error",
    "upper: no more rows in",
};
} // namespace

bool isTransientMessage(std::string_view message, std::string_view pattern) {
  for (auto s : kTransientSubstrings)
    if (message.find(s) != std::string_view::npos) return true;
  if (pattern.empty()) return false;
  // errors.go matchTransientErrPattern: regexp.MatchString's error is dropped, so a pattern that does not
  // compile matches nothing.
  const expr::CompiledRegex compiled = expr::compileGoRegex(pattern);
  if (!compiled.program) return false;
  return expr::matchGoRegex(*compiled.program, message).matched;
}

} // namespace argosim
