// What a pod reports as its outputs: operator.go includeScriptOutput / hasOutputResultRef decide whether the
// executor captures main's stdout (executor.go CaptureScriptResult), and SaveParameters reads the declared
// output parameters. The Scenario says what main prints and what the parameter files hold.
#include "engine/sim/command_behaviour.hpp"
#include "engine/sim/operator.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace argosim {

namespace {
// operator.go generateOutputResultRegex: `<prefix>.<name>.outputs.result`, or the expression form
// `<prefix>['<name>'].outputs.result`. Adds each such name found in `text`.
void addResultReferences(std::string_view text, std::string_view prefix,
                         std::unordered_set<std::string>& names) {
  static constexpr std::string_view kTail = ".outputs.result";
  const auto endsWith = [&](std::size_t end, std::string_view what) {
    return end >= what.size() && text.substr(end - what.size(), what.size()) == what;
  };
  for (auto at = text.find(kTail); at != std::string_view::npos; at = text.find(kTail, at + 1)) {
    if (at >= 3 && text[at - 1] == ']' && (text[at - 2] == '\'' || text[at - 2] == '"')) {
      const char quote = text[at - 2];
      const auto open = text.rfind(quote, at - 3);
      if (open == std::string_view::npos || open == 0 || text[open - 1] != '[') continue;
      if (endsWith(open - 1, prefix)) names.emplace(text.substr(open + 1, at - 2 - open - 1));
      continue;
    }
    const auto dot = text.rfind('.', at - 1);
    if (at == 0 || dot == std::string_view::npos) continue;
    if (endsWith(dot, prefix)) names.emplace(text.substr(dot + 1, at - dot - 1));
  }
}

void addCallResultReferences(const Invocation& call, std::string_view prefix,
                             std::unordered_set<std::string>& names) {
  for (const auto& a : call.arguments)
    if (a.value) addResultReferences(a.value->value, prefix, names);
  if (call.when) addResultReferences(call.when->value, prefix, names);
  if (call.withParam) addResultReferences(call.withParam->value, prefix, names);
  for (const auto& entry : call.hooks)
    if (entry.second.expression) addResultReferences(entry.second.expression->value, prefix, names);
}

// operator.go hasOutputResultRef, for every step or task of a parent (steps or DAG) template at once: the
// names whose result it refers to. Argo searches the template's JSON; these are the fields of it that can
// hold a reference.
std::unordered_set<std::string> resultReferences(const Template& parent) {
  const std::string_view prefix = parent.type == TemplateType::Dag     ? "tasks"
                                  : parent.type == TemplateType::Steps ? "steps"
                                                                       : "";
  std::unordered_set<std::string> names;
  for (const auto& group : parent.steps)
    for (const auto& step : group)
      addCallResultReferences(step, prefix, names);
  for (const auto& task : parent.tasks)
    addCallResultReferences(task.call, prefix, names);
  for (const auto& p : parent.outputs) {
    if (p.value) addResultReferences(p.value->value, prefix, names);
    for (const auto& text : p.valueFromReferences)
      addResultReferences(text, prefix, names);
  }
  return names;
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
  bool captured = false;
  if (parent && hasOutput(tmpl.type) && !stepOrTaskName.empty()) {
    // Every pod of a long chain or fan-out asks: the parent is searched once.
    auto cached = resultReferences_.find(parent);
    if (cached == resultReferences_.end())
      cached = resultReferences_.emplace(parent, resultReferences(prepared(*parent).merged)).first;
    captured = cached->second.count(stepOrTaskName) > 0;
  }
  if (captured) {
    if (behaviour.result) {
      out.result = behaviour.result;
    } else if (auto printed = stdoutFromCommand(tmpl)) {
      out.result = std::move(*printed);
      *source += "; result from the container command";
    } else {
      out.result = std::string();
      *source += "; result \"\" (prints nothing)";
      // A later step reads what this one printed, which only the Scenario can say (coinflip's random choice).
      // Said for an attempt meant to succeed: a Retry node hands on its successful attempt's result, so a
      // failing attempt without one is no gap.
      const bool succeeds = behaviour.exitCode == 0 && !behaviour.error;
      if (succeeds && outputNotes_.insert("result:" + tmpl.name.value).second)
        diagnostics_.push_back(Diagnostic{
            Severity::Warning, tmpl.pos, "",
            "the result of template '" + tmpl.name.value +
                "' is read by a later step, but argosim does not run its program: it is taken as \"\"; say "
                "what it prints with `result:` in the Scenario (pods: {" +
                stepOrTaskName + ": {result: …}})"});
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
