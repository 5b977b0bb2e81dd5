// Leaf templates become pods: workflowpod.go createWorkflowPod / podBuilder.build / getDeadline (spec §4.2,
// §4.3).
#include "engine/model/int_resolution.hpp"
#include "engine/sim/command_behaviour.hpp"
#include "engine/sim/operator.hpp"
#include "engine/time/template_timeout.hpp"

namespace argosim {

namespace {
// int64((deadline - now).Seconds()) with now = t + ε: the whole seconds strictly left, truncated toward zero.
std::int64_t secondsLeft(Nanos deadline, Nanos t) {
  if (deadline <= t) return deadline == t ? 0 : -((t - deadline) / kSecond);
  return (deadline - t - 1) / kSecond;
}

// ARGO_DEADLINE travels as RFC 3339 with whole seconds; t = 0 is a whole second, so truncate toward -∞.
Nanos wholeSecond(Nanos t) {
  return t >= 0 ? t - t % kSecond : t - ((t % kSecond) + kSecond) % kSecond;
}

std::string stripAttemptSuffix(const std::string& name) {
  if (name.empty() || name.back() != ')') return name;
  const auto open = name.rfind('(');
  if (open == std::string::npos) return name;
  for (std::size_t i = open + 1; i + 1 < name.size(); ++i)
    if (name[i] < '0' || name[i] > '9') return name;
  return open + 2 <= name.size() - 1 ? name.substr(0, open) : name;
}
} // namespace

// operator.go: executeContainer (and executeScript, executeResource, … which create a pod the same way).
Node* Operator::executeLeaf(const std::string& nodeName, const Template& tmpl,
                            const std::string& stepOrTaskName, const ExecuteOptions& opts,
                            ControllerError* errOut) {
  Node* node = findNode(nodeName);
  if (!node) {
    node =
        &initializeNode(nodeName, NodeType::Pod, tmpl.name.value, opts.boundaryId, NodePhase::Pending, opts);
  }
  if (node->fulfilled()) return node;
  if (auto err = createWorkflowPod(*node, tmpl, stepOrTaskName, opts)) *errOut = *err;
  return node;
}

// workflowpod.go: createWorkflowPod — a node keeps the pod it has; a new pod's deadlines are fixed when it is
// built.
std::optional<ControllerError> Operator::createWorkflowPod(Node& node, const Template& tmpl,
                                                           const std::string& stepOrTaskName,
                                                           const ExecuteOptions& opts) {
  if (node.podIndex >= 0) return std::nullopt;

  // podBuilder.build: the pod's activeDeadlineSeconds is min(template, workflow time left); none for exit
  // handlers.
  std::optional<std::int64_t> ads;
  if (tmpl.activeDeadlineSeconds) {
    const auto value = resolveInt64(*tmpl.activeDeadlineSeconds);
    if (!value.ok)
      return ControllerError{ControllerError::Kind::Generic, value.error, ended_by::kPodCreation};
    ads = value.value;
  }
  if (workflowDeadline_ && !opts.onExitTemplate) {
    const std::int64_t left = secondsLeft(*workflowDeadline_, now_);
    if (left <= 0) return std::nullopt; // no pod: the node stays Pending until the deadline sweep fails it
    if (!ads || left < *ads) ads = left;
  }
  // A template timeout always replaces the pod deadline (the guard compares a negative number, spec §4.2).
  if (tmpl.timeout && !tmpl.timeout->value.empty()) {
    const auto timeout = parseTemplateTimeout(tmpl.timeout->value, profile_);
    if (!timeout.ok)
      return ControllerError{ControllerError::Kind::Generic, timeout.error, ended_by::kPodCreation};
    const Nanos templateDeadline = addSaturating(node.startedAt, timeout.value);
    deadline("timeout", node.name, templateDeadline);
    const bool replace = !ads || toSeconds(now_ - templateDeadline) < static_cast<double>(*ads);
    if (replace) {
      const std::int64_t left = secondsLeft(templateDeadline, now_);
      if (left <= 1)
        return ControllerError{ControllerError::Kind::Generic, node.name + " exceeded its deadline",
                               ended_by::kTimeout};
      ads = left;
    }
  }
  // Kubernetes accepts activeDeadlineSeconds in 1..2^31-1 only.
  if (ads && (*ads < 1 || *ads > 2147483647))
    return ControllerError{ControllerError::Kind::Generic,
                           "Pod \"" + node.name +
                               "\" is invalid: spec.activeDeadlineSeconds: Invalid value: " +
                               std::to_string(*ads) + ": must be between 1 and 2147483647, inclusive",
                           ended_by::kPodCreation};

  // workflowpod.go: getDeadline — the workflow deadline (not for exit handlers), or the earlier maxDuration
  // deadline a retry passes down.
  std::optional<Nanos> argoDeadline;
  if (workflowDeadline_ && !opts.onExitTemplate) argoDeadline = *workflowDeadline_;
  if (opts.executionDeadline && (!argoDeadline || *opts.executionDeadline < *argoDeadline))
    argoDeadline = opts.executionDeadline;

  Pod pod;
  pod.failedMessagePrefix = profile_.failedContainerPrefix;
  pod.nodeIndex = nodeIndex(node.name);
  pod.createdAt = now_;
  std::string source;
  pod.behaviour = behaviourFor(node, tmpl, stepOrTaskName, &source);
  // The attempt's first `evictions` pods are evicted; a restarted pod after them runs as the entry says.
  pod.evicted = pod.behaviour.evicted && node.failedPodRestarts < pod.behaviour.evictions;
  if (NodeOutputs outputs = podOutputs(tmpl, stepOrTaskName, opts.boundaryId, pod.behaviour, &source);
      !outputs.empty())
    podOutputs_[pod.nodeIndex] = std::move(outputs);
  pod.activeDeadlineSeconds = ads;
  if (argoDeadline) pod.executorDeadline = wholeSecond(*argoDeadline);
  node.podIndex = static_cast<int>(pods_.size());
  podBehaviourSource_[node.id] = source;
  if (pod.executorDeadline) deadline("executor", node.name, *pod.executorDeadline);
  if (const auto k = pod.kubeletDeadline()) deadline("pod", node.name, *k);
  pods_.push_back(std::move(pod));
  changed_ = true;
  return std::nullopt;
}

// scenario.md "Which entry a pod gets": full name, display name, step/task name, template name, `default`;
// then the container's own `sleep N; exit M`; then 10 s and exit 0.
AttemptBehaviour Operator::behaviourFor(const Node& node, const Template& tmpl,
                                        const std::string& stepOrTaskName, std::string* source) const {
  const std::string fullName = node.retried ? stripAttemptSuffix(node.name) : node.name;
  const std::string displayName = node.retried ? stripAttemptSuffix(node.displayName) : node.displayName;
  const int index = node.attempt.value_or(0);
  for (const std::string& key :
       {fullName, displayName, stepOrTaskName, tmpl.name.value, std::string("default")}) {
    if (key.empty()) continue;
    for (const auto& [name, behaviour] : scenario_.pods) {
      if (name.value != key || behaviour.attempts.empty()) continue;
      const std::size_t i =
          std::min<std::size_t>(static_cast<std::size_t>(index), behaviour.attempts.size() - 1);
      *source = "scenario pods." + key + "[" + std::to_string(i) + "]";
      return behaviour.attempts[i];
    }
  }
  if (auto fromCommand = behaviourFromCommand(tmpl)) {
    *source = "container command";
    return *fromCommand;
  }
  *source = "default (10s, exit 0)";
  return AttemptBehaviour{};
}

} // namespace argosim
