// Argo's submission check that every `{{variable}}` is in scope (validate.go: resolveAllVariables) and that
// every `{{` is closed (common.ProcessArgs, through fasttemplate).
#pragma once

#include "engine/model/template.hpp"
#include "engine/validate/variable_scope.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace argosim {

struct TagProblem {
  std::string message; // Argo's words, before the caller's "templates.x…" prefix
  SourcePos pos;       // the text holding the tag
};

// resolveAllVariables over the texts in `places`: the first tag (document order; Argo walks its JSON, whose
// field order may differ) whose root Argo checks (item., steps., inputs., outputs., pod., workflow., tasks.)
// and that no layer of scope names nor an exemption allows: "failed to resolve {{tag}}". Expressions
// (`{{=…}}`) are not checked. When a text of these places or an inline template leaves a `{{` open, Argo's
// tags run across its JSON in ways argosim cannot replay: nothing is reported.
std::optional<TagProblem> findUnresolvedTag(const std::vector<TaggedText>& texts,
                                            std::initializer_list<TextPlace> places,
                                            const std::vector<const VariableScope*>& layers);

// common.ProcessArgs parses the whole template with fasttemplate, which fails on a `{{` with no `}}` after
// it. In Argo's JSON a later `}}` (another field, or the JSON's own `}}`, as after a container's
// `"resources":{}`) may close it, and then the tag only fails if its root is checked; so only such a `{{` is
// reported, always as fasttemplate's "Cannot find end tag". When Argo's JSON does close it, Argo rejects it
// too but words it as a failed resolve of the swallowed JSON, which argosim cannot write.
std::optional<TagProblem> findUnclosedTag(const std::vector<TaggedText>& texts);

// A `{{` left open whose root Argo does not check: whether Argo rejects it depends on its JSON layout.
std::optional<SourcePos> findOpenBrace(const std::vector<TaggedText>& texts);

} // namespace argosim
