// A readable table of a Result for terminals: one row per node, then the timeline of events.
#pragma once

#include "engine/result/result.hpp"

#include <string>

namespace argosim {

std::string resultToText(const Result& result);

} // namespace argosim
