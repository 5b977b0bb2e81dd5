// Each rule that differs between the simulated releases (spec §8), shown on one Workflow under the two
// neighbouring versions where it changed. The sources were read with `git show <tag>:<path>` at each minor's
// latest patch tag (v3.5.15, v3.6.19, v3.7.18, v4.0.10, v4.1.2).
#include "engine/argosim.hpp"
#include "engine/sim/transient_error.hpp"
#include "tests/engine/parse/diagnostics_matchers.hpp"
#include "tests/engine/sim/result_lookup.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::count;
using argosim::test::hasNode;
using argosim::test::node;

namespace {

std::string wf(const std::string& templates, const std::string& specExtra = "") {
  return "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: wf}\nspec:\n  entrypoint: "
         "main\n" +
         specExtra + "  templates:\n" + templates;
}

// The Workflow with a Scenario that names the release.
Result under(const std::string& version, const std::string& workflow, const std::string& pods = "") {
  const Result r = simulateText(workflow + "---\nkind: Scenario\n" + pods +
                                "controller: {argoVersion: " + version + "}\n");
  INFO(argosim::test::dump(r.diagnostics));
  CHECK(r.argoVersion == version);
  return r;
}

const std::string kFailsOnce = wf("  - name: main\n"
                                  "    retryStrategy:\n"
                                  "      limit: 2\n"
                                  "      backoff: {duration: 10s, factor: 10, cap: 20s}\n"
                                  "    container: {image: alpine, command: [sh, -c, 'sleep 5; exit 3']}\n");

} // namespace

TEST_CASE("argo versions: v4.1 without argoVersion; the result says which profile ran") {
  const Result r = simulateText(kFailsOnce);
  CHECK(r.argoVersion == "v4.1");
  CHECK(under("v3.5", kFailsOnce).argoVersion == "v3.5");
}

TEST_CASE("argo versions: v3.7 prefixes the container name to a failure (operator.go inferFailedReason, "
          "f470fdab27)") {
  CHECK(node(under("v3.6", kFailsOnce), "wf(0)").message == "Error (exit code 3)");
  CHECK(node(under("v3.7", kFailsOnce), "wf(0)").message == "main: Error (exit code 3)");
}

TEST_CASE("argo versions: backoff.cap exists from v3.7 (b2a2c8f473); v3.6 drops it with a warning") {
  // Waits 10 s, then min(100 s, cap 20 s): the third attempt starts at 5+10+5+20 = 40 s.
  const Result v37 = under("v3.7", kFailsOnce);
  CHECK(node(v37, "wf(2)").startedAt == 40 * kSecond);
  CHECK(count(v37.diagnostics, Severity::Warning) == 0);
  // types.go v3.6.19 Backoff has no Cap: the second wait is the whole 100 s.
  const Result v36 = under("v3.6", kFailsOnce);
  CHECK(node(v36, "wf(2)").startedAt == 120 * kSecond);
  REQUIRE_DIAG(
      v36.diagnostics, Severity::Warning, 10, 49,
      "unknown field \"cap\" in Argo v3.6 (it came in v3.7): `argo submit` refuses the Workflow (json: "
      "unknown field \"cap\"), and through kubectl the controller ignores it, so the backoff wait is "
      "not capped");
}

TEST_CASE("argo versions: v3.6 clamps an overflowing backoff (#15277, fa4819394a in v3.6.18); v3.5 wraps") {
  // 12 s × 1000³ overflows int64 nanoseconds at the fourth failure (operator_test.go:
  // TestProcessNodeRetriesBackoffOverflow).
  const std::string overflow = wf("  - name: main\n"
                                  "    retryStrategy:\n"
                                  "      limit: 4\n"
                                  "      retryPolicy: Always\n"
                                  "      backoff: {duration: 12s, factor: 1000}\n"
                                  "    container: {image: alpine, command: [sh, -c, 'sleep 1; exit 1']}\n");
  const Result v36 = under("v3.6", overflow);
  CHECK(node(v36, "wf(3)").finishedAt == 12012016 * kSecond);
  CHECK(node(v36, "wf").message == "Backoff for a long while 23 hours"); // the clamped wait, MaxInt64
  CHECK_FALSE(hasNode(v36, "wf(4)"));
  CHECK(v36.workflow.phase == "Running");
  // v3.5.15: 12e9 ns × 1e9 wraps to a negative duration, so the wait is already over: the fifth attempt
  // starts at once, fails, and the limit ends the retry.
  const Result v35 = under("v3.5", overflow);
  CHECK(node(v35, "wf(4)").startedAt == 12012016 * kSecond);
  CHECK(node(v35, "wf").message == "No more retries left");
  CHECK(v35.workflow.phase == "Failed");
  CHECK(v35.workflow.finishedAt == 12012017 * kSecond);
}

TEST_CASE("argo versions: the timeout messages of validate.go validateTemplate end with '.' up to v3.7") {
  const std::string bare = wf("  - name: main\n"
                              "    timeout: '60'\n"
                              "    container: {image: alpine}\n");
  CHECK(under("v3.7", bare).workflow.message == "invalid spec: main has invalid duration format in timeout.");
  CHECK(under("v4.0", bare).workflow.message == "invalid spec: main has invalid duration format in timeout");
  const std::string onSteps = wf("  - name: main\n"
                                 "    timeout: 1m\n"
                                 "    steps: [[{name: a, template: leaf}]]\n"
                                 "  - name: leaf\n"
                                 "    container: {image: alpine}\n");
  CHECK(under("v3.7", onSteps).workflow.message ==
        "invalid spec: Steps template doesn't support timeout field.");
  CHECK(under("v4.0", onSteps).workflow.message ==
        "invalid spec: Steps template doesn't support timeout field");
}

TEST_CASE("argo versions: v4.1 reads a runtime timeout with ParseStringToDuration; v4.0 with "
          "time.ParseDuration (operator.go checkTemplateTimeout / getTimeoutAsDeadline)") {
  // The validator sees a placeholder for the step's output; at run time the timeout is "60".
  const std::string fromOutput = wf("  - name: main\n"
                                    "    steps:\n"
                                    "    - [{name: a, template: say}]\n"
                                    "    - [{name: b, template: limited, arguments: {parameters: [{name: t, "
                                    "value: '{{steps.a.outputs.result}}'}]}}]\n"
                                    "  - name: say\n"
                                    "    container: {image: alpine}\n"
                                    "  - name: limited\n"
                                    "    inputs: {parameters: [{name: t}]}\n"
                                    "    timeout: '{{inputs.parameters.t}}'\n"
                                    "    container: {image: alpine}\n");
  const std::string pods = "pods:\n  a: {run: 1s, result: '60'}\n  b: {run: 5s}\n";
  const Result v41 = under("v4.1", fromOutput, pods);
  CHECK(node(v41, "wf[1].b").phase == "Succeeded");
  CHECK(node(v41, "wf[1].b").podActiveDeadlineSeconds == 59); // int64 of the 60 s left, spec §4.2
  const Result v40 = under("v4.0", fromOutput, pods);
  CHECK(node(v40, "wf[1].b").phase == "Error");
  CHECK(node(v40, "wf[1].b").message == "invalid timeout format. time: missing unit in duration \"60\"");

  // A unit Go lacks fails in both, worded each release's way (and warned about before the run).
  const std::string days = wf("  - name: main\n"
                              "    timeout: 1d\n"
                              "    container: {image: alpine}\n");
  const Result d40 = under("v4.0", days);
  CHECK(d40.workflow.message.find("invalid timeout format. time: unknown unit \"d\" in duration \"1d\"") !=
        std::string::npos);
  REQUIRE_DIAG(d40.diagnostics, Severity::Warning, 8, 14,
               "timeout \"1d\" is not a duration Argo can read; the validator lets it through, and the "
               "controller then errors the node with \"invalid timeout format. time: unknown unit \"d\" in "
               "duration \"1d\"\"");
  CHECK(
      under("v4.1", days)
          .workflow.message.find(
              "invalid timeout format unable to parse 1d as a duration: time: unknown unit \"d\" in duration "
              "\"1d\"") != std::string::npos);
}

TEST_CASE("argo versions: v4.1 requeues at a Pending node's timeout (a8a875ceb6); v4.0 notices it only at "
          "the next reconcile") {
  // The pod is never scheduled, so the kubelet's activeDeadlineSeconds clock never starts.
  const std::string stuck = wf("  - name: main\n"
                               "    timeout: 30s\n"
                               "    container: {image: alpine}\n",
                               "  activeDeadlineSeconds: 100\n");
  const std::string pods = "pods:\n  default: {unschedulable: forever, pending: forever}\n";
  const Result v41 = under("v4.1", stuck, pods);
  CHECK(node(v41, "wf").message == "timeout");
  CHECK(node(v41, "wf").finishedAt == 30 * kSecond);
  // v4.0.10 executeTemplate: checkTemplateTimeout's deadline is not requeued; the next reconcile is the
  // workflow deadline's, whose sweep (failNodesWithoutCreatedPodsAfterDeadlineOrShutdown) runs first.
  const Result v40 = under("v4.0", stuck, pods);
  CHECK(node(v40, "wf").finishedAt == 100 * kSecond);
  CHECK(node(v40, "wf").message == "Step exceeded its deadline");
}

TEST_CASE("argo versions: pendingTimeout exists from v4.1 (a8a875ceb6); v4.0 drops it with a warning") {
  const std::string pending = wf("  - name: main\n"
                                 "    pendingTimeout: 30s\n"
                                 "    container: {image: alpine}\n",
                                 "  activeDeadlineSeconds: 100\n");
  const std::string pods = "pods:\n  default: {unschedulable: forever, pending: forever}\n";
  const Result v41 = under("v4.1", pending, pods);
  CHECK(node(v41, "wf").message == "timeout");
  CHECK(node(v41, "wf").finishedAt == 30 * kSecond);
  const Result v40 = under("v4.0", pending, pods);
  CHECK(node(v40, "wf").finishedAt == 100 * kSecond);
  // v4.0 installs the full CRDs (f9f6b0d89a), whose structural schema prunes the field.
  REQUIRE_DIAG(
      v40.diagnostics, Severity::Warning, 9, 21,
      "unknown field \"pendingTimeout\" in Argo v4.0 (it came in v4.1): `argo submit` refuses the "
      "Workflow (json: unknown field \"pendingTimeout\"), and through kubectl the API server drops it, "
      "so nothing limits how long the pod stays Pending");
}

TEST_CASE("argo versions: from v4.0 the CRD's RetryPolicy enum refuses a bad spec.retryStrategy policy "
          "that validate.go does not check") {
  const std::string bad = wf("  - name: main\n"
                             "    container: {image: alpine, command: [sh, -c, 'exit 1']}\n",
                             "  retryStrategy: {limit: 1, retryPolicy: Sometimes}\n");
  // v3.7 installs the minimal CRDs: the Workflow runs, and the retry errors after the first failure
  // (operator.go processNodeRetries).
  const Result v37 = under("v3.7", bad);
  CHECK(v37.simulated);
  CHECK(node(v37, "wf").phase == "Error");
  CHECK(node(v37, "wf").message == "Sometimes is not a valid RetryPolicy");
  const Result v40 = under("v4.0", bad);
  CHECK_FALSE(v40.simulated);
  REQUIRE_DIAG(
      v40.diagnostics, Severity::Error, 6, 42,
      "Workflow.argoproj.io \"wf\" is invalid: spec.retryStrategy.retryPolicy: Unsupported value: "
      "\"Sometimes\": supported values: \"Always\", \"OnFailure\", \"OnError\", \"OnTransientError\" "
      "(Argo v4.0's CRD schema refuses it, so the Workflow is never created)");
}

TEST_CASE("argo versions: a caller's profile overrides the Scenario's argoVersion, with an info") {
  const Result r =
      simulateText(kFailsOnce + "---\nkind: Scenario\ncontroller: {argoVersion: v4.1}\n", {}, kArgoV36);
  CHECK(r.argoVersion == "v3.6");
  CHECK(node(r, "wf(0)").message == "Error (exit code 3)");
  REQUIRE_DIAG(r.diagnostics, Severity::Info, 14, 27, "argoVersion v4.1 is overridden: simulating v3.6");
}

TEST_CASE("argo versions: OnTransientError knows six more messages from v3.7 (util/errors/errors.go "
          "isTransientNetworkErr, v3.6.19 vs v3.7.18)") {
  const std::string goaway = wf("  - name: main\n"
                                "    retryStrategy: {limit: 2, retryPolicy: OnTransientError}\n"
                                "    container: {image: alpine, command: [sh, -c, 'sleep 5']}\n");
  const std::string pods = "pods:\n  main:\n    attempts:\n"
                           "    - {run: 5s, error: 'http2: server sent GOAWAY and closed the connection'}\n"
                           "    - {run: 5s, exit: 0}\n";
  // v3.6: not a transient error, so the first attempt's Error ends the retry node.
  const Result v36 = under("v3.6", goaway, pods);
  CHECK_FALSE(hasNode(v36, "wf(1)"));
  CHECK(node(v36, "wf").phase == "Error");
  // v3.7: transient, so it is retried and the second attempt succeeds.
  const Result v37 = under("v3.7", goaway, pods);
  CHECK(node(v37, "wf(1)").phase == "Succeeded");
  CHECK(node(v37, "wf").phase == "Succeeded");
  // The messages both releases know are transient in each.
  CHECK(isTransientMessage("dial tcp: i/o timeout", "", kArgoV35));
  CHECK_FALSE(isTransientMessage("client rate limiter Wait returned an error", "", kArgoV36));
  CHECK(isTransientMessage("client rate limiter Wait returned an error", "", kArgoV37));
}
