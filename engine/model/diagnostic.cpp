#include "engine/model/diagnostic.hpp"

namespace argosim {

const char* severityName(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Info:
    return "info";
  }
  return "error";
}

} // namespace argosim
