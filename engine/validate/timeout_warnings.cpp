#include "engine/validate/timeout_warnings.hpp"

#include "engine/time/duration.hpp"
#include "engine/time/template_timeout.hpp"

#include <optional>
#include <string>

namespace argosim {
namespace {

void check(const std::optional<Located<std::string>>& field, const char* name, const std::string& path,
           const ArgoProfile& profile, Diagnostics& out) {
  if (!field || field->value.empty()) return;
  // A parameter reference is resolved per node; only the literal text can be judged here.
  if (field->value.find("{{") != std::string::npos) return;
  // A bare integer `timeout` is validate.go's error already (and a bare integer `pendingTimeout` is seconds).
  if (goAtoi(field->value).ok) return;
  const DurationResult parsed = parseTemplateTimeout(field->value, profile);
  if (parsed.ok) return;
  const bool pendingOnly = std::string(name) == "pendingTimeout";
  out.push_back({Severity::Warning, field->pos, path + "." + name,
                 std::string(name) + " \"" + field->value +
                     "\" is not a duration Argo can read; the validator lets it through, and the controller "
                     "then errors the node " +
                     (pendingOnly ? "while its pod is Pending " : "") + "with \"" + parsed.error + "\""});
}

} // namespace

void warnUnparsableTimeouts(const Workflow& workflow, const ArgoProfile& profile, Diagnostics& out) {
  for (std::size_t i = 0; i < workflow.templates.size(); ++i) {
    const Template& t = workflow.templates[i];
    // A non-leaf template with a timeout is validate.go's error; nothing runs to parse it.
    if (!isLeaf(t.type)) continue;
    const std::string path = "spec.templates[" + std::to_string(i) + "]";
    check(t.timeout, "timeout", path, profile, out);
    check(t.pendingTimeout, "pendingTimeout", path, profile, out);
  }
  if (workflow.templateDefaults) {
    check(workflow.templateDefaults->timeout, "timeout", "spec.templateDefaults", profile, out);
    check(workflow.templateDefaults->pendingTimeout, "pendingTimeout", "spec.templateDefaults", profile, out);
  }
}

} // namespace argosim
