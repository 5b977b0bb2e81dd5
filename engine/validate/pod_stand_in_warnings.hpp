// Warnings at templates whose kind the simulator runs as a plain pod (resource, data, containerSet, http,
// plugin).
#pragma once

#include "engine/model/diagnostic.hpp"
#include "engine/model/workflow.hpp"

namespace argosim {

// The retry and deadline logic around these templates is the controller's own and is simulated; what they do
// inside (a Kubernetes action, an HTTP call through the agent, several containers) is not, so each one runs
// as one pod with the Scenario's behaviour, or 10 s and exit 0. Said once per template, where it is defined.
void warnPodStandIns(const Workflow& workflow, Diagnostics& out);

} // namespace argosim
