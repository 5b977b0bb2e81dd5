// What changed between Argo releases (spec §8), in one place: the simulator reads these values where each
// rule applies instead of writing the v4.1 behaviour inline.
#pragma once

#include <string_view>

namespace argosim {

// One Argo release's answers to the rules that differ between releases. Only v4.1 is defined: a profile for
// an older release needs the differences listed at the end modelled first.
struct ArgoProfile {
  std::string_view version = "v4.1";
  // types.go RetryPolicyActual: the policy of a retryStrategy with an `expression` and no `retryPolicy`
  // (Always from v3.5; OnFailure in v3.3–v3.4).
  std::string_view policyWithExpressionOnly = "Always";
  // operator.go inferFailedReason: what precedes "Error (exit code N)" in a failed pod's message ("main: "
  // from v3.7; nothing before).
  std::string_view failedContainerPrefix = "main: ";
  // backoff.cap is read (from v3.7; earlier releases drop the field).
  bool backoffCap = true;
  // lastRetry.message is in the retry expression's scope and the attempt's template (from v3.5).
  bool lastRetryMessage = true;

  // Differences not modelled, so no older profile exists yet: the expression evaluated first on every
  // reconcile (≤ v3.5.4), pods deleted rather than terminated at the workflow deadline (v3.3), exit-handler
  // nodes failed by the deadline (< v3.5.11), hook children counted as attempts (< v3.5.1), an unclamped
  // backoff overflow
  // (< v3.6.18 / v3.7.9 / v4.0.1), `timeout` parsed by time.ParseDuration and validator messages ending in
  // "." (≤ v4.0 / ≤ v3.7), no pendingTimeout (< v4.1).
};

inline constexpr ArgoProfile kArgoV41{};

} // namespace argosim
