#include "engine/validate/variable_scope.hpp"

namespace argosim {

bool VariableScope::contains(const std::string& name) const {
  if (names.count(name)) return true;
  for (const auto& p : prefixes)
    if (name.rfind(p, 0) == 0) return true;
  return false;
}

void VariableScope::merge(const VariableScope& other) {
  names.insert(other.names.begin(), other.names.end());
  prefixes.insert(prefixes.end(), other.prefixes.begin(), other.prefixes.end());
  anyItem = anyItem || other.anyItem;
  anyWorkflowOutputParameter = anyWorkflowOutputParameter || other.anyWorkflowOutputParameter;
  anyWorkflowOutputArtifact = anyWorkflowOutputArtifact || other.anyWorkflowOutputArtifact;
}

namespace {

// validate.go: isParameter — a globalName written as a variable is only known at runtime.
bool isVariable(const std::string& s) {
  return s.find("{{") != std::string::npos;
}

} // namespace

VariableScope workflowGlobals(const Workflow& wf) {
  VariableScope g;
  for (const char* name :
       {"workflow.name", "workflow.namespace", "workflow.mainEntrypoint", "workflow.serviceAccountName",
        "workflow.uid", "workflow.status", "workflow.annotations", "workflow.annotations.json",
        "workflow.labels", "workflow.labels.json"})
    g.names.insert(name);
  if (!wf.arguments.empty()) {
    g.names.insert("workflow.parameters");
    g.names.insert("workflow.parameters.json");
  }
  for (const auto& p : wf.arguments)
    if (!p.name.value.empty()) g.names.insert("workflow.parameters." + p.name.value);
  for (const auto& k : wf.labelKeys)
    g.names.insert("workflow.labels." + k);
  for (const auto& k : wf.annotationKeys)
    g.names.insert("workflow.annotations." + k);
  if (wf.hasPriority) g.names.insert("workflow.priority");
  if (wf.onExit && !wf.onExit->value.empty()) g.names.insert("workflow.failures");
  for (const auto& t : wf.templates) {
    for (const auto& p : t.outputParameters) {
      if (p.globalName.empty()) continue;
      if (isVariable(p.globalName))
        g.anyWorkflowOutputParameter = true;
      else
        g.names.insert("workflow.outputs.parameters." + p.globalName);
    }
    for (const auto& a : t.outputArtifacts) {
      if (a.globalName.empty()) continue;
      if (isVariable(a.globalName))
        g.anyWorkflowOutputArtifact = true;
      else
        g.names.insert("workflow.outputs.artifacts." + a.globalName);
    }
  }
  return g;
}

void addTemplateLocals(VariableScope& scope, const Template& t) {
  scope.names.insert("inputs.parameters");
  for (const auto& p : t.inputs)
    scope.names.insert("inputs.parameters." + p.name.value);
  for (const auto& a : t.inputArtifacts) {
    scope.names.insert("inputs.artifacts." + a.value);
    scope.names.insert("inputs.artifacts." + a.value + ".path");
  }
  switch (t.type) { // wfv1.Template.IsPodType
  case TemplateType::Container:
  case TemplateType::ContainerSet:
  case TemplateType::Script:
  case TemplateType::Resource:
  case TemplateType::Data:
    scope.names.insert("pod.name");
    break;
  default:
    break;
  }
}

void addItems(VariableScope& scope, const Invocation& call) {
  if (call.withItems && !call.withItems->empty()) {
    for (const auto& item : *call.withItems) {
      if (item.value.is_array()) {
        for (std::size_t i = 0; i < item.value.size(); ++i)
          scope.names.insert("item.[" + std::to_string(i) + "]");
      } else if (item.value.is_object()) {
        for (const auto& entry : item.value.items())
          scope.names.insert("item." + entry.key());
      } else {
        scope.names.insert("item");
      }
    }
  } else if (call.withParam && !call.withParam->value.empty()) {
    scope.names.insert("item");
    scope.anyItem = true;
  } else if (call.withSequence) {
    scope.names.insert("item");
  }
}

namespace {

// wfv1.Template.HasOutput. A containerSet counts only with a container named "main", which argosim does not
// read: it is given the benefit of the doubt.
bool hasOutput(TemplateType type) {
  switch (type) {
  case TemplateType::Container:
  case TemplateType::ContainerSet:
  case TemplateType::Script:
  case TemplateType::Data:
  case TemplateType::Http:
  case TemplateType::Plugin:
    return true;
  default:
    return false;
  }
}

} // namespace

void addNodeOutputs(VariableScope& scope, const std::string& kind, const std::string& name, const Template* t,
                    bool aggregate, bool ancestor) {
  const std::string ref = kind + "." + name;
  if (!t) {
    scope.prefixes.push_back(ref + ".");
    return;
  }
  for (const char* field : {".id", ".startedAt", ".finishedAt", ".hostNodeName"})
    scope.names.insert(ref + field);
  if (t->daemon) scope.names.insert(ref + ".ip");
  if (hasOutput(t->type)) {
    scope.names.insert(ref + ".outputs.result");
    scope.names.insert(ref + ".exitCode");
  }
  for (const auto& p : t->outputParameters)
    scope.names.insert(ref + ".outputs.parameters." + p.name.value);
  for (const auto& a : t->outputArtifacts)
    scope.names.insert(ref + ".outputs.artifacts." + a.name.value);
  if (aggregate) {
    // A fanned-out script or containerSet aggregates its results too; a container only its parameters.
    if (t->type == TemplateType::Script || t->type == TemplateType::ContainerSet) {
      scope.names.insert(ref + ".outputs.result");
      scope.names.insert(ref + ".exitCode");
    }
    scope.names.insert(ref + ".outputs.parameters");
  }
  if (ancestor) scope.names.insert(ref + ".status");
}

} // namespace argosim
