// Turns the operator's state into the contract's Result (nodes in creation order, events in time order).
#include "engine/sim/operator.hpp"
#include "engine/time/wall_clock.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace argosim {

// Moves the operator's state out (it is spent afterwards): a fan-out of thousands of pods made copying every
// node and event a fifth of the run.
Result Operator::takeResult() {
  Result r;
  r.simulated = true;
  r.argoVersion = std::string(profile_.version);
  r.startAt = formatRfc3339(scenario_.controller.startAtUnixSeconds);
  r.workflow.name = workflow_.name.value;
  r.workflow.phase = workflowPhase_;
  r.workflow.message = workflowMessage_;
  r.workflow.startedAt = 0;
  r.workflow.finishedAt = workflowFinishedAt_;

  // The first node (in creation order) listing each id as a child, by views of the children lists, which stay
  // in place: ids are moved into the records below, so the parent's is read from its record at the end.
  std::unordered_map<std::string_view, std::size_t> parentOf;
  parentOf.reserve(nodes_.size());
  for (std::size_t i = 0; i < nodes_.size(); ++i)
    for (const auto& child : nodes_[i].children)
      parentOf.emplace(child, i);
  std::vector<std::pair<std::size_t, std::size_t>> parents; // (record, parent record)
  parents.reserve(nodes_.size());

  r.nodes.reserve(nodes_.size());
  for (auto& n : nodes_) {
    NodeRecord rec;
    rec.id = std::move(n.id);
    rec.name = std::move(n.name);
    rec.displayName = std::move(n.displayName);
    rec.type = nodeTypeName(n.type);
    rec.templateName = std::move(n.templateName);
    if (auto it = parentOf.find(rec.id); it != parentOf.end())
      parents.emplace_back(r.nodes.size(), it->second);
    for (const auto& child : n.children)
      if (findNodeById(child)) rec.children.push_back(child);
    rec.boundaryId = std::move(n.boundaryId);
    rec.attempt = n.attempt;
    rec.phase = nodePhaseName(n.phase);
    rec.message = std::move(n.message);
    rec.startedAt = n.startedAt;
    rec.finishedAt = n.finishedAt;
    rec.exitCode = n.exitCode;
    rec.failedPodRestarts = n.failedPodRestarts;
    rec.outputs = std::move(n.outputs);
    rec.endedBy = std::move(n.endedBy);
    rec.onExit = n.onExitPod;
    if (n.podIndex >= 0) {
      const Pod& pod = pods_[static_cast<std::size_t>(n.podIndex)];
      rec.podActiveDeadlineSeconds = pod.activeDeadlineSeconds;
      rec.executorDeadline = pod.executorDeadline;
      if (const auto running = pod.runningAt(); running && (!n.finishedAt || *running <= *n.finishedAt))
        rec.runningAt = running;
      if (auto it = podBehaviourSource_.find(rec.id); it != podBehaviourSource_.end())
        rec.behaviour = it->second;
    }
    r.nodes.push_back(std::move(rec));
  }
  for (const auto& [record, parent] : parents)
    r.nodes[record].parent = r.nodes[parent].id;
  r.events = std::move(events_);
  // Events come in reconcile order, which is time order but for a pod's change stamped at its own, earlier
  // time; a fan-out's tens of thousands are usually in order already, and checking is cheaper than sorting.
  const auto byTime = [](const TimelineEvent& a, const TimelineEvent& b) { return a.t < b.t; };
  if (!std::is_sorted(r.events.begin(), r.events.end(), byTime))
    std::stable_sort(r.events.begin(), r.events.end(), byTime);
  r.deadlines = std::move(deadlines_);
  r.diagnostics = std::move(diagnostics_);
  return r;
}

} // namespace argosim
