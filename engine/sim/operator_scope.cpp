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

std::optional<ControllerError> Operator::templateOutputs(const Template& tmpl, const Params& scope,
                                                         NodeOutputs* out) {
  for (const auto& p : tmpl.outputs) {
    if (!p.hasValueFrom)
      return ControllerError{ControllerError::Kind::Generic,
                             "output parameters must have a valueFrom specified", ended_by::kConfigError};
    std::optional<std::string> value;
    bool unresolved = false;
    if (p.valueFromParameter) {
      // template.ResolveVar: the whole text is one tag, looked up as it is.
      std::string_view tag = *p.valueFromParameter;
      if (tag.substr(0, 2) == "{{") tag.remove_prefix(2);
      if (tag.size() >= 2 && tag.substr(tag.size() - 2) == "}}") tag.remove_suffix(2);
      while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t'))
        tag.remove_prefix(1);
      while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t'))
        tag.remove_suffix(1);
      if (const auto it = scope.find(tag); it != scope.end() && tag.substr(0, 1) != "=") {
        value = it->second;
      } else if (!p.valueFromDefault && tag.substr(0, 1) != "=") {
        return ControllerError{ControllerError::Kind::Generic,
                               "Unable to resolve: \"" + std::string(tag) + "\"", ended_by::kConfigError};
      } else {
        unresolved = true;
      }
    } else if (p.valueFromReferences.empty()) {
      value = std::string(); // resolveParameter: neither parameter nor expression gives ""
    } else {
      unresolved = true; // valueFrom.expression
    }
    if (!value && p.valueFromDefault) value = p.valueFromDefault->value;
    if (!value) {
      if (unresolved && outputNotes_.insert("expression:" + tmpl.name.value + "." + p.name.value).second)
        diagnostics_.push_back(
            Diagnostic{Severity::Warning, p.name.pos, "",
                       "argosim: output parameter '" + p.name.value + "' of template '" + tmpl.name.value +
                           "' comes from an expression, which is not simulated; it is left "
                           "unset"});
      continue;
    }
    out->parameters.emplace_back(p.name.value, std::move(*value));
  }
  return std::nullopt;
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
