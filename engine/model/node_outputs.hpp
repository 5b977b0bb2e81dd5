// What a node produced for later steps and tasks (Argo's NodeStatus.outputs, without artifacts and exitCode,
// which the node keeps on its own).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace argosim {

struct NodeOutputs {
  std::optional<std::string> result;                           // the main container's stdout, when captured
  std::vector<std::pair<std::string, std::string>> parameters; // (name, value), in declaration order

  bool empty() const { return !result && parameters.empty(); }
};

} // namespace argosim
