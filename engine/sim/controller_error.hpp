// An error the simulated controller returns up the template tree, as Argo's executeTemplate returns Go
// errors.
#pragma once

#include <string>

namespace argosim {

struct ControllerError {
  enum class Kind { Generic, Timeout, ParallelismReached, MaxDepthExceeded };
  Kind kind = Kind::Generic;
  std::string message;
  const char* endedBy = "config-error";
};

} // namespace argosim
