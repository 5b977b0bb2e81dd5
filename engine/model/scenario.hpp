// The playground's Scenario document: what each pod does, and the controller's settings. Argo never sees it.
#pragma once

#include "engine/model/argo_profile.hpp"
#include "engine/model/source_pos.hpp"
#include "engine/time/nanos.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace argosim {

struct AttemptBehaviour {
  Nanos pending = 0;
  bool pendingForever = false;
  Nanos unschedulable = 0; // the part of `pending` before the kubelet admits the pod
  bool unschedulableForever = false;
  std::optional<Nanos> run = Nanos{10 * kSecond}; // nullopt: runs forever
  int exitCode = 0;
  // The main container's termination reason, which Argo puts in a failed pod's message: "Error" for a plain
  // non-zero exit, "OOMKilled" when the kernel killed it for memory (operator.go inferFailedReason).
  std::string reason = "Error";
  std::optional<std::string> error; // the pod vanishes / errors with this message
  // The kubelet evicts the pod when `pending` ends, before main starts (pod reason Evicted, this message);
  // `evictions` pods of the attempt in a row, each one a restart when the controller's failedPodRestart is
  // on.
  std::optional<std::string> evicted;
  int evictions = 1;
  bool ignoresSigterm = false;
  // What main prints (the pod's outputs.result, when the controller asks for it); nullopt: not said.
  std::optional<std::string> result;
  // Values of the template's output parameters, as the executor would read them from valueFrom.
  std::vector<std::pair<Located<std::string>, std::string>> parameters;
  SourcePos pos;
};

struct PodBehaviour {
  std::vector<AttemptBehaviour> attempts; // the last one repeats
  SourcePos pos;
};

// The workflow-controller-configmap's failedPodRestart (config/config.go FailedPodRestartConfig, v4.0+).
struct FailedPodRestart {
  bool enabled = false;
  std::int32_t maxRestarts = 3; // GetMaxRestarts: 3 when unset
  SourcePos pos;
};

struct ControllerSettings {
  std::string startAt = "2024-07-04T00:00:00Z";
  std::int64_t startAtUnixSeconds = 1720051200;
  std::optional<Located<std::string>> transientErrorPattern; // the controller's TRANSIENT_ERROR_PATTERN
  // The release simulated (`argoVersion`), when the Scenario names one; null means v4.1.
  const ArgoProfile* argoProfile = nullptr;
  SourcePos argoVersionPos;
  std::optional<FailedPodRestart> failedPodRestart;
};

struct Scenario {
  bool present = false;
  std::vector<std::pair<Located<std::string>, PodBehaviour>> pods; // in document order
  ControllerSettings controller;
  SourcePos pos;
};

} // namespace argosim
