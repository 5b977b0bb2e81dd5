// One Argo template and the steps/DAG tasks that call other templates, as written in the Workflow.
#pragma once

#include "engine/model/int_or_string.hpp"
#include "engine/model/retry_strategy.hpp"
#include "engine/model/source_pos.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace argosim {

struct Parameter {
  Located<std::string> name;
  std::optional<Located<std::string>> value; // `value`, or `default` for an input
  SourcePos pos;
  bool hasValueFrom = false; // `valueFrom` given (not modelled; it counts as a value for validation)
  std::optional<Located<std::string>> defaultValue; // an input's `default` as written
  // An output's `valueFrom.default`: the executor's value when the file it names cannot be read.
  std::optional<Located<std::string>> valueFromDefault;
  bool valueFromSupplied = false; // an output's `valueFrom.supplied`: a suspend node's value, given on resume
  // A steps or DAG template's output: `valueFrom.parameter`, the reference its value comes from.
  std::optional<std::string> valueFromParameter;
  // An output's `valueFrom.parameter` and `valueFrom.expression`, searched for references to results.
  std::vector<std::string> valueFromReferences;
};

// Where in a template a text holding `{{` sits: Argo checks the body and outputs (validate.go:
// resolveAllVariables); inputs are overwritten by arguments first, and inline templates are not simulated.
enum class TextPlace { Body, Inputs, Outputs, Inline };

// A string value of the Workflow that holds `{{`, in document order.
struct TaggedText {
  Located<std::string> text;
  TextPlace place = TextPlace::Body;
};

// A declared output parameter or artifact: what a later `{{steps.x.outputs.…}}` may name.
struct OutputDecl {
  Located<std::string> name;
  std::string globalName;
};

struct ContinueOn {
  bool failed = false;
  bool error = false;
};

struct Sequence {
  std::optional<IntOrString> count;
  std::optional<IntOrString> start;
  std::optional<IntOrString> end;
  std::optional<Located<std::string>> format;
  SourcePos pos;
};

struct LifecycleHook {
  Located<std::string> templateName;
  std::optional<Located<std::string>> expression;
  SourcePos pos;
};

// What a step and a DAG task share: a call of a template, possibly fanned out over items.
struct Invocation {
  Located<std::string> name;
  Located<std::string> templateName;
  std::vector<Parameter> arguments;
  std::optional<Located<std::string>> when;
  ContinueOn continueOn;
  std::optional<std::vector<Located<nlohmann::json>>> withItems;
  std::optional<Sequence> withSequence;
  std::optional<Located<std::string>> withParam;
  std::optional<Located<std::string>> onExit; // deprecated spelling of hooks.exit
  std::map<std::string, LifecycleHook> hooks;
  SourcePos pos;
  bool hasContinueOn = false; // `continueOn` written at all (validateDAG forbids it beside `depends`)
  SourcePos continueOnPos;
  std::optional<SourcePos> templateRefPos; // `templateRef` (not simulated: no WorkflowTemplates here)
  std::optional<SourcePos> inlinePos;      // `inline` template (not simulated)
  std::vector<TaggedText> taggedTexts;     // the step's or task's own texts holding `{{`
};

using WorkflowStep = Invocation;

struct DagTask {
  Invocation call;
  std::vector<Located<std::string>> dependencies;
  std::optional<Located<std::string>> depends;
};

enum class TemplateType {
  Container,
  Script,
  Resource,
  Data,
  ContainerSet,
  Http,
  Plugin,
  Steps,
  Dag,
  Suspend,
  Unknown
};

const char* templateTypeName(TemplateType type);
inline bool isLeaf(TemplateType type) {
  return type != TemplateType::Steps && type != TemplateType::Dag && type != TemplateType::Suspend &&
         type != TemplateType::Unknown;
}

struct Template {
  Located<std::string> name;
  TemplateType type = TemplateType::Unknown;
  // The main container's command line, only read to infer a pod's behaviour (`sleep 5; exit 1`).
  std::vector<std::string> command;
  std::vector<std::string> args;
  std::string scriptSource;
  std::vector<Parameter> inputs;
  std::vector<Parameter> outputs; // outputs.parameters
  std::optional<IntOrString> activeDeadlineSeconds;
  std::optional<Located<std::string>> timeout;
  std::optional<Located<std::string>> pendingTimeout;
  std::optional<RetryStrategy> retryStrategy;
  std::optional<Located<bool>> failFast;
  std::optional<IntOrString> parallelism;
  std::vector<std::vector<WorkflowStep>> steps;
  std::vector<DagTask> tasks;
  std::optional<Located<std::string>> dagTarget;
  std::optional<Located<bool>> dagFailFast;
  std::optional<Located<std::string>> suspendDuration;
  std::vector<Located<std::string>> inputArtifacts;
  std::vector<OutputDecl> outputParameters;
  std::vector<OutputDecl> outputArtifacts;
  bool daemon = false;
  std::vector<TaggedText> taggedTexts; // every text of the template holding `{{`, its steps' and tasks' too
  SourcePos pos;
  // How many template-type keys (container, steps, dag, …) were written: validateTemplateType wants exactly
  // one.
  int typeCount = 0;
};

} // namespace argosim
