// Bounds that keep every parse and simulation finite, whatever the input says.
#pragma once

#include "engine/time/nanos.hpp"

#include <cstddef>

namespace argosim {

struct Limits {
  std::size_t maxInputBytes = 4 * 1024 * 1024;
  int maxNestingDepth = 64;                   // YAML collections inside collections
  std::size_t maxYamlNodes = 500000;          // after alias expansion ("billion laughs")
  std::size_t maxNodes = 250000;              // workflow nodes created by the simulation
  std::size_t maxEvents = 2000000;            // timeline events
  std::size_t maxFanOut = 100000;             // items of one withItems/withSequence/withParam
  std::size_t maxAttemptsPerRetryNode = 2000; // no limit + a pod that always fails would retry forever
  int maxDagDepth =
      100000; // dependency levels of one DAG (walked on an explicit stack, like dag.go's recursion)
  // executeDAG walks each DAG from its targets on every reconcile, so a long chain costs its length squared.
  std::size_t maxDagTaskVisits = 5000000;
  Nanos maxVirtualTime = 400LL * 24 * kHour;
  // Pods that end the instant they start (`exit 1`) let one instant hold many reconciles: each creates the
  // next attempt or task. Past this many the simulation stops with a warning.
  int maxReconcilePassesPerInstant = 5000;
};

} // namespace argosim
