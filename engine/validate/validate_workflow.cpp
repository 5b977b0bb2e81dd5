#include "engine/validate/validate_workflow.hpp"

#include "engine/parse/argo_duration.hpp"
#include "engine/text/template_tags.hpp"
#include "engine/validate/dag_dependencies.hpp"
#include "engine/validate/expression_warnings.hpp"
#include "engine/validate/pod_stand_in_warnings.hpp"
#include "engine/validate/resolve_variables.hpp"
#include "engine/validate/timeout_warnings.hpp"
#include "engine/validate/variable_scope.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace argosim {
namespace {

using parse_detail::goAtoi;
using parse_detail::parseArgoDurationText;

struct ArgoError {
  std::string message;
  SourcePos pos;
  std::string path;
};
using Check = std::optional<ArgoError>;

Check fail(std::string message, SourcePos pos, std::string path = "") {
  return ArgoError{std::move(message), pos, std::move(path)};
}

// Argo wraps a callee's error with the caller's context: "templates.main.steps[0].a <inner>".
Check wrap(Check inner, const std::string& prefix) {
  if (inner) inner->message = prefix + " " + inner->message;
  return inner;
}

// validateDAGTaskArgumentDependency walks a task's ancestry per `{{tasks.…}}` argument; past this many tasks
// in one DAG that would be quadratic, so the check is skipped (nothing else depends on it).
constexpr std::size_t kMaxAncestryTasks = 2000;

constexpr std::string_view kPlaceholder = "__argo__internal__placeholder-"; // template.PlaceholderPrefix

bool isAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// validate.go: isValidWorkflowFieldName (regex [a-zA-Z0-9][-a-zA-Z0-9]*, at most 128 characters).
std::string workflowFieldNameErrors(const std::string& name) {
  std::vector<std::string> errs;
  if (name.size() > 128) errs.push_back("must be no more than 128 characters");
  bool ok = !name.empty() && isAlnum(name[0]);
  for (char c : name)
    ok = ok && (isAlnum(c) || c == '-');
  if (!ok)
    errs.push_back(
        "name must consist of alpha-numeric characters or '-', and must start with an alpha-numeric "
        "character (e.g. My-name1-2, 123-NAME)");
  std::string out;
  for (std::size_t i = 0; i < errs.size(); ++i)
    out += (i ? ";" : "") + errs[i];
  return out;
}

// validate.go: isValidParamOrArtifactName.
std::string paramNameErrors(const std::string& name) {
  bool ok = !name.empty();
  for (char c : name)
    ok = ok && (isAlnum(c) || c == '-' || c == '_');
  return ok ? ""
            : "Parameter/Artifact name must consist of alpha-numeric characters, '_' or '-' e.g. my_param_1, "
              "MY-PARAM-1";
}

// validate.go: validateWorkflowFieldNames; returns the suffix Argo appends to its prefix ("[0].name is
// required").
template <class Item, class NameOf, class Errors>
std::optional<std::pair<std::string, SourcePos>> fieldNames(const std::vector<Item>& items, NameOf nameOf,
                                                            Errors errorsFor) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Located<std::string>& name = nameOf(items[i]);
    std::string idx = "[" + std::to_string(i) + "]";
    if (name.value.empty()) return std::make_pair(idx + ".name is required", name.pos);
    std::string errs = errorsFor(name.value);
    if (!errs.empty())
      return std::make_pair(idx + ".name: '" + name.value + "' is invalid: " + errs, name.pos);
    if (!seen.insert(name.value).second)
      return std::make_pair(idx + ".name '" + name.value + "' is not unique", name.pos);
  }
  return std::nullopt;
}

// validate.go: validateArguments (names, then that each parameter has a value or valueFrom).
Check validateArguments(const std::string& prefix, const std::vector<Parameter>& params) {
  if (auto e = fieldNames(
          params, [](const Parameter& p) -> const Located<std::string>& { return p.name; }, paramNameErrors))
    return fail(prefix + "parameters" + e->first, e->second);
  for (const auto& p : params)
    if (!p.value && !p.hasValueFrom)
      return fail(prefix + p.name.value + ".value or " + prefix + p.name.value + ".valueFrom is required",
                  p.pos);
  return std::nullopt;
}

// A template's inputs once arguments are applied (common.ProcessArgs): name → value, for the substitution of
// `{{inputs.parameters.x}}` in the fields validateTemplate checks after substitution.
using Values = std::map<std::string, std::string>;

// What provides a template's arguments: validate.go passes FakeArguments (every parameter "supplied" with an
// internal placeholder), the workflow's spec.arguments, or a step's/task's own arguments.
struct Args {
  bool fake = false;
  const std::vector<Parameter>* params = nullptr;
};

class Validator {
public:
  Validator(const Workflow& wf, const ArgoProfile& profile, Diagnostics& out)
      : wf_(wf), profile_(profile), out_(out), globalScope_(workflowGlobals(wf)) {
    for (const auto& p : wf.arguments)
      if (p.value) globals_["workflow.parameters." + p.name.value] = p.value->value;
  }

  Check workflow() {
    // Name length is only known here for an explicit metadata.name; a generated name is cut to fit by Argo.
    if (!wf_.generateName && wf_.name.value.size() > 63)
      return fail("workflow name \"" + wf_.name.value +
                      "\" must not be more than 63 characters long (currently " +
                      std::to_string(wf_.name.value.size()) + ")",
                  wf_.name.pos, "metadata.name");
    if (auto e = fieldNames(
            wf_.templates, [](const Template& t) -> const Located<std::string>& { return t.name; },
            workflowFieldNameErrors))
      return fail("spec.templates" + e->first, e->second);
    if (auto e = validateArguments("spec.arguments.", wf_.arguments)) return e;
    if (wf_.entrypoint.value.empty()) return fail("spec.entrypoint is required", wf_.pos, "spec.entrypoint");
    Args wfArgs{false, &wf_.arguments};
    if (auto e = templateHolder(wf_.entrypoint, wfArgs, 0)) return e;
    if (wf_.onExit && !wf_.onExit->value.empty())
      if (auto e = templateHolder(*wf_.onExit, wfArgs, 0)) return e;
    if (auto e = validateHooks(wf_.hooks, "hooks")) return e;
    for (const auto& t : wf_.templates)
      if (auto e = wrap(templateHolder(t.name, Args{true, nullptr}, 0), "templates." + t.name.value))
        return e;
    return std::nullopt;
  }

private:
  const Template* find(const std::string& name) const { return wf_.findTemplate(name); }

  // validate.go: validateHooks — every hook but `exit` needs an expression.
  Check validateHooks(const std::map<std::string, LifecycleHook>& hooks, const std::string& base) {
    for (const auto& [name, hook] : hooks)
      if (name != "exit" && (!hook.expression || hook.expression->value.empty()))
        return fail(base + "." + name + " Expression required", hook.pos);
    return std::nullopt;
  }

  // validate.go: validateTemplateHolder — the name must resolve, then the retry policy, then
  // validateTemplate.
  Check templateHolder(const Located<std::string>& name, Args args, int depth) {
    const Template* t = find(name.value);
    if (!t) return fail("template name '" + name.value + "' undefined", name.pos);
    if (t->retryStrategy && t->retryStrategy->retryPolicy) {
      const auto& policy = *t->retryStrategy->retryPolicy;
      if (policy.value != "Always" && policy.value != "OnFailure" && policy.value != "OnError" &&
          policy.value != "OnTransientError" && !policy.value.empty())
        return fail(policy.value + " is not a valid RetryPolicy", policy.pos);
    }
    return validateTemplate(*t, args, depth);
  }

  // Invocations by templateRef or an inline template cannot be resolved here (no WorkflowTemplates).
  bool unresolvable(const Invocation& call) {
    if (call.templateRefPos && call.templateName.value.empty()) {
      warnOnce(*call.templateRefPos,
               "templateRef is not simulated: the referenced WorkflowTemplate is unknown here");
      return true;
    }
    if (call.inlinePos && call.templateName.value.empty()) {
      warnOnce(*call.inlinePos, "an inline template is not simulated");
      return true;
    }
    return false;
  }

  void warnOnce(SourcePos pos, const std::string& message) {
    for (const auto& d : out_)
      if (d.pos.line == pos.line && d.pos.column == pos.column && d.message == message) return;
    out_.push_back({Severity::Warning, pos, "", message});
  }

  // ProcessArgs: an input takes its default, then the argument; none at all is "was not supplied".
  std::variant<Values, ArgoError> processArgs(const Template& t, Args args) {
    Values values;
    for (const auto& in : t.inputs) {
      std::optional<std::string> value;
      if (in.value) value = in.value->value;
      if (args.fake) {
        value = std::string(kPlaceholder) + "1";
      } else if (args.params) {
        for (const auto& a : *args.params) {
          if (a.name.value != in.name.value) continue;
          if (a.value)
            value = a.value->value;
          else if (a.hasValueFrom)
            value = std::string(kPlaceholder) + "1";
          break;
        }
      }
      if (!value && !in.hasValueFrom)
        return ArgoError{"templates." + t.name.value + " inputs.parameters." + in.name.value +
                             " was not supplied",
                         in.pos, ""};
      values["inputs.parameters." + in.name.value] = value.value_or(std::string(kPlaceholder) + "1");
    }
    return values;
  }

  // template.Replace on one field: known `{{inputs.parameters.x}}` / `{{workflow.parameters.x}}` tags are
  // replaced, others are left as written (validation replaces with allowUnresolved).
  std::string substitute(const std::string& text, const Values& values) const {
    std::string out;
    std::size_t i = 0;
    for (auto found = nextTemplateTag(text, 0); found; found = nextTemplateTag(text, found->end)) {
      std::string tag(found->body);
      std::size_t a = tag.find_first_not_of(' '), b = tag.find_last_not_of(' ');
      tag = a == std::string::npos ? "" : tag.substr(a, b - a + 1);
      out += text.substr(i, found->open - i);
      if (auto it = values.find(tag); it != values.end())
        out += it->second;
      else if (auto g = globals_.find(tag); g != globals_.end())
        out += g->second;
      else
        out += text.substr(found->open, found->end - found->open);
      i = found->end;
    }
    return out + text.substr(i);
  }

  // validate.go: validateTemplate.
  Check validateTemplate(const Template& t, Args args, int depth) {
    const std::string& name = t.name.value;
    if (t.typeCount == 0)
      return fail(
          "templates." + name +
              " template type unspecified. choose one of: container, containerSet, steps, script, resource, "
              "dag, suspend, template, template ref",
          t.name.pos);
    if (t.typeCount > 1)
      return fail(
          "templates." + name +
              " multiple template types specified. choose one of: container, containerSet, steps, script, "
              "resource, dag, suspend, template, template ref",
          t.name.pos);
    if (auto e = fieldNames(
            t.inputs, [](const Parameter& p) -> const Located<std::string>& { return p.name; },
            paramNameErrors))
      return fail("templates." + name + ".inputs.parameters" + e->first, e->second);
    auto processed = processArgs(t, args);
    if (auto* e = std::get_if<ArgoError>(&processed)) return *e;
    const Values& values = std::get<Values>(processed);
    if (auto p = findUnclosedTag(t.taggedTexts)) return fail("templates." + name + " " + p->message, p->pos);

    if (t.timeout && !t.timeout->value.empty()) {
      if (!isLeaf(t.type))
        return fail(std::string(templateTypeName(t.type)) + " template doesn't support timeout field" +
                        std::string(profile_.timeoutValidationEnd),
                    t.timeout->pos);
      if (goAtoi(substitute(t.timeout->value, values)))
        return fail(name + " has invalid duration format in timeout" +
                        std::string(profile_.timeoutValidationEnd),
                    t.timeout->pos);
    }
    if (t.pendingTimeout && !t.pendingTimeout->value.empty() && !isLeaf(t.type))
      return fail(std::string(templateTypeName(t.type)) + " template doesn't support pendingTimeout field",
                  t.pendingTimeout->pos);

    if (!validated_.insert(name).second) return std::nullopt; // tctx.results: the rest ran once already
    if (depth >= kMaxValidationDepth) {
      warnOnce(t.name.pos, "templates nest deeper than " + std::to_string(kMaxValidationDepth) +
                               " levels here: the validator did not look further");
      return std::nullopt;
    }
    VariableScope scope = globalScope_;
    addTemplateLocals(scope, t);
    Check error;
    switch (t.type) {
    case TemplateType::Steps:
      error = validateSteps(t, scope, depth);
      break;
    case TemplateType::Dag:
      error = validateDag(t, scope, depth);
      break;
    default:
      error = validateLeaf(t, values, scope);
    }
    if (error) return error;
    // validate.go: validateOutputs — a steps or DAG template's outputs see every step or task.
    if (auto p = findUnresolvedTag(t.taggedTexts, {TextPlace::Outputs}, {&scope}))
      return fail("templates." + name + ".outputs " + p->message, p->pos);
    return std::nullopt;
  }

  // validate.go: validateNonLeaf.
  Check nonLeaf(const Template& t) {
    if (t.activeDeadlineSeconds)
      return fail("templates." + t.name.value + ".activeDeadlineSeconds is only valid for leaf templates",
                  t.activeDeadlineSeconds->pos);
    return std::nullopt;
  }

  // validate.go: validateLeaf (the parts about fields this model keeps); suspend templates come here too.
  Check validateLeaf(const Template& t, const Values& values, const VariableScope& scope) {
    if (auto p = findUnresolvedTag(t.taggedTexts, {TextPlace::Body, TextPlace::Outputs}, {&scope}))
      return fail("templates." + t.name.value + ": " + p->message, p->pos);
    if (t.activeDeadlineSeconds) {
      const IntOrString& ads = *t.activeDeadlineSeconds;
      std::string message = "templates." + t.name.value +
                            ".activeDeadlineSeconds must be a positive integer > 0 or an argo variable";
      if (ads.isString) {
        std::string s = substitute(ads.stringValue, values);
        bool variable = s.size() >= 4 && s.rfind("{{", 0) == 0 && s.compare(s.size() - 2, 2, "}}") == 0;
        auto n = goAtoi(s);
        if (!n && !variable && s.rfind(kPlaceholder, 0) != 0) return fail(message, ads.pos);
        if (n && *n < 0) return fail(message, ads.pos);
      } else if (ads.intValue < 0) {
        return fail(message, ads.pos);
      }
    }
    if (t.parallelism)
      return fail("templates." + t.name.value + ".parallelism is only valid for steps and dag templates",
                  t.parallelism->pos);
    return std::nullopt;
  }

  // validate.go: addItemsToScope (the parts that can fail).
  Check items(const Invocation& call) {
    int defined = (call.withItems && !call.withItems->empty()) +
                  (call.withParam && !call.withParam->value.empty()) + (call.withSequence ? 1 : 0);
    if (defined > 1) return fail("only one of withItems, withParam, withSequence can be specified", call.pos);
    if (defined == 1 && call.withSequence && call.withSequence->count && call.withSequence->end)
      return fail("only one of count or end can be defined in withSequence", call.withSequence->pos);
    return std::nullopt;
  }

  // validate.go: validateSteps.
  Check validateSteps(const Template& t, VariableScope& scope, int depth) {
    if (auto e = nonLeaf(t)) return e;
    const std::string& name = t.name.value;
    std::set<std::string> stepNames;
    for (std::size_t i = 0; i < t.steps.size(); ++i) {
      for (const auto& step : t.steps[i]) {
        std::string at = "templates." + name + ".steps[" + std::to_string(i) + "]";
        const std::string& sn = step.name.value;
        if (sn.empty()) return fail(at + ".name is required", step.pos);
        if (!stepNames.insert(sn).second) return fail(at + ".name '" + sn + "' is not unique", step.name.pos);
        if (std::string errs = workflowFieldNameErrors(sn); !errs.empty())
          return fail(at + ".name '" + sn + "' is invalid: " + errs, step.name.pos);
        std::string prefix = at + "." + sn;
        scope.names.insert("steps." + sn + ".status");
        if (auto e = wrap(items(step), prefix)) return e;
        addItems(scope, step); // into the template's scope: Argo's item names outlive their step
        if (auto e = validateArguments(prefix + ".arguments.", step.arguments)) return e;
        checkExitHandlerRefs(step);
        const bool hidden = unresolvable(step);
        const Template* callee = hidden ? nullptr : find(step.templateName.value);
        if (!hidden)
          if (auto e = wrap(templateHolder(step.templateName, Args{true, nullptr}, depth + 1), prefix))
            return e;
        if (hasExitHook(step)) addNodeOutputs(scope, "steps", sn, callee, false, false);
        if (auto e = validateHooks(step.hooks, prefix)) return e;
        // Later steps, of this group too, are not in scope yet: Argo adds each step's outputs after it.
        if (auto p = findUnresolvedTag(step.taggedTexts, {TextPlace::Body}, {&scope}))
          return fail("templates." + name + ".steps " + p->message, p->pos);
        addNodeOutputs(scope, "steps", sn, callee, fansOut(step), false);
        if (hidden) continue;
        if (auto e = wrap(templateHolder(step.templateName, Args{false, &step.arguments}, depth + 1), prefix))
          return e;
      }
    }
    return std::nullopt;
  }

  static bool hasExitHook(const Invocation& call) {
    return call.hooks.count("exit") || (call.onExit && !call.onExit->value.empty());
  }

  // Whose outputs Argo aggregates (validate.go: `aggregate`): withSequence does not count.
  static bool fansOut(const Invocation& call) {
    return (call.withItems && !call.withItems->empty()) || (call.withParam && !call.withParam->value.empty());
  }

  // Argo's validator never resolves a step's or task's own onExit / hooks templates; a missing one only shows
  // when the hook runs. Said up front, as a warning.
  void checkExitHandlerRefs(const Invocation& call) {
    auto check = [&](const Located<std::string>& ref, const char* what) {
      if (!ref.value.empty() && !find(ref.value))
        warnOnce(ref.pos,
                 std::string(what) + " template '" + ref.value +
                     "' is not defined: Argo's validator does not check it, the hook fails when it runs");
    };
    if (call.onExit) check(*call.onExit, "onExit");
    for (const auto& [hookName, hook] : call.hooks)
      check(hook.templateName, "hook");
  }

  // validate.go: sortDAGTasks via util/sorting: TopologicalSorting (its errors come first). Returns the tasks
  // in the order the rest of validateDAG visits them: Go starts from a map, so ties follow document order
  // here.
  Check sortTasks(const Template& t, std::vector<const DagTask*>& sorted) {
    const std::string prefix = "templates." + t.name.value + " sorting failed: ";
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < t.tasks.size(); ++i)
      if (!index.emplace(t.tasks[i].call.name.value, i).second)
        return fail(prefix + "duplicated nodeName " + t.tasks[i].call.name.value, t.tasks[i].call.name.pos);
    std::vector<std::vector<std::size_t>> next(t.tasks.size());
    std::vector<std::size_t> prior(t.tasks.size(), 0);
    for (std::size_t i = 0; i < t.tasks.size(); ++i) {
      auto deps = taskDependencies(t.tasks[i]);
      prior[i] = deps.size();
      for (const auto& d : deps) {
        auto it = index.find(d.task);
        if (it == index.end())
          return fail(prefix + "invalid dependency " + d.task, dependencyPos(t.tasks[i], d.task));
        next[it->second].push_back(i);
      }
    }
    std::vector<std::size_t> queue;
    for (std::size_t i = 0; i < t.tasks.size(); ++i)
      if (prior[i] == 0) queue.push_back(i);
    for (std::size_t head = 0; head < queue.size(); ++head)
      for (std::size_t n : next[queue[head]])
        if (prior[n] > 0 && --prior[n] == 0) queue.push_back(n);
    if (queue.size() < t.tasks.size()) {
      for (std::size_t i = 0; i < t.tasks.size(); ++i)
        if (prior[i] > 0) return fail(prefix + "graph with cycle", t.tasks[i].call.name.pos);
    }
    for (std::size_t i : queue)
      sorted.push_back(&t.tasks[i]);
    return std::nullopt;
  }

  static SourcePos dependencyPos(const DagTask& task, const std::string& dep) {
    for (const auto& d : task.dependencies)
      if (d.value.find(dep) != std::string::npos) return d.pos;
    if (task.depends) return task.depends->pos;
    return task.call.name.pos;
  }

  // validate.go: validateDAG.
  Check validateDag(const Template& t, VariableScope& scope, int depth) {
    if (auto e = nonLeaf(t)) return e;
    const std::string& name = t.name.value;
    if (t.tasks.empty()) return fail("templates." + name + " must have at least one task", t.name.pos);
    bool usingDepends = false;
    std::map<std::string, const DagTask*> byName;
    for (const auto& task : t.tasks) {
      usingDepends = usingDepends || (task.depends && !task.depends->value.empty());
      byName[task.call.name.value] = &task;
    }
    std::vector<const DagTask*> sorted;
    if (auto e = sortTasks(t, sorted)) return e;
    if (auto e = fieldNames(
            t.tasks, [](const DagTask& d) -> const Located<std::string>& { return d.call.name; },
            workflowFieldNameErrors))
      return fail("templates." + name + ".tasks" + e->first, e->second);
    for (const DagTask* task : sorted) {
      const std::string& tn = task->call.name.value;
      std::string prefix = "templates." + name + ".tasks." + tn;
      if ((usingDepends || !task->dependencies.empty()) && tn[0] >= '0' && tn[0] <= '9')
        return fail(prefix + " name cannot begin with a digit when using either 'depends' or 'dependencies'",
                    task->call.name.pos);
      if (usingDepends && !task->dependencies.empty())
        return fail("templates." + name +
                        " cannot use both 'depends' and 'dependencies' in the same DAG template",
                    task->dependencies.front().pos);
      if (usingDepends && task->call.hasContinueOn)
        return fail("templates." + name +
                        " cannot use 'continueOn' when using 'depends'. Instead use "
                        "'dep-task.Failed'/'dep-task.Errored'",
                    task->call.continueOnPos);
      checkExitHandlerRefs(task->call);
      const bool hidden = unresolvable(task->call);
      if (!hidden)
        if (auto e = wrap(templateHolder(task->call.templateName, Args{true, nullptr}, depth + 1), prefix))
          return e;
      // Every task's outputs, dependency or not, join the DAG's scope; only `status` needs ancestry.
      addNodeOutputs(scope, "tasks", tn, hidden ? nullptr : find(task->call.templateName.value),
                     fansOut(task->call), false);
      // common.ValidateTaskResults
      if (task->depends) {
        for (const auto& m : scanDependsExpression(task->depends->value)) {
          static const std::set<std::string> kResults{"Succeeded", "Failed",   "Skipped",      "Omitted",
                                                      "Errored",   "Daemoned", "AnySucceeded", "AllFailed"};
          if (!m.result.empty() && !kResults.count(m.result))
            return fail(prefix + " task result '" + m.result + "' for task '" + m.task + "' is invalid",
                        task->depends->pos);
        }
      }
      for (const auto& dep : taskDependencies(*task)) {
        const DagTask* target = byName.at(dep.task); // sortTasks proved every dependency exists
        bool hasItems = (target->call.withItems && !target->call.withItems->empty()) ||
                        (target->call.withParam && !target->call.withParam->value.empty()) ||
                        target->call.withSequence;
        // Argo names the dependency (not the dependent) in this message: its loop variable shadows `task`.
        if (dep.itemsBased && !hasItems)
          return fail(
              "templates." + name + ".tasks." + dep.task + " dependency '" + dep.task +
                  "' uses an items-based condition such as .AnySucceeded or .AllFailed but does not contain "
                  "any items",
              task->depends ? task->depends->pos : task->call.name.pos);
      }
    }
    if (t.dagTarget)
      if (auto p = findUnresolvedTag({{*t.dagTarget, TextPlace::Body}}, {TextPlace::Body}, {&scope}))
        return fail("templates." + name + ".targets " + p->message, p->pos);
    if (t.dagTarget && !t.dagTarget->value.empty()) {
      // validateDAGTargets: split on single spaces; `{{…}}` entries are skipped.
      const std::string& target = t.dagTarget->value;
      std::size_t start = 0;
      while (true) {
        std::size_t sp = target.find(' ', start);
        std::string part = target.substr(start, sp == std::string::npos ? std::string::npos : sp - start);
        bool parameter = part.find("{{") != std::string::npos && part.find("}}") != std::string::npos;
        if (!parameter && !byName.count(part))
          return fail("templates." + name + ".targets: target '" + part + "' is not defined",
                      t.dagTarget->pos);
        if (sp == std::string::npos) break;
        start = sp + 1;
      }
    }
    for (const DagTask* task : sorted) {
      std::string prefix = "templates." + name + ".tasks." + task->call.name.value;
      if (!task->call.hooks.empty()) scope.names.insert("tasks." + task->call.name.value + ".status");
      if (auto e = wrap(items(task->call), prefix)) return e;
      // Ancestry is computed only for a task that needs it: a long chain would otherwise cost quadratic time.
      std::optional<std::set<std::string>> ancestry;
      if (auto e = resolveTask(t, *task, scope, byName, ancestry)) return e;
      if (auto e = validateArguments(prefix + ".arguments.", task->call.arguments)) return e;
      // validateDAGTaskArgumentDependency: `{{tasks.X…}}` arguments need X among the ancestors.
      for (const auto& p : task->call.arguments) {
        if (!p.value || p.value->value.rfind("{{tasks.", 0) != 0) continue;
        if (t.tasks.size() > kMaxAncestryTasks) break; // bounded work: see kMaxAncestryTasks
        if (!ancestry) ancestry = ancestors(*task, byName);
        std::string rest = p.value->value.substr(8);
        std::string ref = rest.substr(0, rest.find('.'));
        if (!ancestry->count(ref))
          return fail(prefix + " missing dependency '" + ref + "' for parameter '" + p.name.value + "'",
                      p.value->pos);
      }
      if (unresolvable(task->call)) continue;
      if (auto e = wrap(
              templateHolder(task->call.templateName, Args{false, &task->call.arguments}, depth + 1), prefix))
        return e;
    }
    return std::nullopt;
  }

  // validate.go: validateDAG's resolveAllVariables over one task: the DAG's scope, its items, and its
  // ancestors' status and aggregates (added only when the rest is not enough).
  Check resolveTask(const Template& t, const DagTask& task, const VariableScope& scope,
                    const std::map<std::string, const DagTask*>& byName,
                    std::optional<std::set<std::string>>& ancestry) {
    VariableScope own;
    addItems(own, task.call);
    auto p = findUnresolvedTag(task.call.taggedTexts, {TextPlace::Body}, {&scope, &own});
    if (!p) return std::nullopt;
    if (t.tasks.size() > kMaxAncestryTasks) return std::nullopt; // bounded work: allowed rather than guessed
    if (!ancestry) ancestry = ancestors(task, byName);
    for (const auto& a : *ancestry) {
      // Only the ancestors the task names: a long chain would otherwise fill a scope per task.
      const std::string ref = "tasks." + a + ".";
      bool named = false;
      for (const auto& text : task.call.taggedTexts)
        named = named || text.text.value.find(ref) != std::string::npos;
      if (!named) continue;
      const DagTask& anc = *byName.at(a);
      bool hidden = anc.call.templateName.value.empty() && (anc.call.templateRefPos || anc.call.inlinePos);
      addNodeOutputs(own, "tasks", a, hidden ? nullptr : find(anc.call.templateName.value), fansOut(anc.call),
                     true);
    }
    p = findUnresolvedTag(task.call.taggedTexts, {TextPlace::Body}, {&scope, &own});
    if (!p) return std::nullopt;
    return fail("templates." + t.name.value + ".tasks." + task.call.name.value + " " + p->message, p->pos);
  }

  static std::set<std::string> ancestors(const DagTask& task,
                                         const std::map<std::string, const DagTask*>& byName) {
    std::set<std::string> seen;
    std::vector<const DagTask*> stack{&task};
    while (!stack.empty()) {
      const DagTask* cur = stack.back();
      stack.pop_back();
      for (const auto& d : taskDependencies(*cur)) {
        auto it = byName.find(d.task);
        if (it != byName.end() && seen.insert(d.task).second) stack.push_back(it->second);
      }
    }
    return seen;
  }

public:
  // Warnings: what Argo accepts at submission but that surprises later (spec §1.2, §1.8, §3.2).
  void teachRetry(const RetryStrategy& rs, const std::string& path) {
    auto warn = [&](SourcePos pos, const std::string& p, std::string message) {
      out_.push_back({Severity::Warning, pos, p, std::move(message)});
    };
    auto isVariable = [](const std::string& s) { return s.find("{{") != std::string::npos; };
    if (rs.limit && rs.limit->isString && !isVariable(rs.limit->stringValue) &&
        !goAtoi(rs.limit->stringValue))
      warn(rs.limit->pos, path + ".limit",
           "limit '" + rs.limit->stringValue +
               "' is not an integer: after the first failure the retry node errors "
               "with \"value '" +
               rs.limit->stringValue + "' cannot be resolved to an int\"");
    if (!rs.backoff) return;
    const Backoff& b = *rs.backoff;
    std::string bp = path + ".backoff";
    if (!rs.limit) warn(b.pos, bp, "retries without waiting: backoff is only applied when limit is set");
    std::optional<Nanos> duration, cap, maxDuration;
    auto parse = [&](const std::optional<Located<std::string>>& field,
                     const char* name) -> std::optional<Nanos> {
      // The controller reads an empty string as an unset field (operator.go processNodeRetries).
      if (!field || field->value.empty() || isVariable(field->value)) return std::nullopt;
      auto r = parseArgoDurationText(field->value);
      if (!r.value)
        warn(field->pos, bp + "." + name,
             std::string(name) + " \"" + field->value +
                 "\" is not a duration Argo can read; Argo only parses it "
                 "after the first failure, and then the retry node errors with \"" +
                 r.error + "\"");
      return r.value;
    };
    duration = parse(b.duration, "duration");
    cap = parse(b.cap, "cap");
    maxDuration = parse(b.maxDuration, "maxDuration");
    if (!b.duration || b.duration->value.empty())
      warn(b.duration ? b.duration->pos : b.pos, b.duration ? bp + ".duration" : bp,
           "backoff has no duration: after the first failure the retry node errors with \"no base "
           "duration specified for retryStrategy\"");
    if (b.factor) {
      const IntOrString& f = *b.factor;
      std::optional<std::int64_t> value =
          f.isString ? goAtoi(f.stringValue) : std::optional<std::int64_t>(f.intValue);
      if (f.isString && !value && !isVariable(f.stringValue))
        warn(f.pos, bp + ".factor",
             "factor '" + f.stringValue +
                 "' is not an integer: after the first failure the retry node errors with "
                 "\"value '" +
                 f.stringValue + "' cannot be resolved to an int\"");
      else if (value && *value <= 0)
        warn(f.pos, bp + ".factor",
             "factor " + f.text() +
                 " is not a positive integer: it is ignored, every wait is the base duration");
    }
    if (duration && maxDuration) {
      Nanos first = cap ? std::min(*duration, *cap) : *duration;
      if (*maxDuration < first)
        warn(b.maxDuration->pos, bp + ".maxDuration",
             "maxDuration " + b.maxDuration->value + " is shorter than the first backoff (" +
                 b.duration->value +
                 "): no retry ever starts, the first failure ends with \"Backoff would exceed max duration "
                 "limit\"");
    }
  }

private:
  const Workflow& wf_;
  const ArgoProfile& profile_;
  Diagnostics& out_;
  const VariableScope globalScope_;
  std::map<std::string, std::string> globals_;
  std::set<std::string> validated_;
};

} // namespace

Diagnostics validateWorkflow(const Workflow& workflow, const ArgoProfile& profile) {
  Diagnostics out;
  Validator v(workflow, profile, out);
  Check error = v.workflow();
  for (std::size_t i = 0; i < workflow.templates.size(); ++i)
    if (workflow.templates[i].retryStrategy)
      v.teachRetry(*workflow.templates[i].retryStrategy,
                   "spec.templates[" + std::to_string(i) + "].retryStrategy");
  // spec.retryStrategy and templateDefaults are not checked by validate.Workflow; they still deserve
  // warnings.
  if (workflow.retryStrategy) {
    v.teachRetry(*workflow.retryStrategy, "spec.retryStrategy");
    const auto& policy = workflow.retryStrategy->retryPolicy;
    if (policy && policy->value != "Always" && policy->value != "OnFailure" && policy->value != "OnError" &&
        policy->value != "OnTransientError" && !policy->value.empty())
      out.push_back(
          {Severity::Warning, policy->pos, "spec.retryStrategy.retryPolicy",
           "the validator does not check spec.retryStrategy: after the first failure the retry node "
           "errors with \"" +
               policy->value + " is not a valid RetryPolicy\""});
  }
  if (workflow.templateDefaults && workflow.templateDefaults->retryStrategy)
    v.teachRetry(*workflow.templateDefaults->retryStrategy, "spec.templateDefaults.retryStrategy");
  for (const auto& t : workflow.templates)
    if (auto pos = findOpenBrace(t.taggedTexts))
      out.push_back(
          {Severity::Warning, *pos, "",
           "this `{{` has no `}}` after it: Argo reads the rest of the template as a variable name, "
           "and may reject the Workflow (\"Cannot find end tag\") or leave the text as written"});
  warnUnparsableTimeouts(workflow, profile, out);
  warnPodStandIns(workflow, out);
  warnExpressions(workflow, out);
  if (error) out.insert(out.begin(), Diagnostic{Severity::Error, error->pos, error->path, error->message});
  return out;
}

} // namespace argosim
