// Evicted pods and the controller's failedPodRestart (v4.0+), read at v4.1.2 and v4.0.0:
// config/config.go FailedPodRestartConfig (maxRestarts 3 when unset), operator.go podReconciliation on
// PodFailed and shouldAutoRestartPod, pod_restart.go analyzePodForRestart / isRestartableReason, and
// inferFailedReason (a pod with a status message fails its node with that message).
#include "engine/argosim.hpp"
#include "tests/engine/parse/diagnostics_matchers.hpp"
#include "tests/engine/sim/result_lookup.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::count;
using argosim::test::hasNode;
using argosim::test::node;

namespace {

constexpr const char* kEvictedMessage = "The node was low on resource: memory.";

// A retried leaf (limit 2) whose pods are evicted 5 s after creation, `evictions` times per attempt, and then
// run 30 s and succeed.
std::string evictedWorkflow(const std::string& controller, int evictions,
                            const std::string& templateExtra = "") {
  return "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: wf}\nspec:\n  entrypoint: main\n"
         "  templates:\n  - name: main\n    retryStrategy: {limit: 2}\n" +
         templateExtra +
         "    container: {image: alpine, command: [sh, -c, 'sleep 30']}\n---\nkind: Scenario\ncontroller: " +
         controller + "\npods:\n  main: {pending: 5s, evicted: \"" + kEvictedMessage +
         "\", evictions: " + std::to_string(evictions) + ", run: 30s, exit: 0}\n";
}

Result run(const std::string& text) {
  const Result r = simulateText(text);
  INFO(argosim::test::dump(r.diagnostics));
  CHECK(count(r.diagnostics, Severity::Error) == 0);
  return r;
}

} // namespace

TEST_CASE("failedPodRestart off (the default): an evicted pod fails its node with the pod's message, and the "
          "retry strategy decides (inferFailedReason: pod.Status.Message)") {
  const Result r = run(evictedWorkflow("{argoVersion: v4.1}", 1));
  const NodeRecord& first = node(r, "wf(0)");
  CHECK(first.phase == "Failed");
  CHECK(first.message == kEvictedMessage);
  CHECK(first.endedBy == "evicted");
  CHECK_FALSE(first.exitCode.has_value()); // main never started
  CHECK(first.finishedAt == 5 * kSecond);
  CHECK(first.failedPodRestarts == 0);
  // The next attempt takes the same entry with its own count: its first pod is evicted too.
  CHECK(node(r, "wf(1)").startedAt == 5 * kSecond);
  CHECK(node(r, "wf(2)").endedBy == "evicted");
  CHECK(node(r, "wf").message == "No more retries left");
}

TEST_CASE("failedPodRestart on: the node goes back to Pending and gets a new pod, without using a retry "
          "(operator.go podReconciliation: FailedPodRestarts++, \"Pod auto-restarting due to <reason>: "
          "<message>\", DeletePodByUID)") {
  const Result r = run(evictedWorkflow("{argoVersion: v4.1, failedPodRestart: {enabled: true}}", 2));
  CHECK_FALSE(hasNode(r, "wf(1)"));
  const NodeRecord& attempt = node(r, "wf(0)");
  CHECK(attempt.phase == "Succeeded");
  CHECK(attempt.failedPodRestarts == 2);
  CHECK(attempt.runningAt == 15 * kSecond); // two evictions 5 s apart, then the third pod's 5 s of pending
  CHECK(attempt.finishedAt == 45 * kSecond);
  int restarts = 0;
  for (const auto& e : r.events)
    if (e.node == "wf(0)" && e.kind == "restarted") {
      ++restarts;
      CHECK(e.message.rfind(std::string("Pod auto-restarting due to Evicted: ") + kEvictedMessage, 0) == 0);
      CHECK(e.t == restarts * 5 * kSecond);
    }
  CHECK(restarts == 2);
}

TEST_CASE(
    "failedPodRestart: past maxRestarts the eviction stands (shouldAutoRestartPod: FailedPodRestarts >= "
    "GetMaxRestarts, 3 when unset)") {
  const Result unset = run(evictedWorkflow("{argoVersion: v4.1, failedPodRestart: {enabled: true}}", 5));
  CHECK(node(unset, "wf(0)").failedPodRestarts == 3);
  CHECK(node(unset, "wf(0)").endedBy == "evicted");
  CHECK(node(unset, "wf(0)").finishedAt == 20 * kSecond); // the fourth pod's eviction
  CHECK(node(unset, "wf(1)").startedAt == 20 * kSecond);  // now the retry strategy decides

  const Result one =
      run(evictedWorkflow("{argoVersion: v4.1, failedPodRestart: {enabled: true, maxRestarts: 1}}", 5));
  CHECK(node(one, "wf(0)").failedPodRestarts == 1);
  CHECK(node(one, "wf(0)").finishedAt == 10 * kSecond);
}

TEST_CASE("failedPodRestart: a pod failed by its activeDeadlineSeconds while Pending is not restarted "
          "(isRestartableReason: DeadlineExceeded is not in the list)") {
  const Result r = run(evictedWorkflow("{argoVersion: v4.1, failedPodRestart: {enabled: true}}", 1,
                                       "    activeDeadlineSeconds: 3\n"));
  const NodeRecord& attempt = node(r, "wf(0)");
  CHECK(attempt.endedBy == "kubelet-deadline");
  CHECK(attempt.message == "Pod was active on the node longer than the specified deadline");
  CHECK(attempt.finishedAt == 3 * kSecond);
  CHECK(attempt.failedPodRestarts == 0);
}

TEST_CASE("failedPodRestart exists from v4.0.0 (config/config.go); v3.7 has none and says so") {
  auto under = [](const std::string& version) {
    return simulateText(
        evictedWorkflow("{argoVersion: " + version + ", failedPodRestart: {enabled: true}}", 1));
  };
  const Result v40 = under("v4.0");
  CHECK(node(v40, "wf(0)").phase == "Succeeded");
  CHECK(node(v40, "wf(0)").failedPodRestarts == 1);
  const Result v37 = under("v3.7");
  CHECK(node(v37, "wf(0)").endedBy == "evicted");
  CHECK(hasNode(v37, "wf(1)"));
  REQUIRE_DIAG(v37.diagnostics, Severity::Warning, 12, 33,
               "failedPodRestart is a controller setting from Argo v4.0; Argo v3.7 has none, so an evicted "
               "pod fails its node");
}

TEST_CASE("scenario: evicted and evictions are checked at their values") {
  const std::string head = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: wf}\nspec:\n"
                           "  entrypoint: m\n  templates: [{name: m, container: {image: a}}]\n---\n"
                           "kind: Scenario\npods:\n  m: ";
  REQUIRE_DIAG(simulateText(head + "{pending: forever, evicted: gone}\n").diagnostics, Severity::Error, 10,
               34, "an evicted pod is evicted when its pending time ends: give pending a length");
  REQUIRE_DIAG(simulateText(head + "{evictions: 2}\n").diagnostics, Severity::Error, 10, 18,
               "evictions counts evicted pods: add evicted");
  REQUIRE_DIAG(simulateText(head + "{evicted: gone, evictions: 0}\n").diagnostics, Severity::Error, 10, 33,
               "evictions 0 is outside 1..100");
  REQUIRE_DIAG(simulateText(head + "{evicted: gone, run: 5s, error: x}\n").diagnostics, Severity::Error, 10,
               16, "evicted and error exclude each other: an evicted pod never runs, so it cannot error");
  REQUIRE_DIAG(simulateText(head + "{evicted: ''}\n").diagnostics, Severity::Error, 10, 16,
               "evicted is the pod's status message, e.g. \"The node was low on resource: memory.\"");
  const std::string withController =
      "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: wf}\n"
      "spec:\n  entrypoint: m\n  templates: [{name: m, container: {image: a}}]\n"
      "---\nkind: Scenario\ncontroller:\n  failedPodRestart: ";
  REQUIRE_DIAG(simulateText(withController + "{enabled: true, maxRestarts: -1}\n").diagnostics,
               Severity::Error, 10, 50, "maxRestarts -1 is outside 0..100");
  REQUIRE(count(simulateText(withController + "{enabled: true, restarts: 2}\n").diagnostics,
                Severity::Error) == 1);
}
