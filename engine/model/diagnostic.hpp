// A message about the input: what is wrong (or suspicious), where, and how bad.
#pragma once

#include "engine/model/source_pos.hpp"

#include <string>
#include <vector>

namespace argosim {

enum class Severity { Error, Warning, Info };

struct Diagnostic {
  Severity severity = Severity::Error;
  SourcePos pos;
  std::string path; // field path, e.g. "spec.templates[0].retryStrategy.limit"
  std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

inline bool hasErrors(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::Error) return true;
  return false;
}

const char* severityName(Severity severity);

} // namespace argosim
