#include "engine/model/template_defaults.hpp"

namespace argosim {
namespace {

template <class T> void fill(std::optional<T>& target, const std::optional<T>& fallback) {
  if (!target) target = fallback;
}

Backoff mergeBackoff(const Backoff& defaults, Backoff own) {
  fill(own.duration, defaults.duration);
  fill(own.factor, defaults.factor);
  fill(own.cap, defaults.cap);
  fill(own.maxDuration, defaults.maxDuration);
  return own;
}

RetryStrategy mergeRetryStrategy(const RetryStrategy& defaults, RetryStrategy own) {
  fill(own.limit, defaults.limit);
  fill(own.retryPolicy, defaults.retryPolicy);
  fill(own.expression, defaults.expression);
  if (own.backoff && defaults.backoff)
    own.backoff = mergeBackoff(*defaults.backoff, *own.backoff);
  else
    fill(own.backoff, defaults.backoff);
  return own;
}

// Strategic merge of a list keyed by `name`: the defaults' entries in order, each overlaid by the template's
// entry of the same name, then the template's other entries.
std::vector<Parameter> mergeParameters(const std::vector<Parameter>& defaults,
                                       const std::vector<Parameter>& own) {
  std::vector<Parameter> out;
  std::vector<bool> used(own.size(), false);
  for (const auto& d : defaults) {
    Parameter merged = d;
    for (std::size_t i = 0; i < own.size(); ++i) {
      if (used[i] || own[i].name.value != d.name.value) continue;
      used[i] = true;
      merged.name = own[i].name;
      merged.pos = own[i].pos;
      if (own[i].value) merged.value = own[i].value;
      merged.hasValueFrom = merged.hasValueFrom || own[i].hasValueFrom;
      if (own[i].defaultValue) merged.defaultValue = own[i].defaultValue;
      if (own[i].valueFromDefault) merged.valueFromDefault = own[i].valueFromDefault;
      if (own[i].valueFromParameter) merged.valueFromParameter = own[i].valueFromParameter;
      merged.valueFromSupplied = merged.valueFromSupplied || own[i].valueFromSupplied;
      merged.valueFromReferences.insert(merged.valueFromReferences.end(), own[i].valueFromReferences.begin(),
                                        own[i].valueFromReferences.end());
      break;
    }
    out.push_back(std::move(merged));
  }
  for (std::size_t i = 0; i < own.size(); ++i)
    if (!used[i]) out.push_back(own[i]);
  return out;
}

} // namespace

Template mergeTemplateDefaults(const Template& defaults, const Template& tmpl) {
  Template out = tmpl;
  // Type-specific parts of the defaults apply only to a template of the same type (container command/args,
  // script source, dag target/failFast; steps is a list, which a strategic merge replaces whole).
  if (defaults.type == tmpl.type) {
    if (out.command.empty()) out.command = defaults.command;
    if (out.args.empty()) out.args = defaults.args;
    if (out.scriptSource.empty()) out.scriptSource = defaults.scriptSource;
    if (out.steps.empty()) out.steps = defaults.steps;
    if (out.tasks.empty()) out.tasks = defaults.tasks;
    fill(out.dagTarget, defaults.dagTarget);
    fill(out.dagFailFast, defaults.dagFailFast);
    fill(out.suspendDuration, defaults.suspendDuration);
  }
  out.inputs = mergeParameters(defaults.inputs, tmpl.inputs);
  out.outputs = mergeParameters(defaults.outputs, tmpl.outputs);
  fill(out.activeDeadlineSeconds, defaults.activeDeadlineSeconds);
  // A Go string with omitempty: an empty timeout is absent, so the default applies.
  if (!out.timeout || out.timeout->value.empty()) {
    if (defaults.timeout) out.timeout = defaults.timeout;
  }
  if (!out.pendingTimeout || out.pendingTimeout->value.empty()) {
    if (defaults.pendingTimeout) out.pendingTimeout = defaults.pendingTimeout;
  }
  if (out.retryStrategy && defaults.retryStrategy)
    out.retryStrategy = mergeRetryStrategy(*defaults.retryStrategy, *out.retryStrategy);
  else
    fill(out.retryStrategy, defaults.retryStrategy);
  fill(out.failFast, defaults.failFast);
  fill(out.parallelism, defaults.parallelism);
  return out;
}

} // namespace argosim
