// The rules that changed between Argo releases are read from one ArgoProfile (spec §8): changing a value
// there changes what the simulation shows, and the default is v4.1.
#include "engine/argosim.hpp"
#include "tests/engine/sim/result_lookup.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::node;

namespace {
const std::string kFlaky = R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: wf}
spec:
  entrypoint: main
  templates:
  - name: main
    retryStrategy:
      limit: 1
      expression: "lastRetry.status == 'Failed'"
      backoff: {duration: 10s, factor: 10, cap: 20s}
    container: {image: alpine, command: [sh, -c, "sleep 5; exit 3"]}
)";

} // namespace

TEST_CASE("argo profile: v4.1 is the default (main: prefix, expression means Always, cap read)") {
  const Result r = simulateText(kFlaky);
  CHECK(r.argoVersion == "v4.1");
  CHECK(node(r, "wf(0)").message == "main: Error (exit code 3)"); // operator.go inferFailedReason, v3.7+
  CHECK(node(r, "wf(1)").startedAt == 15 * kSecond);              // 5 s run + 10 s backoff
  CHECK(node(r, "wf").message == "No more retries left");
}

TEST_CASE(
    "argo profile: each field changes the rule it names (types.go RetryPolicyActual, inferFailedReason)") {
  ArgoProfile older;
  older.failedContainerPrefix = ""; // before v3.7
  const Result r = simulateText(kFlaky, Limits{}, older);
  CHECK(node(r, "wf(0)").message == "Error (exit code 3)");

  // An expression without retryPolicy meant OnFailure before v3.5: a pod failure is still retried.
  ArgoProfile onFailure;
  onFailure.policyWithExpressionOnly = "OnFailure";
  CHECK(node(simulateText(kFlaky, Limits{}, onFailure), "wf(1)").startedAt == 15 * kSecond);

  // lastRetry.message only exists from v3.5; before, reading it gives nil (a missing map key in expr-lang).
  std::string readsMessage = kFlaky;
  readsMessage.replace(readsMessage.find("lastRetry.status == 'Failed'"), 28, "lastRetry.message == nil");
  CHECK(simulateText(readsMessage).nodes.size() == 2); // the message is there: false, no retry
  ArgoProfile noMessage;
  noMessage.lastRetryMessage = false;
  CHECK(simulateText(readsMessage, Limits{}, noMessage).nodes.size() == 3); // nil: retried
}

TEST_CASE("argo profile: backoff.cap is read only where the release has it (v3.7+)") {
  std::string threeAttempts = kFlaky;
  threeAttempts.replace(threeAttempts.find("limit: 1"), 8, "limit: 2");
  // Waits 10 s, then min(100 s, cap 20 s): the third attempt starts at 5+10+5+20 = 40 s.
  CHECK(node(simulateText(threeAttempts), "wf(2)").startedAt == 40 * kSecond);
  ArgoProfile noCap;
  noCap.backoffCap = false;
  CHECK(node(simulateText(threeAttempts, Limits{}, noCap), "wf(2)").startedAt == 120 * kSecond);
}
