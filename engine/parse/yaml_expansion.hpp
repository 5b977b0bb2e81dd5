// The alias-expansion bound over a whole document, including the parts no schema reader looks at.
#pragma once

#include "engine/model/source_pos.hpp"

#include <cstddef>
#include <optional>
#include <yaml-cpp/yaml.h>

namespace argosim::parse_detail {

// go-yaml refuses a document whose aliases expand it too far ("excessive aliasing") wherever they sit, and
// Kubernetes expands every field into JSON, annotations included. The schema readers only count the nodes
// they read, so a "billion laughs" under metadata.annotations would pass them. This walk counts every node of
// `doc` as if aliases were copied, adding to `used` (shared by the documents of one text), without recursion
// (an alias may even refer to its own anchor), and stops once more than `maxNodes` were counted: it returns
// the position of the node that went past the bound.
std::optional<SourcePos> findAliasExpansionOverflow(const YAML::Node& doc, std::size_t maxNodes,
                                                    std::size_t& used);

} // namespace argosim::parse_detail
