// What changed between Argo releases (spec §8), in one place: the simulator reads these values where each
// rule applies instead of writing one release's behaviour inline.
#pragma once

#include <array>
#include <string_view>

namespace argosim {

// One Argo minor release, as its latest patch behaves: the answers to the rules that differ between the
// releases argosim simulates. Rows of spec §8 on which v3.5–v4.1 agree (expression evaluated last from
// 3.5.5, hook children not counted as attempts from 3.5.1, exit handlers spared by the deadline sweep from
// 3.5.11, lastRetry.message, containers terminated at the deadline) are not fields: every profile has them.
struct ArgoProfile {
  std::string_view version = "v4.1";
  std::string_view latestPatch = "v4.1.2"; // the release whose source the profile was read from
  // types.go RetryStrategy.RetryPolicyActual: the policy of a retryStrategy with an `expression` and no
  // `retryPolicy` (Always from v3.5; OnFailure in v3.3–v3.4).
  std::string_view policyWithExpressionOnly = "Always";
  // operator.go inferFailedReason: what precedes "Error (exit code N)" in a failed pod's message ("main: "
  // from v3.7, f470fdab27; nothing before).
  std::string_view failedContainerPrefix = "main: ";
  // backoff.cap is a field (from v3.7, b2a2c8f473); earlier releases drop it as unknown.
  bool backoffCap = true;
  // lastRetry.message is in the retry expression's scope and the attempt's template (from v3.5).
  bool lastRetryMessage = true;
  // processNodeRetries clamps duration·factor^n at MaxInt64 instead of letting int64 wrap (#15277: 3.6.18,
  // 3.7.9, 4.0.1).
  bool backoffOverflowClamp = true;
  // How the controller reads a template `timeout` at run time: wfv1.ParseStringToDuration, so a bare number
  // is seconds, and "invalid timeout format <err>" (v4.1); before, time.ParseDuration and
  // "invalid timeout format. <err>".
  bool timeoutBareNumberIsSeconds = true;
  std::string_view timeoutFormatError = "invalid timeout format ";
  // validate.go validateTemplate: the two `timeout` messages end with "." up to v3.7.
  std::string_view timeoutValidationEnd = "";
  // Template `pendingTimeout` exists, and the controller requeues itself at the earliest timeout deadline
  // (a8a875ceb6, v4.1). Before, nothing wakes the controller when a Pending node's timeout passes.
  bool pendingTimeout = true;
  // The CRDs installed by default carry the schema with RetryPolicy's enum (v4.0: f9f6b0d89a switched
  // cluster-install to the full CRDs), so the API server refuses an unknown retryPolicy anywhere, even where
  // validate.go does not look (spec.retryStrategy, templateDefaults). Up to v3.7 the minimal CRDs keep any
  // value and the controller errors only when it first retries.
  bool retryPolicyEnumInSchema = true;
  // The schema that drops an unknown field: the full CRDs (v4.0+) prune it; the minimal ones keep it and the
  // controller's decoding ignores it. Either way the controller never sees it; this is only what we say.
  bool prunesUnknownFields = true;
  // util/errors/errors.go: OnTransientError's fixed messages gained six by v3.7.18 (etcd's "too many
  // requests", the two response-body read errors, http2 GOAWAY, "request did not complete", client-go's
  // rate-limiter wait); v3.5.15 and v3.6.19 have none of them.
  bool transientMessagesSinceV37 = true;
  // The controller config's failedPodRestart (v4.0.0+, config/config.go FailedPodRestartConfig): a pod that
  // failed before main started, for a reason such as Evicted, is recreated for the same node without using a
  // retry (operator.go podReconciliation, shouldAutoRestartPod; pod_restart.go analyzePodForRestart).
  bool failedPodRestart = true;

  // Not modelled, in any profile:
  // - v4.1 deletes a pod whose Pending node timed out; argosim leaves pods of a failed node alone in every
  //   release.
  // - Daemoned retry attempts (v3.7+): argosim does not simulate them.
  // - Patch releases: a profile is its minor's latest patch; an older patch gets an info diagnostic naming
  //   the fixes it lacks (engine/model/argo_versions.hpp), not its own behaviour.
};

inline constexpr ArgoProfile kArgoV41{};

inline constexpr ArgoProfile kArgoV40 = [] {
  ArgoProfile p;
  p.version = "v4.0";
  p.latestPatch = "v4.0.10";
  p.timeoutBareNumberIsSeconds = false;
  p.timeoutFormatError = "invalid timeout format. ";
  p.pendingTimeout = false;
  return p;
}();

inline constexpr ArgoProfile kArgoV37 = [] {
  ArgoProfile p = kArgoV40;
  p.version = "v3.7";
  p.latestPatch = "v3.7.18";
  p.timeoutValidationEnd = ".";
  p.retryPolicyEnumInSchema = false;
  p.prunesUnknownFields = false;
  p.failedPodRestart = false;
  return p;
}();

inline constexpr ArgoProfile kArgoV36 = [] {
  ArgoProfile p = kArgoV37;
  p.version = "v3.6";
  p.latestPatch = "v3.6.19";
  p.failedContainerPrefix = "";
  p.backoffCap = false;
  p.transientMessagesSinceV37 = false;
  return p;
}();

inline constexpr ArgoProfile kArgoV35 = [] {
  ArgoProfile p = kArgoV36;
  p.version = "v3.5";
  p.latestPatch = "v3.5.15";
  p.backoffOverflowClamp = false;
  return p;
}();

inline constexpr std::array<const ArgoProfile*, 5> kArgoProfiles = {&kArgoV35, &kArgoV36, &kArgoV37,
                                                                    &kArgoV40, &kArgoV41};

} // namespace argosim
