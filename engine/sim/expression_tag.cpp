#include "engine/sim/expression_tag.hpp"

#include "engine/expr/expr.hpp"
#include "engine/expr/json_marshal.hpp"

#include <utility>
#include <vector>

namespace argosim {

std::optional<std::string> replaceExpressionTag(std::string_view expression, const Params& scope) {
  // exprenv.GetFuncMap(replaceMap): util/expand's Expand of the scope, plus Argo's functions (added by
  // expr::evaluate).
  std::vector<std::pair<std::string, std::string>> dotted(scope.begin(), scope.end());
  const expr::EvalResult r = expr::evaluate(expression, expr::expandDottedKeys(dotted));
  if (!r.ok || r.value.isNil()) return std::nullopt;
  if (r.value.isString()) return r.value.asString();
  return expr::marshalJson(r.value);
}

} // namespace argosim
