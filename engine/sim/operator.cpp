// The reconcile loop and template dispatch of the simulated controller (operator.go: operate,
// executeTemplate).
#include "engine/sim/operator.hpp"

#include "engine/model/int_resolution.hpp"
#include "engine/model/template_defaults.hpp"
#include "engine/sim/node_id.hpp"
#include "engine/time/template_timeout.hpp"

#include <algorithm>
#include <string_view>

namespace argosim {

namespace {
// operator.go: stepsOrDagSeparator, stripped from a display name after the boundary's name.
std::string displayNameFor(const std::string& name, const std::string& boundaryName) {
  if (boundaryName.empty() || name.rfind(boundaryName, 0) != 0) return name;
  const std::string_view rest = std::string_view(name).substr(boundaryName.size());
  // The separator is `^(\[\d+\])?\.`: an optional step-group index, then a dot.
  std::size_t i = 0;
  if (!rest.empty() && rest[0] == '[') {
    std::size_t j = 1;
    while (j < rest.size() && rest[j] >= '0' && rest[j] <= '9')
      ++j;
    if (j > 1 && j < rest.size() && rest[j] == ']') i = j + 1;
  }
  if (i < rest.size() && rest[i] == '.') return std::string(rest.substr(i + 1));
  return std::string(rest);
}
} // namespace

const char* nodePhaseName(NodePhase phase) {
  switch (phase) {
  case NodePhase::Pending:
    return "Pending";
  case NodePhase::Running:
    return "Running";
  case NodePhase::Succeeded:
    return "Succeeded";
  case NodePhase::Skipped:
    return "Skipped";
  case NodePhase::Failed:
    return "Failed";
  case NodePhase::Error:
    return "Error";
  case NodePhase::Omitted:
    return "Omitted";
  }
  return "";
}

const char* nodeTypeName(NodeType type) {
  switch (type) {
  case NodeType::Pod:
    return "Pod";
  case NodeType::Retry:
    return "Retry";
  case NodeType::Steps:
    return "Steps";
  case NodeType::StepGroup:
    return "StepGroup";
  case NodeType::DAG:
    return "DAG";
  case NodeType::TaskGroup:
    return "TaskGroup";
  case NodeType::Skipped:
    return "Skipped";
  case NodeType::Suspend:
    return "Suspend";
  }
  return "";
}

Operator::Operator(const Workflow& workflow, const Scenario& scenario, const Limits& limits,
                   const ArgoProfile& profile)
    : workflow_(workflow), scenario_(scenario), limits_(limits), profile_(profile) {
  // config/config.go: the controller's failedPodRestart exists from v4.0.0; older controllers have no such
  // key.
  if (const auto& f = scenario.controller.failedPodRestart; f && f->enabled && !profile.failedPodRestart)
    diagnostics_.push_back(Diagnostic{Severity::Warning, f->pos, "controller.failedPodRestart",
                                      "failedPodRestart is a controller setting from Argo v4.0; Argo " +
                                          std::string(profile.version) +
                                          " has none, so an evicted pod fails its node"});
}

// ---------------------------------------------------------------------------------------------------------------
// Nodes

Node* Operator::findNode(std::string_view name) {
  const int i = nodeIndex(name);
  return i < 0 ? nullptr : &nodeAt(i);
}

const Node* Operator::findNodeById(const std::string& id) const {
  const auto it = nodeById_.find(id);
  return it == nodeById_.end() ? nullptr : &nodes_[static_cast<std::size_t>(it->second)];
}

int Operator::nodeIndex(std::string_view name) const {
  const auto it = nodeByName_.find(name);
  return it == nodeByName_.end() ? -1 : it->second;
}

// operator.go: initializeNode
Node& Operator::initializeNode(const std::string& name, NodeType type, const std::string& templateName,
                               const std::string& boundaryId, NodePhase phase, const ExecuteOptions& opts,
                               const std::string& message) {
  if (nodes_.size() + 1 >= limits_.maxNodes) limitHit_ = true; // this node is the last one
  Node node;
  node.id = nodeId(workflow_.name.value, name);
  node.name = name;
  node.type = type;
  node.templateName = templateName;
  node.boundaryId = boundaryId;
  node.phase = phase;
  node.message = message;
  if (phase == NodePhase::Error) noteSimulatorBound(message);
  node.startedAt = now_;
  node.retried = opts.retried;
  node.hooked = opts.hooked;
  node.onExitPod = opts.onExitTemplate;
  if (opts.retried) node.attempt = opts.attempt;
  const Node* boundary = boundaryId.empty() ? nullptr : findNodeById(boundaryId);
  const std::string boundaryName = boundary ? boundary->name : "";
  node.displayName = boundaryName.empty() ? name : displayNameFor(name, boundaryName);
  if (node.fulfilled()) node.finishedAt = node.startedAt;
  nodes_.push_back(std::move(node));
  nodeByName_[name] = static_cast<int>(nodes_.size() - 1);
  nodeById_[nodes_.back().id] = static_cast<int>(nodes_.size() - 1);
  changed_ = true;
  Node& created = nodes_.back();
  event(created, "created", std::string(nodeTypeName(type)) + " " + nodePhaseName(phase));
  return created;
}

void Operator::addChildNode(const std::string& parentName, const std::string& childName) {
  if (Node* parent = findNode(parentName)) addChild(*parent, nodeId(workflow_.name.value, childName));
}

void Operator::addChild(Node& parent, const std::string& childId) {
  // A set of edges keeps this O(1): a fan-out re-adds thousands of children on every reconcile.
  if (childEdges_.find(std::pair<std::string_view, std::string_view>(parent.id, childId)) !=
      childEdges_.end())
    return;
  childEdges_.emplace(parent.id, childId);
  parent.children.push_back(childId);
  changed_ = true;
}

// operator.go: markNodePhase — the message only changes when one is given; a terminal phase stamps
// finishedAt.
Node& Operator::markNodePhase(Node& node, NodePhase phase, std::optional<std::string> message,
                              const char* endedBy) {
  const bool wasFulfilled = node.fulfilled();
  const NodePhase oldPhase = node.phase;
  bool messageChanged = false; // not a copy of the old message: reconciles call this for every node
  if (node.phase != phase) {
    node.phase = phase;
    changed_ = true;
  }
  if (message && *message != node.message) {
    node.message = std::move(*message);
    messageChanged = true;
    changed_ = true;
  }
  if (node.fulfilled() && !node.finishedAt) {
    node.finishedAt = now_;
    changed_ = true;
  }
  if (endedBy && node.fulfilled() && !wasFulfilled) node.endedBy = endedBy;
  if (!wasFulfilled && node.fulfilled())
    event(node, "finished",
          std::string(nodePhaseName(node.phase)) + (node.message.empty() ? "" : ": " + node.message));
  else if (oldPhase != node.phase && node.phase == NodePhase::Running)
    event(node, "running", "");
  else if (!node.fulfilled() && messageChanged && !node.message.empty())
    event(node, node.message.rfind("Backoff for ", 0) == 0 ? "backoff" : "message", node.message);
  return node;
}

Node& Operator::markNodeError(Node& node, const ControllerError& err) {
  noteSimulatorBound(err.message);
  return markNodePhase(node, NodePhase::Error, err.message, err.endedBy);
}

// A limit of the simulator's own (not Argo's) changed the outcome: say so where the user looks first.
void Operator::noteSimulatorBound(const std::string& message) {
  const bool bound =
      message.find("argosim:") != std::string::npos || message.find("simulator's limit") != std::string::npos;
  if (bound && boundsReported_.insert(message).second)
    diagnostics_.push_back(Diagnostic{Severity::Warning, {}, "", "simulator bound, not Argo's: " + message});
}

void Operator::event(const Node& node, const char* kind, std::string message) {
  if (events_.size() >= limits_.maxEvents) {
    limitHit_ = true;
    return;
  }
  events_.push_back(TimelineEvent{now_, node.name, kind, std::move(message)});
}

void Operator::deadline(const char* kind, const std::string& nodeName, Nanos at) {
  // Reconciles recompute the same deadline again and again; keep the first of each.
  if (deadlinesSeen_.insert(std::string(kind) + '\n' + nodeName + '\n' + std::to_string(at)).second)
    deadlines_.push_back(DeadlineRecord{kind, nodeName, at});
}

void Operator::requeueAt(Nanos at) {
  timers_.insert(std::max(at, now_));
}

std::optional<Nanos> Operator::nextTimer() const {
  if (timers_.empty()) return std::nullopt;
  return *timers_.begin();
}

void Operator::popTimersUpTo(Nanos t) {
  while (!timers_.empty() && *timers_.begin() <= t)
    timers_.erase(timers_.begin());
}

std::optional<Nanos> Operator::nextPodChangeAfter(Nanos t) const {
  std::optional<Nanos> next;
  for (const auto& pod : pods_) {
    if (pod.nodeIndex < 0 || nodes_[static_cast<std::size_t>(pod.nodeIndex)].fulfilled()) continue;
    const auto at = pod.nextChangeAfterOrAt(t + 1);
    if (at && (!next || *at < *next)) next = at;
  }
  return next;
}

// ---------------------------------------------------------------------------------------------------------------
// The reconcile

void Operator::failWorkflowInvalidSpec(const std::string& message) {
  now_ = 0;
  started_ = true;
  markWorkflowPhase("Failed", "invalid spec: " + message);
}

// operator.go: markWorkflowPhase (the parts visible in the result).
void Operator::markWorkflowPhase(const std::string& phase, const std::string& message) {
  if (workflowPhase_ != phase || workflowMessage_ != message) changed_ = true;
  workflowPhase_ = phase;
  workflowMessage_ = message;
  if (phase == "Error") {
    // A still-running entry node is stamped with the operation error.
    if (Node* entry = findNode(workflow_.name.value); entry && entry->phase == NodePhase::Running) {
      entry->phase = NodePhase::Error;
      entry->message = "Workflow operation error";
    }
  }
  if (phase == "Succeeded" || phase == "Failed" || phase == "Error") {
    workflowFinishedAt_ = now_;
    workflowCompleted_ = true;
    events_.push_back(TimelineEvent{now_, workflow_.name.value, "workflow-finished",
                                    phase + (message.empty() ? "" : ": " + message)});
  }
}

// operator.go: operate
void Operator::operate(Nanos t, bool podEventsAtNowVisible) {
  changed_ = false;
  if (workflowCompleted_) return;
  now_ = t;
  if (!started_) {
    // markWorkflowRunning, then getWorkflowDeadline: startedAt truncated to the second plus the spec's ADS.
    started_ = true;
    workflowPhase_ = "Running";
    changed_ = true;
    if (workflow_.activeDeadlineSeconds) {
      const auto ads = workflow_.activeDeadlineSeconds->value;
      const Nanos d =
          ads > kMaxNanos / kSecond ? kMaxNanos : (ads < kMinNanos / kSecond ? kMinNanos : ads * kSecond);
      workflowDeadline_ = d;
      deadline("workflow", workflow_.name.value, d);
      requeueAt(d); // the first reconcile asks to be woken at the deadline
    }
  } else {
    podReconciliation(podEventsAtNowVisible);
    failNodesWithoutCreatedPodsAfterDeadline();
  }

  ControllerError err;
  err.kind = ControllerError::Kind::Generic;
  err.message.clear();
  TemplateCall entry{workflow_.entrypoint.value, {}, ""};
  for (const auto& p : workflow_.arguments)
    if (p.value) entry.arguments[p.name.value] = p.value->value;
  Node* node = executeTemplate(workflow_.name.value, entry, ExecuteOptions{}, &err);
  if (!err.message.empty()) {
    if (err.kind == ControllerError::Kind::ParallelismReached) return;
    if (!workflowCompleted_) markWorkflowPhase("Error", "error in entry template execution: " + err.message);
    return;
  }
  if (!node || !node->fulfilled()) return;

  std::string phase;
  switch (node->phase) {
  case NodePhase::Succeeded:
  case NodePhase::Skipped:
  case NodePhase::Omitted:
    phase = "Succeeded";
    break;
  case NodePhase::Failed:
    phase = "Failed";
    break;
  case NodePhase::Error:
    phase = "Error";
    break;
  default:
    return;
  }
  const std::string nodeMessage = node->message;

  // The workflow's exit handler runs once the entry node is done (operator.go: operate, HasExitHook).
  Node* onExit = nullptr;
  std::string exitTemplate;
  if (workflow_.onExit) exitTemplate = workflow_.onExit->value;
  if (auto it = workflow_.hooks.find("exit"); it != workflow_.hooks.end())
    exitTemplate = it->second.templateName.value;
  if (!exitTemplate.empty()) {
    ExecuteOptions opts;
    opts.onExitTemplate = true;
    opts.hooked = true;
    ControllerError exitErr;
    TemplateCall call{exitTemplate, entry.arguments, ""};
    onExit = executeTemplate(workflow_.name.value + ".onExit", call, opts, &exitErr);
    if (!exitErr.message.empty()) {
      if (exitErr.kind == ControllerError::Kind::ParallelismReached) return;
      if (!workflowCompleted_)
        markWorkflowPhase("Error", "error in exit template execution : " + exitErr.message);
      return;
    }
    if (!onExit || !onExit->fulfilled()) return;
  }

  if (phase == "Succeeded") {
    if (onExit && onExit->phase == NodePhase::Failed)
      markWorkflowPhase("Failed", onExit->message);
    else if (onExit && onExit->phase == NodePhase::Error)
      markWorkflowPhase("Error", onExit->message);
    else
      markWorkflowPhase("Succeeded", "");
  } else {
    markWorkflowPhase(phase, nodeMessage);
  }
}

// operator.go: podReconciliation, with exec_control.go: applyExecutionControl after each pod's assessment.
void Operator::podReconciliation(bool podEventsAtNowVisible) {
  for (auto& pod : pods_) {
    if (pod.nodeIndex < 0) continue;
    Node& node = nodeAt(pod.nodeIndex);
    if (node.fulfilled()) continue;
    assessPod(node, pod, podEventsAtNowVisible);
  }
}

void Operator::assessPod(Node& node, Pod& pod, bool visibleNow) {
  const auto seen = [&](std::optional<Nanos> at) {
    return at && (*at < now_ || (visibleNow && *at == now_));
  };
  const auto ending = pod.ending();
  if (ending && seen(ending->at)) {
    if (ending->phase == PodPhase::Vanished) {
      // The pod is gone. A node younger than RECENTLY_STARTED_POD_DURATION (10 s) gets a grace period.
      const Nanos grace = 10 * kSecond;
      if (node.phase == NodePhase::Pending) markNodePhase(node, NodePhase::Running);
      if (now_ - node.startedAt < grace) {
        requeueAt(node.startedAt + grace);
        return;
      }
      pod.phase = PodPhase::Vanished;
      markNodePhase(node, NodePhase::Error, ending->message, ended_by::kPodError);
      return;
    }
    if (restartEvictedPod(node, pod, *ending)) return;
    pod.phase = ending->phase;
    if (ending->exitCode) node.exitCode = ending->exitCode;
    // The node finishes when its containers did, not when the controller noticed.
    if (!node.finishedAt) node.finishedAt = ending->at;
    const NodePhase phase = ending->phase == PodPhase::Succeeded ? NodePhase::Succeeded
                            : ending->error                      ? NodePhase::Error
                                                                 : NodePhase::Failed;
    // Compare the text: the same literal need not have one address across translation units.
    const std::string_view endedBy = ending->endedBy;
    // The wait container reports outputs once main has run, whether it succeeded or not (executor PostMain,
    // which reports with a context that outlives the pod's SIGTERM).
    if (ending->exitCode)
      if (const auto it = podOutputs_.find(pod.nodeIndex); it != podOutputs_.end()) node.outputs = it->second;
    if (endedBy == ended_by::kKubeletDeadline || endedBy == ended_by::kExecutorDeadline) {
      std::string who = endedBy == ended_by::kKubeletDeadline
                            ? "killed by the kubelet: pod activeDeadlineSeconds passed"
                            : "killed by the executor: ARGO_DEADLINE passed";
      if (ending->exitCode) who += ", exit code " + std::to_string(*ending->exitCode);
      const Nanos saved = now_;
      now_ = ending->at;
      event(node, "killed", who);
      now_ = saved;
    }
    const Nanos saved = now_;
    now_ = ending->at; // stamp the event at the pod's own time
    markNodePhase(node, phase, ending->message, ending->endedBy);
    now_ = saved;
    return;
  }
  if (seen(pod.runningAt()) && node.phase == NodePhase::Pending) {
    pod.phase = PodPhase::Running;
    const Nanos saved = now_;
    now_ = *pod.runningAt();
    markNodePhase(node, NodePhase::Running, std::string());
    now_ = saved;
  }
  // exec_control.go: applyExecutionControl — past the workflow deadline, pending and running pods are
  // terminated and their nodes failed, except exit-handler pods.
  if (pastWorkflowDeadline() && !node.onExitPod && !node.fulfilled()) {
    pod.terminatedByController = true;
    markNodePhase(node, NodePhase::Failed, std::string("Step exceeded its deadline"),
                  ended_by::kWorkflowDeadline);
  }
}

// operator.go: podReconciliation on a Failed pod, shouldAutoRestartPod — with the controller's
// failedPodRestart on (v4.0+), a pod that failed before main started, for a restartable reason
// (pod_restart.go isRestartableReason: Evicted here), sends its node back to Pending and is deleted; the node
// gets a new pod (the same name) when it is executed next, in this same reconcile. No retry is used. Past
// maxRestarts the failure stands.
bool Operator::restartEvictedPod(Node& node, Pod& pod, const PodEnding& ending) {
  const auto& config = scenario_.controller.failedPodRestart;
  if (std::string_view(ending.endedBy) != ended_by::kEvicted || !profile_.failedPodRestart || !config ||
      !config->enabled || node.failedPodRestarts >= config->maxRestarts)
    return false;
  ++node.failedPodRestarts;
  pod.phase = PodPhase::Failed;
  pod.nodeIndex = -1; // deleted: no longer reconciled
  node.podIndex = -1;
  node.message = "Pod auto-restarting due to Evicted: " + ending.message; // the node stays Pending
  changed_ = true;
  const Nanos saved = now_;
  now_ = ending.at;
  event(node, "restarted",
        node.message + " (restart " + std::to_string(node.failedPodRestarts) + " of at most " +
            std::to_string(config->maxRestarts) + "; no retry used)");
  now_ = saved;
  return true;
}

// operator.go: failNodesWithoutCreatedPodsAfterDeadlineOrShutdown
void Operator::failNodesWithoutCreatedPodsAfterDeadline() {
  if (!pastWorkflowDeadline()) return;
  for (auto& node : nodes_) {
    if (node.fulfilled() || node.onExitPod) continue;
    const bool activeSuspend = node.type == NodeType::Suspend && node.phase == NodePhase::Running;
    if (node.phase == NodePhase::Pending || activeSuspend)
      markNodePhase(node, NodePhase::Failed, std::string("Step exceeded its deadline"),
                    ended_by::kWorkflowDeadline);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Templates

const Template* Operator::resolveTemplate(const std::string& name) const {
  return workflow_.findTemplate(name);
}

const RetryStrategy* Operator::retryStrategyFor(const Template& tmpl) const {
  // operator.go: retryStrategy — the template's own, else the workflow's spec.retryStrategy.
  if (tmpl.retryStrategy) return &*tmpl.retryStrategy;
  if (workflow_.retryStrategy) return &*workflow_.retryStrategy;
  return nullptr;
}

namespace {
// The fields of a template that processTemplate substitutes, one callback per string: one list for both
// substituting and for telling whether any field refers to a parameter at all.
template <class T, class F> void forEachParamField(T& tmpl, F&& f) {
  const auto text = [&](auto& field) {
    if (field) f(field->value);
  };
  const auto intOrString = [&](auto& field) {
    if (field && field->isString) f(field->stringValue);
  };
  intOrString(tmpl.activeDeadlineSeconds);
  text(tmpl.timeout);
  text(tmpl.pendingTimeout);
  intOrString(tmpl.parallelism);
  text(tmpl.suspendDuration);
  if (tmpl.retryStrategy) {
    auto& rs = *tmpl.retryStrategy;
    intOrString(rs.limit);
    text(rs.retryPolicy);
    if (rs.backoff) {
      text(rs.backoff->duration);
      intOrString(rs.backoff->factor);
      text(rs.backoff->cap);
      text(rs.backoff->maxDuration);
    }
  }
  for (auto& s : tmpl.command)
    f(s);
  for (auto& s : tmpl.args)
    f(s);
  f(tmpl.scriptSource);
  for (auto& p : tmpl.outputs) {
    text(p.value);
    text(p.valueFromDefault);
  }
}

// substituteParams leaves text without `{{` as it is, so a template none of whose fields has one comes out
// of processTemplate unchanged, whatever the parameters.
bool mentionsParams(const Template& tmpl) {
  bool found = false;
  forEachParamField(tmpl, [&](const std::string& s) { found = found || s.find("{{") != std::string::npos; });
  return found;
}
} // namespace

const Operator::PreparedTemplate& Operator::prepared(const Template& found) {
  auto it = prepared_.find(&found);
  if (it == prepared_.end()) {
    PreparedTemplate prep;
    prep.merged =
        workflow_.templateDefaults ? mergeTemplateDefaults(*workflow_.templateDefaults, found) : found;
    prep.header = prep.merged;
    prep.header.steps.clear();
    prep.header.tasks.clear();
    prep.substitutes = mentionsParams(prep.header);
    it = prepared_.emplace(&found, std::move(prep)).first;
  }
  return it->second;
}

// common.ProcessArgs / SubstituteParams, limited to the fields the simulation reads (the body's steps and
// tasks are substituted per call where they run).
Template Operator::processTemplate(const Template& tmpl, const Params& params) const {
  Template out = tmpl;
  forEachParamField(out, [&](std::string& s) { s = substituteParams(s, params); });
  return out;
}

// operator.go: checkTemplateTimeouts — only a node still Pending past its timeout/pendingTimeout fails here.
std::optional<ControllerError> Operator::checkTemplateTimeouts(const Template& tmpl, Node* node) {
  if (!node) return std::nullopt;
  std::optional<Nanos> due;
  const auto check = [&](const std::optional<Located<std::string>>& field,
                         bool pendingOnly) -> std::optional<ControllerError> {
    if (!field || field->value.empty()) return std::nullopt;
    if (pendingOnly && node->phase != NodePhase::Pending) return std::nullopt;
    const auto parsed = parseTemplateTimeout(field->value, profile_);
    if (!parsed.ok) return ControllerError{ControllerError::Kind::Generic, parsed.error};
    const Nanos at = addSaturating(node->startedAt, parsed.value);
    if (node->phase == NodePhase::Pending && now_ >= at) // now.After(at), with now = t + ε
      return ControllerError{ControllerError::Kind::Timeout, "timeout", ended_by::kTimeout};
    if (!due || at < *due) due = at;
    return std::nullopt;
  };
  if (auto e = check(tmpl.timeout, false)) return e;
  if (auto e = check(tmpl.pendingTimeout, true)) return e;
  // Before v4.1 nothing wakes the controller here: a Pending node's timeout is seen at the next reconcile.
  if (profile_.pendingTimeout && due && now_ < *due) requeueAt(*due);
  return std::nullopt;
}

// The parameters a template call has in scope: its inputs, the workflow's, the node's name, and the caller's
// `item` and dotted arguments.
Params Operator::callScope(const Template& merged, const TemplateCall& call,
                           const std::string& nodeName) const {
  Params scope;
  for (const auto& input : merged.inputs) {
    std::string value;
    if (auto it = call.arguments.find(input.name.value); it != call.arguments.end())
      value = it->second;
    else if (input.value)
      value = input.value->value;
    scope["inputs.parameters." + input.name.value] = value;
  }
  scope["workflow.name"] = workflow_.name.value;
  // operator.go: setGlobalParameters — every spec.arguments parameter with a value is a global
  // `{{workflow.parameters.<name>}}`, usable in any template, e.g. as a step's withParam.
  for (const auto& p : workflow_.arguments)
    if (p.value) scope["workflow.parameters." + p.name.value] = p.value->value;
  scope["node.name"] = nodeName;
  for (const auto& [k, v] : call.arguments)
    if (k.find('.') != std::string::npos || k == "item") scope[k] = v;
  return scope;
}

// operator.go: executeTemplate
Node* Operator::executeTemplate(const std::string& nodeName, const TemplateCall& call, ExecuteOptions opts,
                                ControllerError* errOut) {
  Node* node = findNode(nodeName);
  struct DepthGuard {
    int& depth;
    explicit DepthGuard(int& d) : depth(d) { ++depth; }
    ~DepthGuard() { --depth; }
  } guard(stackDepth_);

  const auto initializeNodeOrMarkError = [&](const ControllerError& err) -> Node* {
    *errOut = err;
    if (node) return &markNodeError(*node, err);
    return &initializeNode(nodeName, NodeType::Skipped, call.templateName, opts.boundaryId, NodePhase::Error,
                           opts, err.message);
  };

  if (stackDepth_ >= kMaxStackDepth)
    return initializeNodeOrMarkError(
        {ControllerError::Kind::MaxDepthExceeded,
         "Maximum recursion depth exceeded. See "
         "https://argo-workflows.readthedocs.io/en/latest/scaling/#maximum-recursion-depth",
         ended_by::kConfigError});
  if (limitHit_) return node;
  // handleNodeFulfilled: a finished node is returned as it is. Checked before the template is processed
  // again, which only matters for cost (the template resolved when the node was created).
  if (node && node->fulfilled()) return node;

  const Template* found = resolveTemplate(call.templateName);
  if (!found)
    return initializeNodeOrMarkError({ControllerError::Kind::Generic,
                                      "template " + call.templateName + " not found",
                                      ended_by::kConfigError});
  const PreparedTemplate& prep = prepared(*found);
  const Template& merged = prep.merged;
  // The scope feeds processTemplate and a steps or DAG body: a leaf none of whose fields mentions a
  // parameter needs none, and is used as prepared (processTemplate would return it unchanged).
  const bool composite = merged.type == TemplateType::Steps || merged.type == TemplateType::Dag;
  const bool needsScope = prep.substitutes || composite;
  Params scope;
  if (needsScope) scope = callScope(merged, call, nodeName);
  std::optional<Template> processed;
  if (prep.substitutes) processed = processTemplate(prep.header, scope);
  const Template& tmpl = processed ? *processed : prep.header;

  if (auto e = checkTemplateTimeouts(tmpl, node)) {
    *errOut = *e;
    if (node && e->kind == ControllerError::Kind::Timeout)
      return &markNodePhase(*node, NodePhase::Failed, e->message, ended_by::kTimeout);
    if (node) return &markNodeError(*node, *e);
    return node;
  }
  if (auto e = checkParallelism(tmpl, node, opts.boundaryId)) {
    *errOut = *e;
    return node;
  }

  // The node that runs the template: this one, or with a retry strategy (this one is then the Retry node) its
  // current attempt. Pointed at, not copied: every visit of a fan-out's items comes through here.
  const std::string* execName = &nodeName;
  std::string newAttemptName;
  const RetryStrategy* strategy = retryStrategyFor(tmpl);
  if (strategy) {
    Node* retry = node;
    if (!retry)
      retry = &initializeNode(nodeName, NodeType::Retry, tmpl.name.value, opts.boundaryId, NodePhase::Running,
                              opts);
    opts.retried = true;
    // processNodeRetries adds no children and changes none, so one walk over them serves both.
    bool childrenDone = true;
    const auto attempts = attemptsOf(*retry, &childrenDone);
    const auto decision = processNodeRetries(*retry, *strategy, attempts, opts);
    if (decision.error) {
      *errOut = *decision.error;
      return &markNodeError(*retry, *decision.error);
    }
    if (!decision.continueExecution) return retry;
    Node* last = attempts.empty() ? nullptr : &nodeAt(attempts.back());
    if (retry->fulfilled() && childrenDone) {
      if (last) retry->exitCode = last->exitCode;
      if (last && retry->phase == NodePhase::Succeeded) retry->outputs = last->outputs;
      return retry;
    }
    int retryNum;
    if (last && !last->fulfilled()) {
      execName = &last->name; // a node's name never changes, and nodes stay where they are
      retryNum = static_cast<int>(attempts.size()) - 1;
    } else {
      if (attempts.size() >= limits_.maxAttemptsPerRetryNode) {
        limitHit_ = true;
        noteSimulatorBound("argosim: more than " + std::to_string(limits_.maxAttemptsPerRetryNode) +
                           " attempts of " + nodeName + " are not simulated (retries without a limit?)");
        return retry;
      }
      retryNum = static_cast<int>(attempts.size());
      newAttemptName = nodeName + "(" + std::to_string(retryNum) + ")";
      execName = &newAttemptName;
      addChildNode(nodeName, newAttemptName);
    }
    // operator.go: executeTemplate injects {{retries}} and {{lastRetry.*}} into every attempt's template. The
    // call's own scope is not needed any more, so the attempt's is made in place.
    if (needsScope) {
      scope["retries"] = std::to_string(retryNum);
      scope["lastRetry.exitCode"] = last && last->exitCode ? std::to_string(*last->exitCode) : "0";
      scope["lastRetry.status"] = last ? nodePhaseName(last->phase) : "";
      if (profile_.lastRetryMessage) scope["lastRetry.message"] = last ? last->message : "";
    }
    if (processed) {
      processed = processTemplate(prep.header, scope);
      strategy = retryStrategyFor(tmpl); // the attempt's, substituted with the attempt's scope
    }
    opts.attempt = retryNum;
  }

  ControllerError err;
  Node* result = nullptr;
  switch (tmpl.type) {
  case TemplateType::Steps:
    result = executeSteps(*execName, merged,
                          TemplateCall{call.templateName, std::move(scope), call.stepOrTaskName}, opts);
    break;
  case TemplateType::Dag:
    result = executeDag(*execName, merged,
                        TemplateCall{call.templateName, std::move(scope), call.stepOrTaskName}, opts);
    break;
  case TemplateType::Suspend:
    result = executeSuspend(*execName, tmpl, opts, &err);
    break;
  case TemplateType::Unknown: {
    ControllerError missing{ControllerError::Kind::Generic,
                            "Template '" + tmpl.name.value + "' missing specification",
                            ended_by::kConfigError};
    *errOut = missing;
    return &initializeNode(*execName, NodeType::Skipped, tmpl.name.value, opts.boundaryId, NodePhase::Error,
                           opts, missing.message);
  }
  default:
    result = executeLeaf(*execName, tmpl, call.stepOrTaskName, opts, &err);
    break;
  }
  if (limitHit_) return result;

  if (!err.message.empty()) {
    if (err.kind == ControllerError::Kind::ParallelismReached) {
      *errOut = err;
      return result;
    }
    if (Node* failed = findNode(*execName)) result = &markNodeError(*failed, err);
    bool release = true;
    if (strategy) {
      const std::string policy = actualRetryPolicy(*strategy);
      release = policy != "Always" && policy != "OnError" && policy != "OnTransientError";
    }
    if (release) {
      *errOut = err;
      return result;
    }
  }

  Node* executed = findNode(*execName);
  if (!executed) return result;
  if (strategy) {
    Node* retry = findNode(nodeName);
    if (!retry->fulfilled() && executed->fulfilled()) {
      ControllerError again;
      retry = executeTemplate(nodeName, call, opts, &again);
      if (!again.message.empty()) {
        *errOut = again;
        return &markNodeError(*executed, again);
      }
    }
    return retry;
  }
  return executed;
}

} // namespace argosim
