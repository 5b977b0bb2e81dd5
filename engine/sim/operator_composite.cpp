// Steps, DAG, suspend and exit-hook templates: steps.go, dag.go, exit_handler.go, operator.go executeSuspend.
#include "engine/expr/expr.hpp"
#include "engine/model/int_resolution.hpp"
#include "engine/sim/fan_out.hpp"
#include "engine/sim/node_id.hpp"
#include "engine/sim/operator.hpp"
#include "engine/sim/when_condition.hpp"
#include "engine/time/duration.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <sstream>

namespace argosim {

namespace {
const LifecycleHook* exitHookOf(const Invocation& call) {
  if (auto it = call.hooks.find("exit"); it != call.hooks.end()) return &it->second;
  return nullptr;
}
std::string exitTemplateOf(const Invocation& call) {
  if (const auto* hook = exitHookOf(call)) return hook->templateName.value;
  if (call.onExit) return call.onExit->value;
  return "";
}
bool completedPhase(NodePhase p) {
  return p == NodePhase::Succeeded || p == NodePhase::Failed || p == NodePhase::Error;
}
bool continuesOn(const Invocation& call, NodePhase p) {
  return (p == NodePhase::Failed && call.continueOn.failed) ||
         (p == NodePhase::Error && call.continueOn.error);
}
// steps.go resolveReferences / dag.go resolveDependencyReferences. Argo substitutes a step's whole body; the
// fields the simulation reads are its arguments, when and withParam. `when` comes first: a step it skips is
// not held up by the rest. A `{{steps.…}}` or `{{tasks.…}}` that cannot be resolved leaves `waitingFor` set
// (the controller requeues).
struct ResolvedCall {
  Invocation call;
  std::optional<std::string> waitingFor;
};
ResolvedCall resolveReferences(const Invocation& call, const Params& scope) {
  ResolvedCall out{call, std::nullopt};
  Invocation& c = out.call;
  if (c.when) {
    if ((out.waitingFor = unresolvedReference(c.when->value, scope))) return out;
    c.when->value = substituteParams(c.when->value, scope);
    const auto proceed = evaluateWhen(c.when->value);
    if (proceed.ok && !proceed.value) return out;
    // An invalid `when` is an error unless items may still complete it (`{{item}}`), whatever the rest says.
    if (!proceed.ok && !c.withItems && !c.withParam && !c.withSequence) return out;
  }
  for (const auto& a : c.arguments)
    if (a.value && (out.waitingFor = unresolvedReference(a.value->value, scope))) return out;
  if (c.withParam && (out.waitingFor = unresolvedReference(c.withParam->value, scope))) return out;
  for (auto& a : c.arguments)
    if (a.value) a.value->value = substituteParams(a.value->value, scope);
  if (c.withParam) c.withParam->value = substituteParams(c.withParam->value, scope);
  return out;
}
bool shouldExpand(const Invocation& call) {
  return call.withItems || call.withParam || call.withSequence;
}
} // namespace

// Arguments a step or task passes to its template, by parameter name.
static Params argumentsOf(const Invocation& call, const Params& itemParams) {
  Params args;
  for (const auto& a : call.arguments)
    if (a.value) args[a.name.value] = substituteParams(a.value->value, itemParams);
  for (const auto& [k, v] : itemParams)
    args[k] = v;
  return args;
}

// operator.go: getOutboundNodes — where the next step group or dependent task hangs in the children graph.
std::vector<std::string> Operator::outboundNodes(const std::string& id, int depth) const {
  const Node* node = findNodeById(id);
  if (!node || depth > 64) return {id};
  switch (node->type) {
  case NodeType::Skipped:
  case NodeType::Suspend:
  case NodeType::Pod:
    return {id};
  case NodeType::TaskGroup: {
    if (node->children.empty()) return {id};
    std::vector<std::string> out;
    for (const auto& child : node->children) {
      auto more = outboundNodes(child, depth + 1);
      out.insert(out.end(), more.begin(), more.end());
    }
    return out;
  }
  case NodeType::Retry:
    if (!node->children.empty()) return {node->children.back()};
    return {};
  default:
    break;
  }
  std::vector<std::string> out;
  for (const auto& o : node->outboundNodes) {
    auto more = outboundNodes(o, depth + 1);
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

// exit_handler.go: runOnExitNode — a step's or task's exit hook runs once its node (the Retry node, for
// retried templates) has completed. Returns whether there is a hook and the hook's node.
std::pair<bool, Node*> Operator::runOnExitNode(const Invocation& call, Node& parent,
                                               const std::string& boundaryId, ControllerError* errOut) {
  const std::string exitTemplate = exitTemplateOf(call);
  if (exitTemplate.empty()) return {false, nullptr};
  const std::string onExitName = parent.name + ".onExit";
  const std::string parentName = parent.name;
  ExecuteOptions opts;
  opts.boundaryId = boundaryId;
  opts.onExitTemplate = true;
  opts.hooked = true;
  // Hook arguments come from the parent's outputs, which the simulation does not model.
  TemplateCall hookCall{exitTemplate, Params{}, ""};
  Node* onExit = executeTemplate(onExitName, hookCall, opts, errOut);
  addChildNode(parentName, onExitName);
  return {true, onExit};
}

// steps.go: executeSteps
Node* Operator::executeSteps(const std::string& nodeName, const Template& tmpl, const TemplateCall& call,
                             const ExecuteOptions& opts) {
  Node* node = findNode(nodeName);
  if (!node)
    node = &initializeNode(nodeName, NodeType::Steps, tmpl.name.value, opts.boundaryId, NodePhase::Running,
                           opts);
  const std::string boundaryId = node->id;
  Params scope = call.arguments;

  for (std::size_t i = 0; i < tmpl.steps.size(); ++i) {
    const std::string sgName = nodeName + "[" + std::to_string(i) + "]";
    if (Node* sg = findNode(sgName); !sg)
      initializeNode(sgName, NodeType::StepGroup, "", boundaryId, NodePhase::Running, ExecuteOptions{});
    else if (!sg->fulfilled())
      markNodePhase(*sg, NodePhase::Running);
    if (i == 0) {
      addChildNode(nodeName, sgName);
    } else {
      const std::string prevName = nodeName + "[" + std::to_string(i - 1) + "]";
      Node* prev = findNode(prevName);
      if (prev->children.empty()) {
        addChildNode(prevName, sgName);
      } else {
        const auto prevChildren = prev->children;
        for (const auto& child : prevChildren)
          for (const auto& out : outboundNodes(child, 0))
            if (const Node* o = findNodeById(out)) addChildNode(o->name, sgName);
      }
    }

    Node& sg = executeStepGroup(tmpl.steps[i], sgName, boundaryId, opts.onExitTemplate, scope);
    if (limitHit_) return node;
    if (!sg.fulfilled()) return node;
    if (isFailedOrError(sg.phase)) {
      updateOutboundNodes(nodeName, tmpl);
      return &markNodePhase(*node, NodePhase::Failed, sg.message, ended_by::kChildren);
    }
    // steps.go executeSteps: each step of the group adds its values and outputs for the groups after it; a
    // fanned-out step, its items' outputs as lists and the step group's own values.
    for (const auto& step : tmpl.steps[i]) {
      const std::string& stepName = step.name.value;
      if (const Node* child = findNode(sgName + "." + stepName)) {
        addToScope(scope, "steps", stepName, *child);
        continue;
      }
      const std::string itemPrefix = sgName + "." + stepName + "(";
      std::vector<const Node*> items;
      for (const auto& id : sg.children) {
        const Node* item = findNodeById(id);
        if (item && item->type != NodeType::Skipped &&
            item->name.compare(0, itemPrefix.size(), itemPrefix) == 0)
          items.push_back(item);
      }
      addFanOutToScope(scope, "steps", stepName, std::move(items));
      addToScope(scope, "steps", stepName, sg);
    }
  }
  updateOutboundNodes(nodeName, tmpl);
  if (auto err = templateOutputs(tmpl, scope, &node->outputs)) return &markNodeError(*node, *err);
  return &markNodePhase(*node, NodePhase::Succeeded, std::nullopt, ended_by::kChildren);
}

// steps.go: updateOutboundNodes — the children of the last step group that ran.
void Operator::updateOutboundNodes(const std::string& nodeName, const Template& tmpl) {
  const Node* last = nullptr;
  for (std::size_t i = tmpl.steps.size(); i-- > 0;)
    if ((last = findNode(nodeName + "[" + std::to_string(i) + "]"))) break;
  if (!last) return;
  std::vector<std::string> outbound;
  for (const auto& child : last->children) {
    auto more = outboundNodes(child, 0);
    outbound.insert(outbound.end(), more.begin(), more.end());
  }
  if (Node* node = findNode(nodeName)) node->outboundNodes = std::move(outbound);
}

// steps.go resolveReferences + expandStepGroup for one step group: each step's call with the scope
// substituted, and each child it makes, with its node name and id, its `when` and its template call. A pure
// function of the group, the scope and the group's node name; the group is a step list of a prepared
// template, which stays where it is and unchanged while the operator runs, so its address identifies it.
struct StepGroupExpansion {
  const std::vector<WorkflowStep>* group = nullptr;
  Params scope;
  std::optional<std::string> waitingFor; // an unresolved reference: the group waits, nothing is expanded
  struct Step {
    Invocation call;                        // resolved
    std::optional<std::string> fanOutError; // the group errs here; later steps are not expanded
    bool noItems = false;                   // a fan-out over no items: a Skipped node stands for the step
  };
  std::vector<Step> steps; // reserved for the whole group up front: children point at their step's call
  struct Child {
    const Invocation* call;
    std::string nodeName;
    std::string nodeId;
    std::optional<std::string> when;
    TemplateCall templateCall;
  };
  std::vector<Child> children;
  // Whether any step has an exit hook or continueOn: only then does a finished child need to know its step.
  bool hooksOrContinueOn = false;
};

std::shared_ptr<const StepGroupExpansion> Operator::expandStepGroup(const std::vector<WorkflowStep>& group,
                                                                    const std::string& sgName,
                                                                    const Params& scope) {
  auto& cached = stepGroupExpansions_[sgName];
  if (cached && cached->group == &group && cached->scope == scope) return cached;
  auto expansion = std::make_shared<StepGroupExpansion>();
  expansion->group = &group;
  expansion->scope = scope;
  expansion->steps.reserve(group.size());
  for (const auto& original : group) {
    auto resolved = resolveReferences(original, scope);
    if (resolved.waitingFor) {
      expansion->waitingFor = std::move(resolved.waitingFor);
      expansion->steps.clear();
      expansion->children.clear();
      break;
    }
    auto& step = expansion->steps.emplace_back();
    step.call = std::move(resolved.call);
    const Invocation& call = step.call;
    expansion->hooksOrContinueOn = expansion->hooksOrContinueOn || !exitTemplateOf(call).empty() ||
                                   call.continueOn.failed || call.continueOn.error;
    // Items share their step's resolved call (a copy per item would copy a withItems list once per item).
    const auto addItem = [&](const std::string& suffix, const Params& itemParams) {
      std::optional<std::string> when;
      if (call.when)
        when = itemParams.empty() ? call.when->value : substituteParams(call.when->value, itemParams);
      std::string nodeName = sgName + "." + suffix;
      std::string id = nodeId(workflow_.name.value, nodeName);
      expansion->children.push_back(
          {&call, std::move(nodeName), std::move(id), std::move(when),
           TemplateCall{call.templateName.value, argumentsOf(call, itemParams), original.name.value}});
    };
    if (!shouldExpand(call)) {
      addItem(call.name.value, {});
      continue;
    }
    const auto fan = expandFanOut(call, scope, limits_.maxFanOut);
    if (!fan.ok) {
      step.fanOutError = fan.error;
      break;
    }
    step.noItems = fan.items.empty();
    expansion->children.reserve(expansion->children.size() + fan.items.size());
    for (const auto& item : fan.items)
      addItem(item.name, item.params);
  }
  cached = expansion;
  return expansion;
}

// steps.go: executeStepGroup
Node& Operator::executeStepGroup(const std::vector<WorkflowStep>& group, const std::string& sgName,
                                 const std::string& boundaryId, bool onExitTemplate, const Params& scope) {
  Node* sg = findNode(sgName);
  const auto childrenFulfilled = [&](const Node& n) {
    return std::all_of(n.children.begin(), n.children.end(), [&](const std::string& id) {
      const Node* c = findNodeById(id);
      return !c || c->fulfilled();
    });
  };
  if (sg->fulfilled() && childrenFulfilled(*sg)) return *sg;

  const auto expansion = expandStepGroup(group, sgName, scope);
  if (expansion->waitingFor) {
    noteUnresolved(*expansion->waitingFor, sgName);
    return *sg;
  }
  for (const auto& step : expansion->steps) {
    if (step.fanOutError)
      return markNodeError(
          *sg, ControllerError{ControllerError::Kind::Generic, *step.fanOutError, ended_by::kConfigError});
    if (!step.noItems) continue;
    const std::string childName = sgName + "." + step.call.name.value;
    if (!findNode(childName)) {
      ExecuteOptions skipped;
      skipped.boundaryId = boundaryId;
      initializeNode(childName, NodeType::Skipped, step.call.templateName.value, boundaryId,
                     NodePhase::Skipped, skipped, "Skipped, empty params");
      addChildNode(sgName, childName);
    }
  }

  // The same for every child: built once, not per child per reconcile.
  ExecuteOptions skippedOpts;
  skippedOpts.boundaryId = boundaryId;
  ExecuteOptions childOpts = skippedOpts;
  childOpts.onExitTemplate = onExitTemplate;
  using Child = StepGroupExpansion::Child;
  std::unordered_map<std::string, const Child*> stepOfChild; // only filled when hooksOrContinueOn
  const auto noteStep = [&](const Child& c) {
    if (expansion->hooksOrContinueOn) stepOfChild[c.nodeName] = &c;
  };
  for (const auto& c : expansion->children) {
    const std::string& childName = c.nodeName;
    // executeTemplate returns a finished child as it is (handleNodeFulfilled): a fan-out of thousands would
    // otherwise go through it for each one on every reconcile. Not for a `when` (its skip has its own
    // path) nor where executeTemplate would first stop at the recursion bound.
    if (!c.when && stackDepth_ + 1 < kMaxStackDepth) {
      if (Node* done = findNode(childName); done && done->fulfilled()) {
        if (limitHit_) return *findNode(sgName);
        noteStep(c);
        addChild(*sg, c.nodeId);
        continue;
      }
    }
    const std::string_view when = c.when ? std::string_view(*c.when) : std::string_view();
    const auto proceed = evaluateWhen(when);
    if (!proceed.ok) {
      ControllerError err{ControllerError::Kind::Generic, proceed.error, ended_by::kConfigError};
      if (!findNode(childName))
        initializeNode(childName, NodeType::Skipped, c.call->templateName.value, boundaryId, NodePhase::Error,
                       skippedOpts, err.message);
      addChildNode(sgName, childName);
      return markNodeError(*findNode(sgName), err);
    }
    if (!proceed.value) {
      if (!findNode(childName)) {
        initializeNode(childName, NodeType::Skipped, c.call->templateName.value, boundaryId,
                       NodePhase::Skipped, skippedOpts, "when '" + std::string(when) + "' evaluated false");
        addChildNode(sgName, childName);
      }
      continue;
    }
    ControllerError err;
    Node* child = executeTemplate(childName, c.templateCall, childOpts, &err);
    if (limitHit_) return *findNode(sgName);
    if (!err.message.empty()) {
      switch (err.kind) {
      case ControllerError::Kind::ParallelismReached:
      case ControllerError::Kind::MaxDepthExceeded:
        break;
      case ControllerError::Kind::Timeout:
        return markNodePhase(*findNode(sgName), NodePhase::Failed, err.message, ended_by::kTimeout);
      default:
        addChildNode(sgName, childName);
        return markNodeError(*findNode(sgName), ControllerError{ControllerError::Kind::Generic,
                                                                "step group deemed errored due to child " +
                                                                    childName + " error: " + err.message,
                                                                ended_by::kChildren});
      }
    }
    if (child) {
      noteStep(c);
      addChild(*sg, c.nodeId);
    }
  }

  sg = findNode(sgName);
  bool completed = true;
  // By index up to the count now: exit hooks may add nodes, but children are only ever appended.
  const std::size_t childCount = sg->children.size();
  for (std::size_t i = 0; i < childCount; ++i) {
    Node* child = const_cast<Node*>(findNodeById(sg->children[i]));
    if (!child) continue;
    if (!child->fulfilled()) {
      completed = false;
    } else if (expansion->hooksOrContinueOn && completedPhase(child->phase)) {
      auto it = stepOfChild.find(child->name);
      if (it == stepOfChild.end()) continue;
      ControllerError err;
      const auto [hasHook, onExit] = runOnExitNode(*it->second->call, *child, boundaryId, &err);
      if (hasHook && (!onExit || !onExit->fulfilled())) completed = false;
    }
  }
  sg = findNode(sgName);
  if (!completed) {
    if (sg->fulfilled()) return markNodePhase(*sg, NodePhase::Running);
    return *sg;
  }
  stepGroupExpansions_.erase(sgName); // done: a later visit returns early, or expands again
  for (const auto& id : sg->children) {
    const Node* child = findNodeById(id);
    if (!child || !isFailedOrError(child->phase)) continue;
    auto it = stepOfChild.find(child->name);
    if (it != stepOfChild.end() && continuesOn(*it->second->call, child->phase)) continue;
    return markNodePhase(*sg, NodePhase::Failed, "child '" + id + "' failed", ended_by::kChildren);
  }
  return markNodePhase(*sg, NodePhase::Succeeded, std::nullopt, ended_by::kChildren);
}

// ---------------------------------------------------------------------------------------------------------------
// DAG (dag.go)

namespace {
// common/ancestry.go: expandDependency — `dependencies: [A]` means A succeeded, was skipped or is daemoned,
// plus A failed/errored when A's continueOn says so.
std::string expandDependency(const std::string& name, const DagTask* task) {
  std::string out = "(" + name + ".Succeeded || " + name + ".Skipped || " + name + ".Daemoned";
  if (task && task->call.continueOn.error) out += " || " + name + ".Errored";
  if (task && task->call.continueOn.failed) out += " || " + name + ".Failed";
  return out + ")";
}
bool isTaskNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}
} // namespace

// What a DAG template's tasks say about each other, worked out once per template: every reconcile walks it.
struct DagShape {
  const Template* tmpl = nullptr;
  std::unordered_map<std::string, std::pair<std::vector<std::string>, std::string>>
      dependencies; // task -> (deps, logic); references stay valid as it grows
  std::vector<std::string> targets;
  // Tasks by index (their order in the template; the first of a repeated name) and each one's dependencies as
  // indexes, so a reconcile's walk over a long chain does no string work until it reaches a task.
  std::unordered_map<std::string, int> indexOf;
  std::vector<std::vector<int>> dependencyIndexes;

  const DagTask* task(const std::string& name) const {
    const auto it = indexOf.find(name);
    return it == indexOf.end() ? nullptr : &tmpl->tasks[static_cast<std::size_t>(it->second)];
  }
  // common/ancestry.go: GetTaskDependencies — names mentioned in `depends` (or `dependencies`), and the logic
  // with bare task names expanded.
  const std::pair<std::vector<std::string>, std::string>& resolve(const std::string& name) {
    if (auto it = dependencies.find(name); it != dependencies.end()) return it->second;
    const DagTask* t = task(name);
    std::string logic;
    if (t && t->depends && !t->depends->value.empty()) {
      logic = t->depends->value;
    } else if (t) {
      for (std::size_t i = 0; i < t->dependencies.size(); ++i) {
        if (i) logic += " && ";
        logic += expandDependency(t->dependencies[i].value, task(t->dependencies[i].value));
      }
    }
    std::vector<std::string> deps;
    std::string expanded;
    std::size_t i = 0;
    while (i < logic.size()) {
      const bool startsName =
          isTaskNameChar(logic[i]) && logic[i] != '-' && (i == 0 || !isTaskNameChar(logic[i - 1]));
      if (!startsName) {
        expanded += logic[i++];
        continue;
      }
      std::size_t j = i;
      while (j < logic.size() && isTaskNameChar(logic[j]))
        ++j;
      const std::string word = logic.substr(i, j - i);
      // `A.Succeeded`: a task result; a bare `A` expands to its default condition.
      if (j < logic.size() && logic[j] == '.' && j + 1 < logic.size() && logic[j + 1] >= 'A' &&
          logic[j + 1] <= 'Z') {
        std::size_t k = j + 1;
        while (k < logic.size() && std::isalpha(static_cast<unsigned char>(logic[k])))
          ++k;
        if (std::find(deps.begin(), deps.end(), word) == deps.end()) deps.push_back(word);
        expanded += logic.substr(i, k - i);
        i = k;
      } else if (word == "true" || word == "false" || word == "and" || word == "or" || word == "not") {
        expanded += word;
        i = j;
      } else {
        if (std::find(deps.begin(), deps.end(), word) == deps.end()) deps.push_back(word);
        expanded += expandDependency(word, task(word));
        i = j;
      }
    }
    return dependencies[name] = {deps, expanded};
  }
  // common/ancestry.go GetTaskAncestry, as task indexes: every task `name` depends on, directly or not.
  std::vector<int> ancestors(const std::string& name) const {
    std::vector<int> out;
    const auto start = indexOf.find(name);
    if (start == indexOf.end()) return out;
    std::vector<char> seen(dependencyIndexes.size(), 0);
    std::vector<int> todo{start->second};
    while (!todo.empty()) {
      const int t = todo.back();
      todo.pop_back();
      for (const int d : dependencyIndexes[static_cast<std::size_t>(t)]) {
        if (seen[static_cast<std::size_t>(d)]) continue;
        seen[static_cast<std::size_t>(d)] = 1;
        out.push_back(d);
        todo.push_back(d);
      }
    }
    return out;
  }
};

// One executeDAG call: the shape of its template and what this reconcile has walked.
struct DagContext {
  explicit DagContext(DagShape& s) : shape(s) {}
  DagShape& shape;
  std::string boundaryName;
  std::string boundaryId;
  bool onExitTemplate = false;
  std::vector<char> visited; // by task index
  std::map<std::string, NodePhase> taskGroupsToComplete;

  const DagTask* task(const std::string& name) { return shape.task(name); }
  const std::pair<std::vector<std::string>, std::string>& resolve(const std::string& name) {
    return shape.resolve(name);
  }
  std::string taskNodeName(const std::string& name) const { return boundaryName + "." + name; }
};

namespace {
// dag.target's task names (dag.go executeDAG splits it on spaces).
std::vector<std::string> splitTargets(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string t; in >> t;)
    out.push_back(t);
  return out;
}
} // namespace

// A DAG template's shape, made on first use. The targets: `dag.target`, else every task no other task depends
// on.
DagShape& Operator::dagShape(const Template& tmpl) {
  auto& slot = dagShapes_[&tmpl];
  if (slot) return *slot;
  slot = std::make_shared<DagShape>();
  DagShape& shape = *slot;
  shape.tmpl = &tmpl;
  for (std::size_t i = 0; i < tmpl.tasks.size(); ++i)
    shape.indexOf.emplace(tmpl.tasks[i].call.name.value, static_cast<int>(i));
  if (tmpl.dagTarget && !tmpl.dagTarget->value.empty()) {
    shape.targets = splitTargets(tmpl.dagTarget->value);
  } else {
    std::set<std::string> notLeaf;
    for (const auto& t : tmpl.tasks)
      for (const auto& d : shape.resolve(t.call.name.value).first)
        notLeaf.insert(d);
    for (const auto& t : tmpl.tasks)
      if (!notLeaf.count(t.call.name.value)) shape.targets.push_back(t.call.name.value);
    std::sort(shape.targets.begin(), shape.targets.end());
    shape.targets.erase(std::unique(shape.targets.begin(), shape.targets.end()), shape.targets.end());
  }
  for (const auto& t : tmpl.tasks) {
    auto& indexes = shape.dependencyIndexes.emplace_back();
    for (const auto& d : shape.resolve(t.call.name.value).first) {
      const auto it = shape.indexOf.find(d);
      if (it != shape.indexOf.end()) indexes.push_back(it->second); // an unknown name has nothing to run
    }
  }
  return shape;
}

// dag.go: executeDAG
Node* Operator::executeDag(const std::string& nodeName, const Template& tmpl, const TemplateCall& call,
                           const ExecuteOptions& opts) {
  Node* node = findNode(nodeName);
  if (!node)
    node =
        &initializeNode(nodeName, NodeType::DAG, tmpl.name.value, opts.boundaryId, NodePhase::Running, opts);
  DagContext dag{dagShape(tmpl)};
  dag.boundaryName = nodeName;
  dag.boundaryId = node->id;
  dag.onExitTemplate = opts.onExitTemplate;
  // A target written with a parameter (`{{workflow.parameters.target}}`) is known only per call: Argo
  // substitutes the whole template before executeDAG reads dag.target.
  std::vector<std::string> calledTargets;
  if (tmpl.dagTarget && tmpl.dagTarget->value.find("{{") != std::string::npos)
    calledTargets = splitTargets(substituteParams(tmpl.dagTarget->value, call.arguments));
  const std::vector<std::string>& targets = calledTargets.empty() ? dag.shape.targets : calledTargets;

  for (const auto& target : targets) {
    executeDagTask(dag, target, call.arguments);
    if (limitHit_) return node;
  }

  // dag.go: assessDAGPhase — Running while any reachable node is unfinished; then the target branches decide.
  std::map<std::string, NodePhase> targetPhases;
  std::map<std::string, bool> targetSeen;
  for (const auto& t : targets)
    targetSeen[nodeId(workflow_.name.value, dag.taskNodeName(t))] = false;
  // phase_node.go: uniquePhaseNodeQueue dedupes on (node, inherited phase), not on the node alone: a join
  // reached from a succeeded and from a failed parent is visited twice, so the failed branch reaches it.
  std::vector<std::pair<std::string, NodePhase>> queue;
  std::set<std::pair<std::string, NodePhase>> queued;
  const auto enqueue = [&queue, &queued](const std::string& id, NodePhase phase) {
    if (queued.emplace(id, phase).second) queue.emplace_back(id, phase);
  };
  for (const auto& c : findNode(nodeName)->children)
    enqueue(c, NodePhase::Succeeded);
  bool running = false;
  for (std::size_t q = 0; q < queue.size() && !running; ++q) {
    const auto [id, inherited] = queue[q];
    const Node* n = findNodeById(id);
    if (!n) {
      running = true;
      break;
    }
    NodePhase branch = inherited;
    if (!n->fulfilled()) {
      bool groupDone = n->type == NodeType::TaskGroup && !n->children.empty();
      NodePhase groupPhase = NodePhase::Succeeded;
      if (groupDone) {
        for (const auto& c : n->children) {
          const Node* child = findNodeById(c);
          if (!child || !child->fulfilled())
            groupDone = false;
          else if (isFailedOrError(child->phase))
            groupPhase = child->phase;
        }
      }
      if (!groupDone) {
        running = true;
        break;
      }
      dag.taskGroupsToComplete[n->name] = groupPhase;
      branch = groupPhase;
    } else if (completedPhase(n->phase)) {
      branch = n->phase;
    }
    if (auto it = targetSeen.find(n->id); it != targetSeen.end()) {
      if (!it->second || !isFailedOrError(targetPhases[n->id])) {
        targetPhases[n->id] = branch;
        it->second = true;
      }
    }
    if (n->type == NodeType::Retry) {
      // operator.go: getRetryNodeChildrenIds — a fulfilled Retry node stands for its attempts, so the walk
      // skips them: their children (the dependents hang off the last attempt) and the hooked children inherit
      // the Retry node's phase, not the attempt's (a Retry node that errored after a failed attempt makes its
      // omitted dependents Error).
      for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) {
        const Node* child = findNodeById(*it);
        if (!child) continue;
        if (child->hooked)
          enqueue(child->id, branch);
        else
          for (const auto& c : child->children)
            enqueue(c, branch);
      }
    } else {
      for (const auto& c : n->children)
        enqueue(c, branch);
    }
  }
  if (running) return findNode(nodeName);

  for (const auto& [name, phase] : dag.taskGroupsToComplete)
    if (Node* g = findNode(name)) markNodePhase(*g, phase);

  const bool failFast = !tmpl.dagFailFast || tmpl.dagFailFast->value;
  std::optional<NodePhase> result = NodePhase::Succeeded;
  for (const auto& t : targets) {
    const std::string id = nodeId(workflow_.name.value, dag.taskNodeName(t));
    if (!targetSeen[id]) {
      result = std::nullopt; // Running
      if (!failFast) break;
    } else if (isFailedOrError(targetPhases[id])) {
      const DagTask* task = dag.task(t);
      if (task && continuesOn(task->call, targetPhases[id])) continue;
      result = targetPhases[id];
      if (failFast) break;
    }
  }
  node = findNode(nodeName);
  std::vector<std::string> outbound;
  for (const auto& t : targets)
    if (const Node* n = findNode(dag.taskNodeName(t))) {
      auto more = outboundNodes(n->id, 0);
      outbound.insert(outbound.end(), more.begin(), more.end());
    }
  if (!result) return node;
  node->outboundNodes = outbound;
  return &finishDag(tmpl, dag, call.arguments, *node, *result);
}

// The end of executeDAG: a succeeded DAG's outputs come from a scope of every task's values.
Node& Operator::finishDag(const Template& tmpl, DagContext& dag, const Params& arguments, Node& node,
                          NodePhase phase) {
  if (phase == NodePhase::Succeeded && !tmpl.outputs.empty()) {
    if (auto err = dagOutputs(tmpl, dag, arguments, node)) return markNodeError(node, *err);
  }
  return markNodePhase(node, phase, std::nullopt, ended_by::kChildren);
}

std::optional<ControllerError> Operator::dagOutputs(const Template& tmpl, DagContext& dag,
                                                    const Params& arguments, Node& node) {
  Params scope = arguments;
  for (const auto& t : tmpl.tasks) {
    const Node* taskNode = findNode(dag.taskNodeName(t.call.name.value));
    if (!taskNode) continue; // not run: dag.target left it out
    if (taskNode->type == NodeType::TaskGroup) {
      std::vector<const Node*> items;
      for (const auto& id : taskNode->children)
        if (const Node* item = findNodeById(id)) items.push_back(item);
      addFanOutToScope(scope, "tasks", t.call.name.value, items);
    }
    addToScope(scope, "tasks", t.call.name.value, *taskNode);
  }
  return templateOutputs(tmpl, scope, &node.outputs);
}

// dag.go: executeDAGTask recurses into a task's dependencies before running the task. The same depth-first
// order is kept here on an explicit stack, so a dependency chain of any length cannot overflow the native
// one.
void Operator::executeDagTask(DagContext& dag, const std::string& root, const Params& scope) {
  const DagShape& shape = dag.shape;
  const auto rootIndex = shape.indexOf.find(root);
  if (rootIndex == shape.indexOf.end()) return;
  if (dag.visited.empty()) dag.visited.assign(shape.dependencyIndexes.size(), 0);
  const auto nameOf = [&](int task) -> const std::string& {
    return shape.tmpl->tasks[static_cast<std::size_t>(task)].call.name.value;
  };
  struct Frame {
    int task;
    std::size_t nextDependency = 0;
  };
  std::vector<Frame> stack;
  const auto enter = [&](int task) {
    char& seen = dag.visited[static_cast<std::size_t>(task)];
    if (seen) return;
    seen = 1;
    if (++dagTaskVisits_ > limits_.maxDagTaskVisits) {
      limitHit_ = true;
      noteSimulatorBound("argosim: more than " + std::to_string(limits_.maxDagTaskVisits) +
                         " DAG task visits are not simulated (every reconcile walks a DAG from its targets)");
      return;
    }
    if (stack.size() >= static_cast<std::size_t>(limits_.maxDagDepth)) {
      limitHit_ = true;
      noteSimulatorBound("argosim: a DAG dependency chain deeper than " +
                         std::to_string(limits_.maxDagDepth) + " tasks is not simulated");
      return;
    }
    if (beginDagTask(dag, nameOf(task))) stack.push_back({task});
  };
  enter(rootIndex->second);
  while (!stack.empty() && !limitHit_) {
    Frame& frame = stack.back();
    const auto& dependencies = shape.dependencyIndexes[static_cast<std::size_t>(frame.task)];
    if (frame.nextDependency < dependencies.size()) {
      enter(dependencies[frame.nextDependency++]);
      continue;
    }
    const int task = frame.task;
    stack.pop_back();
    finishDagTask(dag, nameOf(task), scope);
  }
}

// The part of executeDAGTask before its dependencies: a finished task only gets its exit hook checked, and
// nothing below it is walked again.
bool Operator::beginDagTask(DagContext& dag, const std::string& taskName) {
  const DagTask* task = dag.task(taskName);
  if (!task) return false;
  Node* node = findNode(dag.taskNodeName(taskName));
  if (node && node->fulfilled()) {
    if (completedPhase(node->phase)) {
      ControllerError err;
      runOnExitNode(task->call, *node, dag.boundaryId, &err);
    }
    return false;
  }
  return true;
}

// The part of executeDAGTask after its dependencies were executed: evaluate `depends`, then run the task.
void Operator::finishDagTask(DagContext& dag, const std::string& taskName, const Params& scope) {
  const DagTask* task = dag.task(taskName);
  const std::string nodeName = dag.taskNodeName(taskName);
  // Plain references, not a structured binding: clang 14 (emscripten) cannot capture bindings in lambdas.
  const auto& resolvedDependencies = dag.resolve(taskName);
  const std::vector<std::string>& dependencies = resolvedDependencies.first;
  const std::string& dependsLogic = resolvedDependencies.second;
  Node* taskGroup = findNode(nodeName);
  if (taskGroup && taskGroup->type != NodeType::TaskGroup) taskGroup = nullptr;
  const std::string taskGroupName = taskGroup ? taskGroup->name : "";
  const auto connectDependencies = [&](const std::string& taskNodeName) {
    if (dependencies.empty() || !taskGroupName.empty()) {
      addChildNode(taskGroupName.empty() ? dag.boundaryName : taskGroupName, taskNodeName);
      return;
    }
    for (const auto& dep : dependencies) {
      const Node* depNode = findNode(dag.taskNodeName(dep));
      if (!depNode) continue;
      for (const auto& out : outboundNodes(depNode->id, 0))
        if (const Node* o = findNodeById(out)) addChildNode(o->name, taskNodeName);
    }
  };
  ExecuteOptions skippedOpts;
  skippedOpts.boundaryId = dag.boundaryId;

  if (!dependsLogic.empty()) {
    if (findNode(nodeName) == nullptr) {
      // dag.go: evaluateDependsLogic — every dependency must be finished first, and so must its hooks
      // (common.CheckAllHooksFullfilled): a task waits for its dependency's exit handler to be fulfilled.
      const auto hooksFulfilled = [this](const Node& n) {
        for (const auto& c : n.children) {
          const Node* child = findNodeById(c);
          if (child && child->hooked && !child->fulfilled()) return false;
        }
        return true;
      };
      expr::Map env;
      for (const auto& dep : dependencies) {
        const Node* depNode = findNode(dag.taskNodeName(dep));
        if (!depNode || !depNode->fulfilled() || !hooksFulfilled(*depNode)) return;
        bool anySucceeded = false;
        bool allFailed = false;
        if (depNode->type == NodeType::TaskGroup) {
          allFailed = !depNode->children.empty();
          for (const auto& c : depNode->children) {
            const Node* child = findNodeById(c);
            if (!child) {
              allFailed = false;
              continue;
            }
            anySucceeded = anySucceeded || child->phase == NodePhase::Succeeded;
            allFailed = allFailed && child->phase == NodePhase::Failed;
          }
        }
        std::string key = dep;
        std::replace(key.begin(), key.end(), '-', '_');
        env[key] = expr::Value(expr::Map{{"Succeeded", expr::Value(depNode->phase == NodePhase::Succeeded)},
                                         {"Failed", expr::Value(depNode->phase == NodePhase::Failed)},
                                         {"Errored", expr::Value(depNode->phase == NodePhase::Error)},
                                         {"Skipped", expr::Value(depNode->phase == NodePhase::Skipped)},
                                         {"Omitted", expr::Value(depNode->phase == NodePhase::Omitted)},
                                         {"Daemoned", expr::Value(false)},
                                         {"AnySucceeded", expr::Value(anySucceeded)},
                                         {"AllFailed", expr::Value(allFailed)}});
      }
      std::string evalLogic = dependsLogic;
      std::replace(evalLogic.begin(), evalLogic.end(), '-', '_');
      const auto result = expr::evaluate(evalLogic, expr::Value(env));
      std::string error;
      if (!result.ok)
        error = "unable to evaluate expression '" + evalLogic + "': " + result.error.message;
      else if (!result.value.isBool())
        error = "unable to evaluate expression '" + evalLogic + "': expression did not evaluate to a boolean";
      if (!error.empty()) {
        initializeNode(nodeName, NodeType::Skipped, task->call.templateName.value, dag.boundaryId,
                       NodePhase::Error, skippedOpts, error);
        connectDependencies(nodeName);
        return;
      }
      if (!result.value.asBool()) {
        initializeNode(nodeName, NodeType::Skipped, task->call.templateName.value, dag.boundaryId,
                       NodePhase::Omitted, skippedOpts, "omitted: depends condition not met");
        findNode(nodeName)->endedBy = ended_by::kOmitted;
        connectDependencies(nodeName);
        return;
      }
    }
  }
  // dag.go buildLocalScopeFromTask: the values and outputs of every ancestor (common.GetTaskAncestry), of
  // those the task mentions: no other can be substituted into it, and a long chain has many.
  Params taskScope = scope;
  std::string mentions;
  for (const auto& a : task->call.arguments)
    if (a.value) mentions += a.value->value;
  if (task->call.when) mentions += task->call.when->value;
  if (task->call.withParam) mentions += task->call.withParam->value;
  if (mentions.find("tasks.") != std::string::npos) {
    for (const int ancestor : dag.shape.ancestors(taskName)) {
      const std::string& name = dag.shape.tmpl->tasks[static_cast<std::size_t>(ancestor)].call.name.value;
      if (mentions.find("tasks." + name + ".") == std::string::npos) continue;
      const Node* node = findNode(dag.taskNodeName(name));
      if (!node) continue;
      if (node->type == NodeType::TaskGroup) {
        std::vector<const Node*> items;
        for (const auto& id : node->children)
          if (const Node* item = findNodeById(id)) items.push_back(item);
        addFanOutToScope(taskScope, "tasks", name, std::move(items));
      }
      addToScope(taskScope, "tasks", name, *node);
    }
  }

  const auto resolvedCall = resolveReferences(task->call, taskScope);
  if (resolvedCall.waitingFor) {
    noteUnresolved(*resolvedCall.waitingFor, nodeName);
    return;
  }
  const Invocation& resolved = resolvedCall.call;
  // The task's items share its resolved call (a copy per item would copy a withItems list once per item).
  struct Item {
    std::string name; // the node-name suffix: the task's name, with the item's for a fan-out
    std::optional<std::string> when;
    Params params;
  };
  std::vector<Item> expanded;
  if (shouldExpand(resolved)) {
    const auto fan = expandFanOut(resolved, taskScope, limits_.maxFanOut);
    if (!fan.ok) {
      if (!findNode(nodeName))
        initializeNode(nodeName, NodeType::Skipped, task->call.templateName.value, dag.boundaryId,
                       NodePhase::Error, skippedOpts, fan.error);
      connectDependencies(nodeName);
      return;
    }
    if (fan.items.empty()) {
      if (!findNode(nodeName)) {
        initializeNode(nodeName, NodeType::Skipped, task->call.templateName.value, dag.boundaryId,
                       NodePhase::Skipped, skippedOpts, "Skipped, empty params");
        connectDependencies(nodeName);
      }
    } else if (!taskGroup) {
      connectDependencies(nodeName);
      initializeNode(nodeName, NodeType::TaskGroup, "", dag.boundaryId, NodePhase::Running, skippedOpts);
      taskGroup = findNode(nodeName);
    }
    expanded.reserve(fan.items.size());
    for (auto& item : fan.items) {
      std::optional<std::string> when;
      if (resolved.when) when = substituteParams(resolved.when->value, item.params);
      expanded.push_back({std::move(item.name), std::move(when), std::move(item.params)});
    }
  } else {
    expanded.push_back({resolved.name.value,
                        resolved.when ? std::optional<std::string>(resolved.when->value) : std::nullopt,
                        {}});
  }
  const std::string groupName = taskGroup ? taskGroup->name : "";
  const auto connect = [&](const std::string& taskNodeName) {
    if (!groupName.empty())
      addChildNode(groupName, taskNodeName);
    else
      connectDependencies(taskNodeName);
  };

  const Invocation& t = resolved;
  for (const auto& item : expanded) {
    const std::string taskNodeName = dag.taskNodeName(item.name);
    if (!findNode(taskNodeName)) {
      connect(taskNodeName);
      const std::string when = item.when.value_or("");
      const auto proceed = evaluateWhen(when);
      if (!proceed.ok) {
        initializeNode(taskNodeName, NodeType::Skipped, t.templateName.value, dag.boundaryId,
                       NodePhase::Error, skippedOpts, proceed.error);
        continue;
      }
      if (!proceed.value) {
        initializeNode(taskNodeName, NodeType::Skipped, t.templateName.value, dag.boundaryId,
                       NodePhase::Skipped, skippedOpts, "when '" + when + "' evaluated false");
        findNode(taskNodeName)->endedBy = ended_by::kSkipped;
        continue;
      }
    }
    ExecuteOptions childOpts;
    childOpts.boundaryId = dag.boundaryId;
    childOpts.onExitTemplate = dag.onExitTemplate;
    ControllerError err;
    TemplateCall childCall{t.templateName.value, argumentsOf(t, item.params), taskName};
    Node* child = executeTemplate(taskNodeName, childCall, childOpts, &err);
    if (limitHit_) return;
    if (!err.message.empty()) {
      switch (err.kind) {
      case ControllerError::Kind::ParallelismReached:
      case ControllerError::Kind::MaxDepthExceeded:
        break;
      case ControllerError::Kind::Timeout:
        if (Node* n = findNode(taskNodeName))
          markNodePhase(*n, NodePhase::Failed, err.message, ended_by::kTimeout);
        return;
      default:
        if (Node* n = findNode(taskNodeName))
          markNodeError(*n,
                        ControllerError{ControllerError::Kind::Generic,
                                        "task '" + taskNodeName + "' errored: " + err.message, err.endedBy});
        return;
      }
    }
    if (!child) return;
    if (completedPhase(child->phase)) {
      ControllerError hookErr;
      const auto [hasHook, onExit] = runOnExitNode(t, *child, dag.boundaryId, &hookErr);
      if (hasHook && (!onExit || !onExit->fulfilled() || !hookErr.message.empty())) return;
    }
  }

  if (Node* group = groupName.empty() ? nullptr : findNode(groupName)) {
    NodePhase phase = NodePhase::Succeeded;
    for (const auto& item : expanded) {
      const Node* n = findNode(dag.taskNodeName(item.name));
      if (!n || !n->fulfilled()) return;
      if (isFailedOrError(n->phase)) phase = n->phase;
    }
    markNodePhase(*group, phase);
  }
}

// ---------------------------------------------------------------------------------------------------------------

// operator.go: executeSuspend — a suspend node waits for its duration (or forever: resume is out of scope).
Node* Operator::executeSuspend(const std::string& nodeName, const Template& tmpl, const ExecuteOptions& opts,
                               ControllerError* errOut) {
  Node* node = findNode(nodeName);
  if (!node)
    node = &initializeNode(nodeName, NodeType::Suspend, tmpl.name.value, opts.boundaryId, NodePhase::Pending,
                           opts);
  std::optional<Nanos> requeue;
  if (tmpl.suspendDuration && !tmpl.suspendDuration->value.empty()) {
    const auto duration = parseArgoDuration(tmpl.suspendDuration->value);
    if (!duration.ok) {
      *errOut = ControllerError{ControllerError::Kind::Generic, duration.error, ended_by::kConfigError};
      return node;
    }
    const Nanos resumeAt = addSaturating(node->startedAt, duration.value);
    if (now_ >= resumeAt) {
      // addRawOutputFields + util.go OverrideOutputParametersWithDefault: an expired suspend gives each
      // `supplied` output its default, or that of the input of the same name.
      NodeOutputs outputs;
      for (const auto& p : tmpl.outputs) {
        if (!p.valueFromSupplied) continue;
        std::optional<Located<std::string>> value = p.valueFromDefault;
        for (const auto& input : tmpl.inputs)
          if (!value && input.name.value == p.name.value) value = input.defaultValue;
        if (!value) {
          *errOut = ControllerError{ControllerError::Kind::Generic,
                                    "raw output parameter '" + p.name.value +
                                        "' has not been set and does not have a default value",
                                    ended_by::kConfigError};
          return node;
        }
        outputs.parameters.emplace_back(p.name.value, value->value);
      }
      node->outputs = std::move(outputs);
      return &markNodePhase(*node, NodePhase::Succeeded, std::nullopt, ended_by::kSuspend);
    }
    requeue = resumeAt;
  }
  // The workflow deadline also wakes a suspended workflow.
  if (workflowDeadline_ && (!requeue || *workflowDeadline_ < *requeue)) requeue = workflowDeadline_;
  if (requeue) requeueAt(*requeue);
  return &markNodePhase(*node, NodePhase::Running);
}

// operator.go: checkParallelism — workflow and template parallelism, and template-level failFast.
std::optional<ControllerError> Operator::checkParallelism(const Template& tmpl, Node* node,
                                                          const std::string& boundaryId) {
  // Built only when returned: every visit of every node comes through here.
  const auto reached = [] {
    return ControllerError{ControllerError::Kind::ParallelismReached, "Max parallelism reached", ""};
  };
  const auto activePods = [&](const std::string& boundary) {
    std::int64_t n = 0;
    for (const auto& x : nodes_)
      if (x.type == NodeType::Pod && (boundary.empty() || x.boundaryId == boundary) &&
          (x.phase == NodePhase::Pending || x.phase == NodePhase::Running) && x.podIndex >= 0)
        ++n;
    return n;
  };
  const auto countChildren = [&](const std::string& boundary, bool active) {
    std::int64_t n = 0;
    for (const auto& x : nodes_) {
      if (x.boundaryId != boundary) continue;
      if (x.type != NodeType::Pod && x.type != NodeType::Steps && x.type != NodeType::DAG) continue;
      if (active ? (x.phase == NodePhase::Pending || x.phase == NodePhase::Running)
                 : isFailedOrError(x.phase))
        ++n;
    }
    return n;
  };
  const auto failFast = [&](const Template& t, const std::string& boundary) -> bool {
    if (!t.failFast || !t.failFast->value || countChildren(boundary, false) == 0) return false;
    if (activePods(boundary) == 0) {
      const std::string message = "template has failed or errored children and failFast enabled";
      if (t.type == TemplateType::Steps) {
        // findLeafNodeWithType: the last StepGroup a depth-first walk below the boundary meets.
        Node* leaf = nullptr;
        std::function<void(const std::string&, int)> dfs = [&](const std::string& id, int depth) {
          const Node* n = findNodeById(id);
          if (!n || depth > 256) return;
          if (n->type == NodeType::StepGroup) leaf = const_cast<Node*>(n);
          for (const auto& c : n->children)
            dfs(c, depth + 1);
        };
        dfs(boundary, 0);
        if (leaf) markNodePhase(*leaf, NodePhase::Failed, message, ended_by::kFailFast);
      }
      if (Node* b = const_cast<Node*>(findNodeById(boundary)))
        markNodePhase(*b, NodePhase::Failed, message, ended_by::kFailFast);
    }
    return true;
  };

  if (workflow_.parallelism && activePods("") >= workflow_.parallelism->value) return reached();
  if (node && (tmpl.type == TemplateType::Dag || tmpl.type == TemplateType::Steps)) {
    if (failFast(tmpl, node->id)) return reached();
    if (tmpl.parallelism) {
      const auto p = resolveInt64(*tmpl.parallelism);
      if (p.ok && activePods(node->id) >= p.value) return reached();
    }
  }
  if (!boundaryId.empty() &&
      (!node || (node->phase != NodePhase::Pending && node->phase != NodePhase::Running))) {
    const Node* boundary = findNodeById(boundaryId);
    const Template* boundaryTemplate = boundary ? resolveTemplate(boundary->templateName) : nullptr;
    if (boundaryTemplate) {
      if (failFast(*boundaryTemplate, boundaryId)) return reached();
      if (boundaryTemplate->parallelism) {
        const auto p = resolveInt64(*boundaryTemplate->parallelism);
        if (p.ok && countChildren(boundaryId, true) >= p.value) return reached();
      }
    }
  }
  return std::nullopt;
}

} // namespace argosim
