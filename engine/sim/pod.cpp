#include "engine/sim/pod.hpp"

#include "engine/result/result.hpp"

#include <algorithm>

namespace argosim {

namespace {
// Processes that ignore SIGTERM are killed after the default terminationGracePeriodSeconds.
constexpr Nanos kTerminationGracePeriod = 30 * kSecond;

std::string errorMessage(std::string_view prefix, std::string_view reason, int exitCode) {
  return std::string(prefix) + std::string(reason) + " (exit code " + std::to_string(exitCode) + ")";
}

// k8s kubelet: the status message of a pod past its activeDeadlineSeconds (spec §4.4).
constexpr const char* kKubeletDeadlineMessage =
    "Pod was active on the node longer than the specified deadline";
} // namespace

std::optional<Nanos> Pod::startTime() const {
  if (behaviour.unschedulableForever) return std::nullopt;
  return addSaturating(createdAt, behaviour.unschedulable);
}

std::optional<Nanos> Pod::pendingEndsAt() const {
  if (behaviour.pendingForever || behaviour.unschedulableForever) return std::nullopt;
  return addSaturating(createdAt, behaviour.pending);
}

std::optional<Nanos> Pod::runningAt() const {
  if (evicted) return std::nullopt;
  return pendingEndsAt();
}

std::optional<Nanos> Pod::kubeletDeadline() const {
  const auto start = startTime();
  if (!activeDeadlineSeconds || !start) return std::nullopt;
  const Nanos ads =
      *activeDeadlineSeconds > kMaxNanos / kSecond ? kMaxNanos : *activeDeadlineSeconds * kSecond;
  return addSaturating(*start, ads);
}

std::optional<Nanos> Pod::executorKillAt() const {
  const auto running = runningAt();
  if (!executorDeadline || !running) return std::nullopt;
  // workflow/executor/executor.go: monitorDeadline starts with the wait container, so a deadline already in
  // the past kills main as soon as it runs.
  return std::max(*executorDeadline, *running);
}

std::optional<PodEnding> Pod::ending() const {
  const auto running = runningAt();
  const auto kubelet = kubeletDeadline();
  const auto executor = executorKillAt();

  // An eviction ends the pod when its pending time ends, unless its deadline came first or at the same
  // instant (reason DeadlineExceeded, below). Main never started: no exit code.
  if (const auto at = pendingEndsAt(); evicted && behaviour.evicted && at && (!kubelet || *at < *kubelet))
    return PodEnding{*at, PodPhase::Failed, *behaviour.evicted, std::nullopt, false, ended_by::kEvicted};
  // The kubelet fails a pod that is still pending when its deadline passes: nothing ran, so no exit code.
  if (kubelet && (!running || *kubelet < *running))
    return PodEnding{*kubelet, PodPhase::Failed,          kKubeletDeadlineMessage, std::nullopt,
                     false,    ended_by::kKubeletDeadline};
  if (!running) return std::nullopt;

  std::optional<Nanos> natural;
  if (behaviour.run) natural = addSaturating(*running, *behaviour.run);

  // The first SIGTERM: the kubelet wins a tie with the executor (it re-checks the deadline when it writes
  // status).
  std::optional<Nanos> sigterm;
  bool sigtermByKubelet = false;
  if (kubelet) {
    sigterm = kubelet;
    sigtermByKubelet = true;
  }
  if (executor && (!sigterm || *executor < *sigterm)) {
    sigterm = executor;
    sigtermByKubelet = false;
  }

  auto naturalEnding = [&](Nanos at) {
    PodEnding e;
    e.at = at;
    e.endedBy = ended_by::kExit;
    if (behaviour.error) {
      e.phase = *behaviour.error == "pod deleted" ? PodPhase::Vanished : PodPhase::Failed;
      e.message = *behaviour.error;
      e.error = true;
      e.endedBy = ended_by::kPodError;
    } else if (behaviour.exitCode == 0) {
      e.phase = PodPhase::Succeeded;
      e.exitCode = 0;
    } else {
      e.phase = PodPhase::Failed;
      e.message = errorMessage(failedMessagePrefix, behaviour.reason, behaviour.exitCode);
      e.exitCode = behaviour.exitCode;
    }
    // A pod whose deadline had passed when it ended carries the kubelet's message, whatever main did (spec
    // §4.4).
    if (kubelet && *kubelet <= at) {
      e.phase = PodPhase::Failed;
      e.message = kKubeletDeadlineMessage;
      e.error = false;
      e.endedBy = ended_by::kKubeletDeadline;
    }
    return e;
  };

  if (!sigterm) {
    if (!natural) return std::nullopt;
    return naturalEnding(*natural);
  }

  if (!behaviour.ignoresSigterm) {
    // At an equal instant the natural exit beats the executor's SIGTERM but not the kubelet's deadline.
    if (natural && (*natural < *sigterm || (*natural == *sigterm && !sigtermByKubelet)))
      return naturalEnding(*natural);
    if (sigtermByKubelet)
      return PodEnding{*sigterm, PodPhase::Failed,          kKubeletDeadlineMessage, 143,
                       false,    ended_by::kKubeletDeadline};
    return PodEnding{
        *sigterm, PodPhase::Failed,           errorMessage(failedMessagePrefix, "Error", 143), 143,
        false,    ended_by::kExecutorDeadline};
  }

  // SIGTERM is ignored: SIGKILL follows after the grace period, unless main ends by itself first.
  const Nanos killAt = addSaturating(*sigterm, kTerminationGracePeriod);
  if (natural && *natural <= killAt) return naturalEnding(*natural);
  if (kubelet && *kubelet <= killAt)
    return PodEnding{killAt, PodPhase::Failed,          kKubeletDeadlineMessage, 137,
                     false,  ended_by::kKubeletDeadline};
  return PodEnding{killAt, PodPhase::Failed,           errorMessage(failedMessagePrefix, "Error", 137), 137,
                   false,  ended_by::kExecutorDeadline};
}

std::optional<Nanos> Pod::nextChangeAfterOrAt(Nanos t) const {
  if (terminatedByController) return std::nullopt;
  std::optional<Nanos> next;
  const auto consider = [&](std::optional<Nanos> at) {
    if (at && *at >= t && (!next || *at < *next)) next = at;
  };
  const auto end = ending();
  const auto running = runningAt();
  if (!end || !running || *running < end->at) consider(running);
  if (end) consider(end->at);
  return next;
}

} // namespace argosim
