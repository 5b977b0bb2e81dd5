// Node IDs as Argo derives them from node names (workflow_types.go Workflow.NodeID).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace argosim {

// 32-bit FNV-1a of the bytes (Go hash/fnv New32a).
std::uint32_t fnv1a32(std::string_view bytes);

// Workflow.NodeID: the workflow's own name for the root node, else "<wf>-<decimal FNV-1a-32 of nodeName>".
std::string nodeId(std::string_view workflowName, std::string_view nodeName);

} // namespace argosim
