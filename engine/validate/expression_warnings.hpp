// Up-front warnings for expressions: a retryStrategy.expression that cannot run, and an expression tag
// (`{{=…}}`) that argosim cannot evaluate.
#pragma once

#include "engine/model/diagnostic.hpp"
#include "engine/model/workflow.hpp"

namespace argosim {

// Argo compiles a retry expression only after the first failure, and then errors the retry node; the editor
// can say so at the field. An expression tag that uses what argosim does not model (jsonpath, sprig,
// predicates such as filter) stays as written, so the run departs from Argo's from there: said where it is.
void warnExpressions(const Workflow& workflow, Diagnostics& out);

} // namespace argosim
