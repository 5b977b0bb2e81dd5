// Argo's submission checks (workflow/validate/validate.go: Workflow) on the model, plus warnings that teach.
#pragma once

#include "engine/model/argo_profile.hpp"
#include "engine/model/diagnostic.hpp"
#include "engine/model/workflow.hpp"

namespace argosim {

// At most one Error: the first problem validate.Workflow would report, in its order, whose `message` is
// Argo's text (what follows "invalid spec: "), positioned at the offending value. Warnings flag what Argo
// accepts at submission but that misbehaves at runtime (spec §1.8) or surprises (backoff without limit).
// Bounded: template nesting deeper than kMaxValidationDepth is not descended into (a warning says so).
// `profile` is the release whose words and runtime parsing the messages follow.
Diagnostics validateWorkflow(const Workflow& workflow, const ArgoProfile& profile = kArgoV41);

inline constexpr int kMaxValidationDepth = 100;

} // namespace argosim
