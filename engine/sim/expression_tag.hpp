// Argo's expression tags in template text, `{{=expr}}` (util/template/expression_template.go).
#pragma once

#include "engine/sim/params.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace argosim {

// The text an expression tag is replaced with, evaluated with expr-lang against the parameters in scope
// (dotted names become nested maps: `inputs.parameters["a-b"]`), or nullopt when Argo would leave the tag as
// written: the controller substitutes templates with unresolved tags allowed, so an unknown variable, an
// error or a nil result keeps `{{=…}}` for a later pass (expressionReplaceCore). A string comes out as it is,
// anything else as its JSON (`true`, `3`, `[1,3]`).
std::optional<std::string> replaceExpressionTag(std::string_view expression, const Params& scope);

} // namespace argosim
