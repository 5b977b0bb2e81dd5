// withItems / withParam / withSequence expansion: each item's node-name suffix and `item` parameters, as Argo
// names them.
#pragma once

#include "engine/model/template.hpp"
#include "engine/sim/params.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace argosim {

struct FanOutItem {
  std::string name; // the step/task name with Argo's suffix: `hello(0:a)`, `hello(1:group:dev,name:jesse)`
  Params params;    // `item`, and `item.<key>` when the item is a map
};

struct FanOutResult {
  bool ok = false;
  std::vector<FanOutItem> items; // may be empty: Argo then adds a "Skipped, empty params" node
  std::string error;             // Argo's words, or ours for the simulator's own limits
};

// workflow_types.go WorkflowStep.ShouldExpand / DAGTask.ShouldExpand, judged after `scope` is substituted
// into withParam (Argo resolves a step's references before deciding): a non-empty withItems, a non-empty
// withParam or a withSequence.
bool shouldExpand(const Invocation& call, const Params& scope);

// steps.go expandStep / dag.go expandTask with operator.go processItem and generateNodeName: the items of a
// call that shouldExpand, in order. withItems values are used as written; withParam is substituted from
// `scope` and read as a JSON list; withSequence's count/start/end/format are substituted from `scope`
// (operator.go expandSequence). When withParam or withSequence cannot be read but the call's `when`
// (substituted from `scope`) is false, Argo goes on with no items, and so do we. More than `maxItems` items
// is an error. Names use `call.name`.
FanOutResult expandFanOut(const Invocation& call, const Params& scope, std::size_t maxItems);

} // namespace argosim
