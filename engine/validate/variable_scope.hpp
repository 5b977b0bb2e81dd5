// What a `{{…}}` may name at one point of Argo's submission check (validate.go: `scope` and globalParams).
#pragma once

#include "engine/model/workflow.hpp"

#include <set>
#include <string>
#include <vector>

namespace argosim {

struct VariableScope {
  std::set<std::string> names;
  // Every name under these prefixes: a step or task whose template is not simulated (templateRef, inline),
  // whose outputs Argo would know but argosim cannot.
  std::vector<std::string> prefixes;
  bool anyItem = false;                    // withParam: validate.go's `item.*` magic value
  bool anyWorkflowOutputParameter = false; // a globalName that is itself a `{{…}}`
  bool anyWorkflowOutputArtifact = false;

  bool contains(const std::string& name) const;
  void merge(const VariableScope& other);
};

// validate.go: newTemplateValidationCtx and Workflow's globalParams. `workflow.failures` and the
// `workflow.outputs.…` a globalName lifts are added by Argo only as its walk reaches the exit handler or the
// step that lifts them; here they are in scope from the start, so the order of that walk cannot turn a valid
// Workflow into a rejected one.
VariableScope workflowGlobals(const Workflow& workflow);

// validate.go: validateInputs and validateTemplate's locals, plus what common.SubstituteParams replaces
// before the check (`{{inputs.parameters}}` always).
void addTemplateLocals(VariableScope& scope, const Template& t);

// validate.go: addItemsToScope, once its errors are ruled out.
void addItems(VariableScope& scope, const Invocation& call);

// validate.go: addOutputsToScope. `kind` is "steps" or "tasks"; a null template is one argosim cannot see.
void addNodeOutputs(VariableScope& scope, const std::string& kind, const std::string& name, const Template* t,
                    bool aggregate, bool ancestor);

} // namespace argosim
