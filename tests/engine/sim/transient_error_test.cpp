// OnTransientError's test of a node message (util/errors/errors.go IsTransientErr, spec §3.4).
#include "engine/sim/transient_error.hpp"

#include <catch2/catch_test_macros.hpp>

using argosim::isTransientMessage;

TEST_CASE("errors.go isTransientNetworkErr/isTransientEtcdErr: fixed substrings are transient") {
  CHECK(isTransientMessage("dial tcp: i/o timeout", ""));
  CHECK(isTransientMessage("etcdserver: leader changed", ""));
  CHECK(isTransientMessage("read: connection reset by peer", ""));
}

TEST_CASE("errors.go: pod deleted, kubelet and 143 messages are not transient "
          "(TestProcessNodeRetriesOnTransientErrors)") {
  CHECK_FALSE(isTransientMessage("pod deleted", ""));
  CHECK_FALSE(isTransientMessage("Pod was active on the node longer than the specified deadline", ""));
  CHECK_FALSE(isTransientMessage("main: Error (exit code 143)", ""));
}

TEST_CASE("errors.go matchTransientErrPattern: TRANSIENT_ERROR_PATTERN matches anywhere; a bad pattern "
          "matches nothing") {
  CHECK(isTransientMessage("pod deleted", "pod deleted"));
  CHECK(isTransientMessage("main: Error (exit code 137)", "exit code 13[0-9]"));
  CHECK_FALSE(isTransientMessage("main: Error (exit code 1)", "exit code 13[0-9]"));
  CHECK_FALSE(isTransientMessage("anything", "("));
}
