#include "engine/sim/simulate.hpp"

#include "engine/sim/operator.hpp"
#include "engine/time/humanize.hpp"

#include <algorithm>

namespace argosim {

namespace {
Diagnostic stopped(std::string message) {
  return Diagnostic{Severity::Warning, {}, "", std::move(message)};
}

// spec §6.2 M3: at one instant, reconcile until nothing changes. Each pass can only start what the previous
// one finished, so the cap bounds runs of pods that end the instant they start.
bool settle(Operator& op, Nanos t, const Limits& limits) {
  int passes = 0;
  do {
    op.operate(t, true);
    if (++passes > limits.maxReconcilePassesPerInstant) return false;
  } while (op.changed() && !op.limitHit());
  return true;
}
} // namespace

Result simulate(const Workflow& workflow, const Scenario& scenario, const Diagnostics& validation,
                const Limits& limits, const ArgoProfile& profile) {
  Operator op(workflow, scenario, limits, profile);
  for (const auto& d : validation) {
    if (d.severity == Severity::Error) {
      op.failWorkflowInvalidSpec(d.message);
      return op.takeResult();
    }
  }

  Nanos t = 0;
  bool settled = settle(op, t, limits);
  std::size_t instants = 0;
  while (settled && !op.completed() && !op.limitHit()) {
    const auto timer = op.nextTimer();
    const auto pod = op.nextPodChangeAfter(t);
    std::optional<Nanos> next = timer;
    if (pod && (!next || *pod < *next)) next = pod;
    if (!next) {
      op.addDiagnostic(
          stopped("the workflow never finishes: nothing is left to happen (a pod runs forever with no "
                  "deadline, or waits forever)"));
      break;
    }
    if (*next > limits.maxVirtualTime) {
      op.addDiagnostic(stopped("simulation stopped after " + humanizeDuration(limits.maxVirtualTime) +
                               " of virtual time; the next event would come at " + humanizeDuration(*next)));
      break;
    }
    if (++instants > limits.maxEvents) {
      op.addDiagnostic(stopped("simulation stopped after " + std::to_string(limits.maxEvents) + " instants"));
      break;
    }
    t = std::max(t, *next);
    if (timer && *timer <= t) {
      op.popTimersUpTo(t);
      op.operate(t, false); // timer-driven: pod changes at exactly t are not visible yet
    }
    settled = settle(op, t, limits);
  }
  if (!settled)
    op.addDiagnostic(
        stopped("simulation stopped at t = " + std::to_string(t / kSecond) + " s: the controller was still " +
                "changing the workflow after " + std::to_string(limits.maxReconcilePassesPerInstant) +
                " reconciles at one instant (pods that end the moment they start, retried or chained " +
                "without end?)"));
  if (op.limitHit())
    op.addDiagnostic(stopped(
        "simulation stopped at a simulator bound: at most " + std::to_string(limits.maxNodes) + " nodes, " +
        std::to_string(limits.maxEvents) + " events, " + std::to_string(limits.maxAttemptsPerRetryNode) +
        " attempts per retry node, " + std::to_string(limits.maxDagDepth) + " DAG dependency levels, " +
        std::to_string(limits.maxDagTaskVisits) + " DAG task visits"));
  return op.takeResult();
}

} // namespace argosim
