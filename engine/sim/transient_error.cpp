#include "engine/sim/transient_error.hpp"

#include <array>
#include <regex>
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

// std::regex backtracks; long inputs or patterns could take unbounded time, so both are capped.
constexpr std::size_t kMaxPatternLength = 512;
constexpr std::size_t kMaxMessageLength = 4096;
} // namespace

bool isTransientMessage(std::string_view message, std::string_view pattern) {
  for (auto s : kTransientSubstrings)
    if (message.find(s) != std::string_view::npos) return true;
  if (pattern.empty() || pattern.size() > kMaxPatternLength) return false;
  try {
    const std::regex re{std::string(pattern)};
    const std::string subject{message.substr(0, kMaxMessageLength)};
    return std::regex_search(subject, re);
  } catch (const std::exception&) {
    return false; // Go's regexp.MatchString error is ignored: no match
  }
}

} // namespace argosim
