// The retry loop of a Retry node: operator.go processNodeRetries, in Argo's order of checks (spec §3.2).
#include "engine/expr/expr.hpp"
#include "engine/model/int_resolution.hpp"
#include "engine/sim/operator.hpp"
#include "engine/sim/transient_error.hpp"
#include "engine/time/duration.hpp"
#include "engine/time/go_float.hpp"
#include "engine/time/humanize.hpp"
#include "engine/time/wall_clock.hpp"

#include <cmath>
#include <limits>

namespace argosim {

namespace {
ControllerError configError(std::string message) {
  return ControllerError{ControllerError::Kind::Generic, std::move(message), ended_by::kConfigError};
}

// Go's float64 → int64 conversion as compiled for amd64 (CVTTSD2SI): out of range or NaN gives MinInt64.
// Without #15277's clamp an overflowing factor^n reaches the wait this way, and the product wraps.
std::int64_t goFloatToInt64(double v) {
  if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0))
    return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(v);
}
} // namespace

std::string Operator::actualRetryPolicy(const RetryStrategy& s) const {
  if (s.retryPolicy && !s.retryPolicy->value.empty()) return s.retryPolicy->value;
  if (s.expression && !s.expression->value.empty()) return std::string(profile_.policyWithExpressionOnly);
  return "OnFailure";
}

// operator.go: getChildNodeIdsRetried — only children flagged `retried` are attempts; hooks are not.
std::vector<int> Operator::attemptsOf(const Node& retryNode, bool* allFulfilled) const {
  std::vector<int> attempts;
  for (const auto& id : retryNode.children) {
    const auto it = nodeById_.find(id);
    if (it == nodeById_.end()) continue;
    const Node& child = nodes_[static_cast<std::size_t>(it->second)];
    if (child.retried) attempts.push_back(it->second);
    if (allFulfilled && !child.fulfilled()) *allFulfilled = false;
  }
  return attempts;
}

// `attempts` are attemptsOf(retry).
Operator::RetryDecision Operator::processNodeRetries(Node& retry, const RetryStrategy& s,
                                                     const std::vector<int>& attempts, ExecuteOptions& opts) {
  if (retry.fulfilled()) return {};
  if (attempts.empty()) return {};
  Node& last = nodeAt(attempts.back());
  if (!last.fulfilled()) return {};
  if (!isFailedOrError(last.phase)) {
    retry.exitCode = last.exitCode;
    retry.outputs = last.outputs; // processNodeRetries: a succeeded Retry node takes its last child's outputs
    markNodePhase(retry, NodePhase::Succeeded, std::nullopt, ended_by::kSucceeded);
    return {};
  }

  // Past the workflow deadline no retry ever starts, exit handlers included.
  if (pastWorkflowDeadline()) {
    const std::int64_t deadlineUnix = scenario_.controller.startAtUnixSeconds + *workflowDeadline_ / kSecond;
    markNodePhase(retry, last.phase, "retry exceeded workflow deadline " + formatGoTimeString(deadlineUnix),
                  ended_by::kRetryDeadline);
    return {};
  }

  if (s.backoff) {
    const Backoff& b = *s.backoff;
    std::optional<Nanos> maxDurationDeadline;
    if (b.maxDuration && !b.maxDuration->value.empty()) {
      const auto maxDuration = parseArgoDuration(b.maxDuration->value);
      if (!maxDuration.ok) return {false, configError(maxDuration.error)};
      // Measured from the first attempt's creation, so its Pending time counts.
      maxDurationDeadline = addSaturating(nodeAt(attempts.front()).startedAt, maxDuration.value);
      deadline("maxDuration", retry.name, *maxDurationDeadline);
      if (now_ >= *maxDurationDeadline) { // now > MDD with now = t + ε
        markNodePhase(retry, last.phase, std::string("Max duration limit exceeded"), ended_by::kMaxDuration);
        return {};
      }
    }
    if (!b.duration || b.duration->value.empty())
      return {false, configError("no base duration specified for retryStrategy")};
    const auto base = parseArgoDuration(b.duration->value);
    if (!base.ok) return {false, configError(base.error)};
    Nanos wait = base.value;
    if (b.factor) {
      const auto factor = resolveInt32(*b.factor);
      if (!factor.ok) return {false, configError(factor.error)};
      if (factor.value > 0) {
        // duration * factor^(attempts-1), computed in float64 like Go, clamped at MaxInt64 where the
        // release has #15277.
        const double m =
            std::pow(static_cast<double>(factor.value), static_cast<double>(attempts.size() - 1));
        const double limit =
            static_cast<double>(std::numeric_limits<std::int64_t>::max()) / static_cast<double>(base.value);
        if (profile_.backoffOverflowClamp && (m > limit || std::isnan(limit)))
          wait = kMaxNanos;
        else
          wait = static_cast<Nanos>(static_cast<unsigned long long>(base.value) *
                                    static_cast<unsigned long long>(goFloatToInt64(m)));
      }
    }
    if (profile_.backoffCap && b.cap && !b.cap->value.empty()) {
      const auto cap = parseArgoDuration(b.cap->value);
      if (!cap.ok) return {false, configError(cap.error)};
      if (wait > cap.value) wait = cap.value;
    }
    const Nanos finished = last.finishedAt.value_or(now_);
    const Nanos waitingDeadline = addSaturating(finished, wait);
    if (maxDurationDeadline && waitingDeadline > *maxDurationDeadline) {
      markNodePhase(retry, last.phase, std::string("Backoff would exceed max duration limit"),
                    ended_by::kBackoffMaxDuration);
      return {};
    }
    // The wait is only honoured with a limit, and not after the last allowed attempt (fix for #7588).
    if (now_ < waitingDeadline && s.limit &&
        static_cast<std::int32_t>(attempts.size()) <=
            static_cast<std::int32_t>(kubernetesIntValue(*s.limit))) {
      requeueAt(addSaturating(now_, wait));
      markNodePhase(retry, retry.phase, "Backoff for " + humanizeDuration(wait));
      return {false, std::nullopt};
    }
    opts.executionDeadline = maxDurationDeadline;
    markNodePhase(retry, retry.phase, std::string());
  }

  const std::string policy = actualRetryPolicy(s);
  bool retryOnFailed = false;
  bool retryOnError = false;
  if (policy == "Always") {
    retryOnFailed = retryOnError = true;
  } else if (policy == "OnError") {
    retryOnError = true;
  } else if (policy == "OnTransientError") {
    const std::string pattern =
        scenario_.controller.transientErrorPattern ? scenario_.controller.transientErrorPattern->value : "";
    retryOnFailed = retryOnError = isTransientMessage(last.message, pattern, profile_);
  } else if (policy == "OnFailure") {
    retryOnFailed = true;
  } else {
    return {false, configError(policy + " is not a valid RetryPolicy")};
  }
  if ((last.phase == NodePhase::Failed && !retryOnFailed) ||
      (last.phase == NodePhase::Error && !retryOnError)) {
    markNodePhase(retry, last.phase, last.message, ended_by::kPolicy);
    return {};
  }

  if (s.limit) {
    const auto limit = resolveInt32(*s.limit);
    if (!limit.ok) return {false, configError(limit.error)};
    if (static_cast<std::int64_t>(attempts.size()) > limit.value) {
      markNodePhase(retry, last.phase, std::string("No more retries left"), ended_by::kLimit);
      return {};
    }
  }

  if (s.expression && !s.expression->value.empty()) {
    // operator.go: buildRetryStrategyLocalScope — every value is a string.
    const Nanos duration = last.finishedAt ? *last.finishedAt - last.startedAt : 0;
    std::vector<std::pair<std::string, std::string>> scope = {
        {"retries", std::to_string(attempts.size() - 1)},
        {"lastRetry.exitCode", last.exitCode ? std::to_string(*last.exitCode) : "-1"},
        {"lastRetry.status", nodePhaseName(last.phase)},
        {"lastRetry.duration", formatGoFloat(toSeconds(duration))},
    };
    if (profile_.lastRetryMessage) scope.emplace_back("lastRetry.message", last.message);
    const auto result = expr::evaluateRetryExpression(s.expression->value, scope);
    if (!result.ok) return {false, configError(result.message)};
    if (!result.value) {
      markNodePhase(retry, last.phase, std::string("retryStrategy.expression evaluated to false"),
                    ended_by::kExpression);
      return {};
    }
  }
  return {};
}

} // namespace argosim
