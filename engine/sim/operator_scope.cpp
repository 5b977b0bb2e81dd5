// The values a finished step or task hands to the ones after it: operator.go buildLocalScope and
// possiblyGetRetryChildNode, scope.go addSkippedNodeOutputsToScope, processAggregateNodeOutputs; and what
// the controller does with a reference that stays unresolved (steps.go resolveReferences, dag.go
// resolveDependencyReferences).
#include "engine/sim/node_scope.hpp"
#include "engine/sim/operator.hpp"

namespace argosim {

void Operator::addToScope(Params& scope, const char* prefix, const std::string& name, const Node& node) {
  // possiblyGetRetryChildNode: a Retry node's values are its last attempt's (a hook is not an attempt).
  const Node* values = &node;
  if (node.type == NodeType::Retry) {
    for (auto it = node.children.rbegin(); it != node.children.rend(); ++it) {
      const Node* child = findNodeById(*it);
      if (child && !child->hooked) {
        values = child;
        break;
      }
    }
  }
  addNodeToScope(scope, prefix, name, *values, scenario_.controller.startAtUnixSeconds);
  if (const Template* tmpl = resolveTemplate(node.templateName))
    addSkippedNodeDefaultsToScope(scope, prefix, name, node, prepared(*tmpl).merged);
}

void Operator::addFanOutToScope(Params& scope, const char* prefix, const std::string& name,
                                std::vector<const Node*> items) {
  const auto unreadable = addAggregateToScope(scope, prefix, name, std::move(items));
  if (unreadable && outputNotes_.insert(std::string("json:") + prefix + "." + name).second)
    diagnostics_.push_back(Diagnostic{Severity::Warning,
                                      {},
                                      "",
                                      std::string("argosim: the result '") + *unreadable +
                                          "' of an item of " + prefix + "." + name +
                                          " is not JSON, so Argo (processAggregateNodeOutputs) would fail "
                                          "the template with Go's JSON error; "
                                          "that is not simulated, and {{" +
                                          prefix + "." + name + ".outputs.result}} is left unresolved"});
}

void Operator::noteUnresolved(const std::string& reference, const std::string& nodeName) {
  if (!outputNotes_.insert("unresolved:" + nodeName + "/" + reference).second) return;
  diagnostics_.push_back(Diagnostic{
      Severity::Warning,
      {},
      "",
      "{{" + reference + "}} cannot be resolved, so the controller requeues " + nodeName +
          " without running it until it can (a step or task that does not exist or has not run yet, or an "
          "output it never produced)"});
}

} // namespace argosim
