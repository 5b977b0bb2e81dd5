// The engine's front door: YAML text in, a simulated Result out. No I/O, no globals: same input, same bytes.
#pragma once

#include "engine/limits.hpp"
#include "engine/model/argo_profile.hpp"
#include "engine/result/result.hpp"

#include <string>
#include <string_view>

namespace argosim {

// Parses the Workflow (and optional Scenario) in `yaml`, validates it as Argo would, and simulates it.
// Never throws: every problem becomes a diagnostic in the Result. The Argo release simulated is the
// Scenario's `controller.argoVersion`, else v4.1.
Result simulateText(std::string_view yaml, const Limits& limits = {});

// The same, simulating `profile`'s release whatever the Scenario says (the CLI's --argo-version).
Result simulateText(std::string_view yaml, const Limits& limits, const ArgoProfile& profile);

// The contract's JSON document for a Result.
std::string resultToJson(const Result& result, int indent = -1);

} // namespace argosim
