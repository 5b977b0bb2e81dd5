// The simulated workflow controller: Argo's wfOperationCtx reduced to what shapes retries, deadlines and
// nodes.
#pragma once

#include "engine/limits.hpp"
#include "engine/model/argo_profile.hpp"
#include "engine/model/scenario.hpp"
#include "engine/model/workflow.hpp"
#include "engine/result/result.hpp"
#include "engine/sim/controller_error.hpp"
#include "engine/sim/node.hpp"
#include "engine/sim/params.hpp"
#include "engine/sim/pod.hpp"

#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace argosim {

struct DagContext;
struct DagShape;
struct StepGroupExpansion;

// What the caller of executeTemplate passes down (Argo's executeTemplateOpts).
struct ExecuteOptions {
  std::string boundaryId;
  bool onExitTemplate = false;
  bool retried = false;                   // nodeFlag.retried for the node about to be created
  bool hooked = false;                    // nodeFlag.hooked
  std::optional<Nanos> executionDeadline; // maxDuration deadline for a retry's pod (never for attempt 0)
  std::optional<int> attempt;             // k of the attempt node about to be created
};

// A template call: which template, with which arguments, from which step or task (for scenario keys).
struct TemplateCall {
  std::string templateName;
  Params arguments;
  std::string stepOrTaskName; // "" for the entrypoint and exit handlers
};

// Hashes a std::string and a std::string_view alike, so maps keyed by names can be searched with a view
// (C++20 heterogeneous lookup) instead of a temporary string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A children entry as (parent id, child id), hashed and compared alike as strings or views, so it can be
// looked up without building a key.
using ChildEdge = std::pair<std::string, std::string>;
struct ChildEdgeHash {
  using is_transparent = void;
  template <class Pair> std::size_t operator()(const Pair& e) const {
    return std::hash<std::string_view>{}(e.first) * 31 + std::hash<std::string_view>{}(e.second);
  }
};
struct ChildEdgeEqual {
  using is_transparent = void;
  template <class A, class B> bool operator()(const A& a, const B& b) const {
    return a.first == b.first && a.second == b.second;
  }
};

class Operator {
public:
  Operator(const Workflow& workflow, const Scenario& scenario, const Limits& limits,
           const ArgoProfile& profile);

  // One reconcile at virtual time t (the controller's `now` is t + ε). Pod-side changes at exactly t are
  // visible only when `podEventsAtNowVisible` (spec §6.2 M3: timer reconciles run before same-instant pod
  // events).
  void operate(Nanos t, bool podEventsAtNowVisible);

  bool completed() const { return workflowCompleted_; }
  // Whether the last operate() changed any node or the workflow (the fixed-point test).
  bool changed() const { return changed_; }
  bool limitHit() const { return limitHit_; }

  // Controller timers (requeueAfter) and pod-side changes still to come, for the event loop.
  std::optional<Nanos> nextTimer() const;
  void popTimersUpTo(Nanos t);
  std::optional<Nanos> nextPodChangeAfter(Nanos t) const;

  // The contract's Result; the operator is spent afterwards.
  Result takeResult();
  void addDiagnostic(Diagnostic d) { diagnostics_.push_back(std::move(d)); }
  void failWorkflowInvalidSpec(const std::string& message);

private:
  // --- nodes (operator.go: initializeNode, markNodePhase, …)
  Node* findNode(std::string_view name);
  const Node* findNodeById(const std::string& id) const;
  Node& nodeAt(int index) { return nodes_[static_cast<std::size_t>(index)]; }
  int nodeIndex(std::string_view name) const;
  Node& initializeNode(const std::string& name, NodeType type, const std::string& templateName,
                       const std::string& boundaryId, NodePhase phase, const ExecuteOptions& opts,
                       const std::string& message = "");
  void addChildNode(const std::string& parentName, const std::string& childName);
  void addChild(Node& parent, const std::string& childId);
  Node& markNodePhase(Node& node, NodePhase phase, std::optional<std::string> message = std::nullopt,
                      const char* endedBy = nullptr);
  Node& markNodeError(Node& node, const ControllerError& err);
  void noteSimulatorBound(const std::string& message);
  void event(const Node& node, const char* kind, std::string message);
  void deadline(const char* kind, const std::string& nodeName, Nanos at);

  // --- the reconcile (operator.go: operate, podReconciliation,
  // failNodesWithoutCreatedPodsAfterDeadlineOrShutdown)
  void podReconciliation(bool podEventsAtNowVisible);
  void assessPod(Node& node, Pod& pod, bool podEventsAtNowVisible);
  bool restartEvictedPod(Node& node, Pod& pod, const PodEnding& ending);
  void failNodesWithoutCreatedPodsAfterDeadline();
  bool pastWorkflowDeadline() const { return workflowDeadline_ && now_ >= *workflowDeadline_; }
  void markWorkflowPhase(const std::string& phase, const std::string& message);

  // --- templates (operator.go: executeTemplate and the per-type executors)
  Node* executeTemplate(const std::string& nodeName, const TemplateCall& call, ExecuteOptions opts,
                        ControllerError* errOut);
  const Template* resolveTemplate(const std::string& name) const;
  // A template with templateDefaults merged, prepared once: `merged` is read for the body (steps, tasks),
  // `header` is the same without the body, what each call copies and substitutes.
  struct PreparedTemplate {
    Template merged;
    Template header;
    bool substitutes = false; // whether processTemplate can change `header` (a field holds a `{{`)
  };
  const PreparedTemplate& prepared(const Template& found);
  Template processTemplate(const Template& tmpl, const Params& params) const;
  Params callScope(const Template& merged, const TemplateCall& call, const std::string& nodeName) const;
  std::optional<ControllerError> checkTemplateTimeouts(const Template& tmpl, Node* node);
  std::optional<ControllerError> checkParallelism(const Template& tmpl, Node* node,
                                                  const std::string& boundaryId);
  const RetryStrategy* retryStrategyFor(const Template& tmpl) const;

  // operator_retry.cpp (operator.go: processNodeRetries, buildRetryStrategyLocalScope)
  struct RetryDecision {
    bool continueExecution = true;
    std::optional<ControllerError> error;
  };
  RetryDecision processNodeRetries(Node& retryNode, const RetryStrategy& strategy,
                                   const std::vector<int>& attempts, ExecuteOptions& opts);
  // `allFulfilled`, when given, is cleared unless every child that exists (attempt or hook) is fulfilled.
  std::vector<int> attemptsOf(const Node& retryNode, bool* allFulfilled = nullptr) const;
  // types.go RetryPolicyActual.
  std::string actualRetryPolicy(const RetryStrategy& strategy) const;

  // operator_pod.cpp (executeContainer, createWorkflowPod, podBuilder.build, getDeadline)
  // A leaf's call matters only through its step or task name (a scenario key).
  Node* executeLeaf(const std::string& nodeName, const Template& tmpl, const std::string& stepOrTaskName,
                    const ExecuteOptions& opts, ControllerError* errOut);
  std::optional<ControllerError> createWorkflowPod(Node& node, const Template& tmpl,
                                                   const std::string& stepOrTaskName,
                                                   const ExecuteOptions& opts);
  AttemptBehaviour behaviourFor(const Node& node, const Template& tmpl, const std::string& stepOrTaskName,
                                std::string* source) const;
  // operator_outputs.cpp (includeScriptOutput, executor CaptureScriptResult / SaveParameters)
  NodeOutputs podOutputs(const Template& tmpl, const std::string& stepOrTaskName,
                         const std::string& boundaryId, const AttemptBehaviour& behaviour,
                         std::string* source);

  // operator_composite.cpp
  // Steps and DAG nodes carry their own errors (step group / task messages), so they return none.
  Node* executeSteps(const std::string& nodeName, const Template& tmpl, const TemplateCall& call,
                     const ExecuteOptions& opts);
  Node* executeDag(const std::string& nodeName, const Template& tmpl, const TemplateCall& call,
                   const ExecuteOptions& opts);
  Node* executeSuspend(const std::string& nodeName, const Template& tmpl, const ExecuteOptions& opts,
                       ControllerError* errOut);
  Node& executeStepGroup(const std::vector<WorkflowStep>& group, const std::string& sgName,
                         const std::string& boundaryId, bool onExitTemplate, const Params& scope);
  std::shared_ptr<const StepGroupExpansion> expandStepGroup(const std::vector<WorkflowStep>& group,
                                                            const std::string& sgName, const Params& scope);
  void updateOutboundNodes(const std::string& nodeName, const Template& tmpl);
  DagShape& dagShape(const Template& tmpl);
  void executeDagTask(DagContext& dag, const std::string& root, const Params& scope);
  // The end of executeDAG: its phase, and a succeeded DAG's outputs (getTemplateOutputsFromScope).
  Node& finishDag(const Template& tmpl, DagContext& dag, const Params& arguments, Node& node,
                  NodePhase phase);
  std::optional<ControllerError> dagOutputs(const Template& tmpl, DagContext& dag, const Params& arguments,
                                            Node& node);
  bool beginDagTask(DagContext& dag, const std::string& taskName);
  void finishDagTask(DagContext& dag, const std::string& taskName, const Params& scope);
  std::vector<std::string> outboundNodes(const std::string& id, int depth) const;
  std::pair<bool, Node*> runOnExitNode(const Invocation& call, Node& parent, const std::string& boundaryId,
                                       ControllerError* errOut);

  // operator_scope.cpp
  // buildLocalScope for a finished step or task (a Retry node's values are its last attempt's).
  void addToScope(Params& scope, const char* prefix, const std::string& name, const Node& node);
  // processAggregateNodeOutputs for a fanned-out step or task.
  void addFanOutToScope(Params& scope, const char* prefix, const std::string& name,
                        std::vector<const Node*> items);
  // getTemplateOutputsFromScope: a steps or DAG template's outputs, from the scope its children built; an
  // error when an output parameter cannot be resolved and has no default.
  std::optional<ControllerError> templateOutputs(const Template& tmpl, const Params& scope, NodeOutputs* out);
  // A `{{steps.…}}` / `{{tasks.…}}` reference that keeps `nodeName` waiting.
  void noteUnresolved(const std::string& reference, const std::string& nodeName);

  void requeueAt(Nanos at);

  const Workflow& workflow_;
  const Scenario& scenario_;
  const Limits& limits_;
  const ArgoProfile& profile_;

  std::deque<Node> nodes_; // a deque: references stay valid as nodes are added
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> nodeByName_;
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> nodeById_;
  std::unordered_set<ChildEdge, ChildEdgeHash, ChildEdgeEqual> childEdges_; // every children entry
  std::vector<Pod> pods_;
  std::set<Nanos> timers_;
  std::vector<TimelineEvent> events_;
  std::vector<DeadlineRecord> deadlines_;
  std::unordered_set<std::string> deadlinesSeen_;
  std::unordered_set<std::string> boundsReported_;
  std::unordered_set<std::string> outputNotes_; // output and reference warnings already given
  // By parent template: the steps or tasks whose result it refers to (hasOutputResultRef).
  std::unordered_map<const Template*, std::unordered_set<std::string>> resultReferences_;
  // By pod node index: the outputs a pod reports when main has run (only pods that have some).
  std::unordered_map<int, NodeOutputs> podOutputs_;
  std::vector<Diagnostic> diagnostics_;
  std::unordered_map<std::string, std::string>
      podBehaviourSource_; // node id -> where its behaviour came from
  std::unordered_map<const Template*, PreparedTemplate> prepared_;
  std::unordered_map<const Template*, std::shared_ptr<DagShape>> dagShapes_;
  // The last expansion of each running step group, by its node's name: every reconcile visits every child of
  // a fan-out, and expanding thousands of items again each time cost more than visiting them. Shared, so a
  // recursive call of the same group can replace the entry while an outer frame still reads the old one.
  std::unordered_map<std::string, std::shared_ptr<const StepGroupExpansion>> stepGroupExpansions_;

  Nanos now_ = 0;
  bool started_ = false;
  bool changed_ = false;
  bool limitHit_ = false;
  // controller.go: maxAllowedStackDepth, the default bound on executeTemplate recursion.
  static constexpr int kMaxStackDepth = 100;
  int stackDepth_ = 0;
  std::size_t dagTaskVisits_ = 0;
  std::optional<Nanos> workflowDeadline_;
  std::string workflowPhase_ = "Pending";
  std::string workflowMessage_;
  std::optional<Nanos> workflowFinishedAt_;
  bool workflowCompleted_ = false;
};

} // namespace argosim
