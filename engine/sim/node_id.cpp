#include "engine/sim/node_id.hpp"

namespace argosim {

std::uint32_t fnv1a32(std::string_view bytes) {
  std::uint32_t h = 2166136261u; // FNV offset basis
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u; // FNV prime; uint32 arithmetic wraps as Go's does
  }
  return h;
}

std::string nodeId(std::string_view workflowName, std::string_view nodeName) {
  if (nodeName == workflowName) return std::string(workflowName);
  std::string id(workflowName);
  id.push_back('-');
  id += std::to_string(fnv1a32(nodeName)); // fmt %v of a uint32: plain decimal
  return id;
}

} // namespace argosim
