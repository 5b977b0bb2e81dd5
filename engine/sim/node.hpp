// The controller's record of one node of the workflow (Argo's NodeStatus), as the simulated operator keeps
// it.
#pragma once

#include "engine/model/node_outputs.hpp"
#include "engine/time/nanos.hpp"

#include <optional>
#include <string>
#include <vector>

namespace argosim {

enum class NodePhase { Pending, Running, Succeeded, Skipped, Failed, Error, Omitted };
enum class NodeType { Pod, Retry, Steps, StepGroup, DAG, TaskGroup, Skipped, Suspend };

const char* nodePhaseName(NodePhase phase);
const char* nodeTypeName(NodeType type);

// types: NodePhase.Fulfilled — Skipped and Omitted count as done although they never ran.
inline bool isFulfilled(NodePhase p) {
  return p == NodePhase::Succeeded || p == NodePhase::Failed || p == NodePhase::Error ||
         p == NodePhase::Skipped || p == NodePhase::Omitted;
}
inline bool isFailedOrError(NodePhase p) {
  return p == NodePhase::Failed || p == NodePhase::Error;
}

struct Node {
  std::string id;
  std::string name;
  std::string displayName;
  NodeType type = NodeType::Pod;
  std::string templateName;
  std::string boundaryId;
  std::vector<std::string> children;      // ids, in the order the controller added them
  std::vector<std::string> outboundNodes; // steps/DAG: the ids the next group or task hangs from
  NodePhase phase = NodePhase::Pending;
  std::string message;
  Nanos startedAt = 0;
  std::optional<Nanos> finishedAt;
  std::optional<int> exitCode; // outputs.exitCode
  NodeOutputs outputs;         // outputs.result and outputs.parameters
  bool retried = false;        // nodeFlag.retried: an attempt of a Retry node
  bool hooked = false;         // nodeFlag.hooked: an exit handler or lifecycle hook
  bool onExitPod = false;      // created for an exit handler (the pod's on-exit label)
  // Simulation facts for the result (not in Argo's NodeStatus).
  std::optional<int> attempt;
  std::string endedBy;
  int podIndex = -1;         // index into the operator's pods, -1 when no pod exists (yet)
  int failedPodRestarts = 0; // NodeStatus.FailedPodRestarts: pods the controller recreated (failedPodRestart)

  bool fulfilled() const { return isFulfilled(phase); }
};

} // namespace argosim
