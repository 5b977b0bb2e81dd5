// What a simulation produced: the workflow's outcome, every node, the timeline of events and deadlines.
#pragma once

#include "engine/model/argo_profile.hpp"
#include "engine/model/diagnostic.hpp"
#include "engine/model/node_outputs.hpp"
#include "engine/time/nanos.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace argosim {

// Why a node ended, in the words the page and the CLI explain. Stable strings: they are part of the contract.
namespace ended_by {
inline constexpr const char* kExit = "exit";                        // main exited by itself
inline constexpr const char* kPodError = "pod-error";               // the pod vanished or errored
inline constexpr const char* kEvicted = "evicted";                  // evicted before main started
inline constexpr const char* kKubeletDeadline = "kubelet-deadline"; // pod activeDeadlineSeconds
inline constexpr const char* kExecutorDeadline =
    "executor-deadline"; // ARGO_DEADLINE (maxDuration or workflow)
inline constexpr const char* kWorkflowDeadline =
    "workflow-deadline";                                    // controller: Step exceeded its deadline
inline constexpr const char* kTimeout = "timeout";          // template timeout while Pending
inline constexpr const char* kPodCreation = "pod-creation"; // the pod could not be built
inline constexpr const char* kSucceeded = "succeeded";      // retry/composite: a child succeeded
inline constexpr const char* kPolicy = "policy";            // retryPolicy does not retry this
inline constexpr const char* kLimit = "limit";              // No more retries left
inline constexpr const char* kExpression = "expression";    // expression evaluated to false
inline constexpr const char* kMaxDuration = "max-duration"; // Max duration limit exceeded
inline constexpr const char* kBackoffMaxDuration = "backoff-max-duration"; // Backoff would exceed ...
inline constexpr const char* kRetryDeadline = "retry-deadline";            // retry exceeded workflow deadline
inline constexpr const char* kConfigError = "config-error"; // a retryStrategy field failed to parse
inline constexpr const char* kChildren = "children";        // a composite's children decided it
inline constexpr const char* kFailFast = "fail-fast";
inline constexpr const char* kOmitted = "omitted";
inline constexpr const char* kSkipped = "skipped";
inline constexpr const char* kSuspend = "suspend";
inline constexpr const char* kInvalidSpec = "invalid-spec";
} // namespace ended_by

struct NodeRecord {
  std::string id;
  std::string name;
  std::string displayName;
  std::string type; // Pod, Retry, Steps, StepGroup, DAG, Skipped, Suspend
  std::string templateName;
  std::string parent; // id, empty for the root
  std::vector<std::string> children;
  std::string boundaryId;
  std::optional<int> attempt; // index k of a Retry node's child
  std::string phase;          // Pending, Running, Succeeded, Failed, Error, Skipped, Omitted
  std::string message;
  Nanos startedAt = 0;
  std::optional<Nanos> finishedAt;
  std::optional<int> exitCode;
  int failedPodRestarts = 0; // pods the controller recreated before main started (failedPodRestart, v4.0+)
  std::optional<std::int64_t> podActiveDeadlineSeconds;
  std::optional<Nanos> executorDeadline;
  std::optional<Nanos> runningAt; // a pod's Pending → Running moment
  std::string endedBy;
  std::string behaviour; // where a pod's behaviour came from: "scenario pods.flaky[1]", "command", "default"
  bool onExit = false;   // part of an exit handler
  NodeOutputs outputs;   // outputs.result and outputs.parameters, when the node has them
};

struct TimelineEvent {
  Nanos t = 0;
  std::string node; // node name
  std::string kind; // created, running, backoff, finished, deadline, ...
  std::string message;
};

struct DeadlineRecord {
  std::string kind; // workflow, template, pod, executor, maxDuration, timeout
  std::string node; // node name ("" for the workflow's own)
  Nanos at = 0;
};

struct WorkflowOutcome {
  std::string name;
  std::string phase = "Pending";
  std::string message;
  Nanos startedAt = 0;
  std::optional<Nanos> finishedAt;
};

struct Result {
  WorkflowOutcome workflow;
  std::vector<NodeRecord> nodes; // in creation order
  std::vector<TimelineEvent> events;
  std::vector<DeadlineRecord> deadlines;
  Diagnostics diagnostics;
  std::string startAt; // wall clock of t = 0, RFC 3339
  std::string argoVersion = std::string(kArgoV41.version);
  bool simulated = false; // false when the input could not be parsed at all
};

} // namespace argosim
