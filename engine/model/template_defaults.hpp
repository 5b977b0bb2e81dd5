// spec.templateDefaults merged into one template, as the controller does before running it.
#pragma once

#include "engine/model/template.hpp"

namespace argosim {

// operator.go: mergedTemplateDefaultsInto — a strategic merge in which the template's own fields win, field
// by field inside retryStrategy and backoff; the defaults' type-specific parts (container, script, dag, …)
// only apply to a template of that type, and the template keeps its type. inputs.parameters merge by name
// (patchMergeKey).
Template mergeTemplateDefaults(const Template& defaults, const Template& tmpl);

} // namespace argosim
