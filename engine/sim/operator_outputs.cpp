// What a pod reports as its outputs: operator.go includeScriptOutput / hasOutputResultRef decide whether the
// executor captures main's stdout (executor.go CaptureScriptResult), and SaveParameters reads the declared
// output parameters. The Scenario says what main prints and what the parameter files hold.
#include "engine/sim/command_behaviour.hpp"
#include "engine/sim/operator.hpp"

#include <algorithm>

namespace argosim {

namespace {
// operator.go generateOutputResultRegex: `<prefix>.<name>.outputs.result`, or the expression form
// `<prefix>['<name>'].outputs.result`, anywhere in the parent template.
bool mentionsResult(std::string_view text, const std::string& prefix, const std::string& name) {
  const std::string plain = prefix + "." + name + ".outputs.result";
  if (text.find(plain) != std::string_view::npos) return true;
  for (const char quote : {'\'', '"'}) {
    const std::string indexed = prefix + "[" + quote + name + quote + "].outputs.result";
    if (text.find(indexed) != std::string_view::npos) return true;
  }
  return false;
}

bool callMentionsResult(const Invocation& call, const std::string& prefix, const std::string& name) {
  const auto mentions = [&](std::string_view text) { return mentionsResult(text, prefix, name); };
  for (const auto& a : call.arguments)
    if (a.value && mentions(a.value->value)) return true;
  if (call.when && mentions(call.when->value)) return true;
  if (call.withParam && mentions(call.withParam->value)) return true;
  for (const auto& [_, hook] : call.hooks)
    if (hook.expression && mentions(hook.expression->value)) return true;
  return false;
}

// operator.go hasOutputResultRef: whether the parent (steps or DAG) template refers to the result of its step
// or task `name`. Argo searches the template's JSON; these are the fields of it that can hold a reference.
bool referencesResult(const Template& parent, const std::string& name) {
  const std::string prefix = parent.type == TemplateType::Dag     ? "tasks"
                             : parent.type == TemplateType::Steps ? "steps"
                                                                  : "";
  for (const auto& group : parent.steps)
    for (const auto& step : group)
      if (callMentionsResult(step, prefix, name)) return true;
  for (const auto& task : parent.tasks)
    if (callMentionsResult(task.call, prefix, name)) return true;
  for (const auto& p : parent.outputs) {
    if (p.value && mentionsResult(p.value->value, prefix, name)) return true;
    for (const auto& text : p.valueFromReferences)
      if (mentionsResult(text, prefix, name)) return true;
  }
  return false;
}

// types.go Template.HasOutput: the pod-running types whose main container's result can be captured.
bool hasOutput(TemplateType type) {
  return isLeaf(type) && type != TemplateType::Resource;
}
} // namespace

NodeOutputs Operator::podOutputs(const Template& tmpl, const std::string& stepOrTaskName,
                                 const std::string& boundaryId, const AttemptBehaviour& behaviour,
                                 std::string* source) {
  NodeOutputs out;
  const Node* boundary = boundaryId.empty() ? nullptr : findNodeById(boundaryId);
  const Template* parent = boundary ? resolveTemplate(boundary->templateName) : nullptr;
  if (parent && hasOutput(tmpl.type) && !stepOrTaskName.empty() &&
      referencesResult(prepared(*parent).merged, stepOrTaskName)) {
    if (behaviour.result) {
      out.result = behaviour.result;
    } else if (auto printed = stdoutFromCommand(tmpl)) {
      out.result = std::move(*printed);
      *source += "; result from the container command";
    } else {
      out.result = std::string();
      *source += "; result \"\" (prints nothing)";
    }
    // CaptureScriptResult trims one trailing newline.
    if (!out.result->empty() && out.result->back() == '\n') out.result->pop_back();
  }

  for (const auto& entry : behaviour.parameters) {
    // Not a structured binding: clang 14 (emscripten) cannot capture bindings in lambdas.
    const Located<std::string>& name = entry.first;
    const bool declared = std::any_of(tmpl.outputs.begin(), tmpl.outputs.end(),
                                      [&](const Parameter& p) { return p.name.value == name.value; });
    if (!declared && outputNotes_
                         .insert("undeclared:" + name.value + "@" + std::to_string(name.pos.line) + ":" +
                                 std::to_string(name.pos.column))
                         .second)
      diagnostics_.push_back(Diagnostic{Severity::Warning, name.pos, "",
                                        "the Scenario gives output parameter '" + name.value +
                                            "', which template '" + tmpl.name.value + "' does not declare"});
  }
  for (const auto& p : tmpl.outputs) {
    const auto given = std::find_if(behaviour.parameters.begin(), behaviour.parameters.end(),
                                    [&](const auto& entry) { return entry.first.value == p.name.value; });
    std::optional<std::string> value;
    if (given != behaviour.parameters.end())
      value = given->second;
    else if (p.valueFromDefault)
      value = p.valueFromDefault->value;
    else if (p.value && !p.hasValueFrom)
      value = p.value->value;
    if (!value) {
      if (outputNotes_.insert("novalue:" + tmpl.name.value + "." + p.name.value).second)
        diagnostics_.push_back(
            Diagnostic{Severity::Warning, p.name.pos, "",
                       "output parameter '" + p.name.value + "' of template '" + tmpl.name.value +
                           "' gets no value: the Scenario gives none (parameters: {" + p.name.value +
                           ": …}) and it has no valueFrom.default; argosim leaves it unset"});
      continue;
    }
    // SaveParameters trims one trailing newline.
    if (!value->empty() && value->back() == '\n') value->pop_back();
    out.parameters.emplace_back(p.name.value, std::move(*value));
  }
  return out;
}

} // namespace argosim
