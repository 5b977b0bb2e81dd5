// What a finished step or task puts in the scope of the steps and tasks after it (`{{steps.flip.status}}`,
// `{{tasks.A.outputs.result}}`, `{{steps.fan.outputs.parameters}}`), as operator.go buildLocalScope and
// processAggregateNodeOutputs build it.
#pragma once

#include "engine/model/template.hpp"
#include "engine/sim/node.hpp"
#include "engine/sim/params.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace argosim {

// operator.go buildLocalScope + addNodeOutputsToLocalScope: `<prefix>.<name>.` id, startedAt, finishedAt
// (RFC 3339, from `startAtUnixSeconds` at t = 0), status, exitCode, outputs.result and
// outputs.parameters.<p>. `node` is the one whose values count: for a Retry node, its last attempt
// (possiblyGetRetryChildNode), which the caller picks.
void addNodeToScope(Params& scope, std::string_view prefix, const std::string& name, const Node& node,
                    std::int64_t startAtUnixSeconds);

// scope.go addSkippedNodeOutputsToScope, for the declared defaults only: a Skipped or Omitted node that
// produced nothing offers each output parameter of its template that has a valueFrom.default.
void addSkippedNodeDefaultsToScope(Params& scope, std::string_view prefix, const std::string& name,
                                   const Node& node, const Template& tmpl);

// operator.go processAggregateNodeOutputs for a fanned-out step or task, from the Succeeded children in item
// order: `<prefix>.<name>.outputs.result` (a JSON list of the children's results, each kept as its own JSON
// text, a wfv1.Item), `.outputs.parameters` (a JSON list of {name: value} maps) and
// `.outputs.parameters.<p>` (operator.go aggregatedJSONValueList). `items` are the expansion's nodes (hooks
// and attempts are not among them). Returns the result Argo cannot read as JSON, in which case the result
// list is left out.
std::optional<std::string> addAggregateToScope(Params& scope, std::string_view prefix,
                                               const std::string& name, std::vector<const Node*> items);

} // namespace argosim
