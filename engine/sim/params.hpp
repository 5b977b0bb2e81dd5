// Template parameters in scope for a node (`{{inputs.parameters.x}}`, `{{item}}`, `{{retries}}`) and their
// substitution.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace argosim {

using Params = std::map<std::string, std::string, std::less<>>;

// Replaces every `{{ name }}` whose name is in `params`, and every expression tag `{{=expr}}` that evaluates
// (expression_tag.hpp); unknown references are left as written, as Argo leaves references it cannot resolve
// yet.
std::string substituteParams(std::string_view text, const Params& params);

// util/template ReplaceStrictAny with the prefixes steps and tasks: the first `{{steps.…}}` or `{{tasks.…}}`
// in `text` that `params` cannot resolve (trimmed, without braces). The controller takes such a reference
// as a value not there yet and requeues instead of running the step or task. References to artifacts are
// resolved later, and are not counted. Nor is a missing field of a step or task that has run: an output the
// Scenario gave no value for (in Argo the pod wrote something, or its executor failed it), or a field not
// modelled (ip, hostNodeName); the text stays as written instead of the run stalling for ever.
std::optional<std::string> unresolvedReference(std::string_view text, const Params& params);

} // namespace argosim
