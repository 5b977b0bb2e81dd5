// A simulated pod: what the kubelet and the executor do with it, given its deadlines and the scenario's
// behaviour.
#pragma once

#include "engine/model/argo_profile.hpp"
#include "engine/model/scenario.hpp"
#include "engine/time/nanos.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace argosim {

enum class PodPhase { Pending, Running, Succeeded, Failed, Vanished };

// How the pod ended, when it did by itself or by a kill on the pod's side.
struct PodEnding {
  Nanos at = 0;
  PodPhase phase = PodPhase::Failed;
  std::string message;         // pod status message the controller turns into the node's message
  std::optional<int> exitCode; // main container's exit code, if it ran
  bool error = false;          // classified as Error rather than Failed
  const char* endedBy = "";
};

struct Pod {
  int nodeIndex = -1;
  Nanos createdAt = 0;
  AttemptBehaviour behaviour;
  std::optional<std::int64_t> activeDeadlineSeconds;
  std::optional<Nanos> executorDeadline; // ARGO_DEADLINE as virtual time, whole seconds
  PodPhase phase = PodPhase::Pending;
  bool terminatedByController = false;
  bool evicted = false; // the kubelet evicts it when its pending time ends (behaviour.evicted, for this pod)
  std::string_view failedMessagePrefix = kArgoV41.failedContainerPrefix;

  // Kubelet admission (status.startTime): the pod's activeDeadlineSeconds clock starts here.
  std::optional<Nanos> startTime() const;
  // The end of the scenario's pending time: Running from then, or evicted then.
  std::optional<Nanos> pendingEndsAt() const;
  // Pending → Running (never for an evicted pod).
  std::optional<Nanos> runningAt() const;
  // The kubelet's deadline kill time, if the pod has one.
  std::optional<Nanos> kubeletDeadline() const;
  // The executor's kill time: ARGO_DEADLINE once the wait container runs.
  std::optional<Nanos> executorKillAt() const;
  // What ends the pod first (kubelet deadline > natural end > executor kill at equal times).
  std::optional<PodEnding> ending() const;
  // The next instant at which this pod changes by itself (running, ending), if any.
  std::optional<Nanos> nextChangeAfterOrAt(Nanos t) const;
};

} // namespace argosim
