#include "engine/parse/yaml_expansion.hpp"

#include "engine/parse/yaml_reader.hpp"

#include <vector>

namespace argosim::parse_detail {

std::optional<SourcePos> findAliasExpansionOverflow(const YAML::Node& doc, std::size_t maxNodes,
                                                    std::size_t& used) {
  std::vector<YAML::Node> pending{doc};
  std::vector<YAML::Node> children;
  while (!pending.empty()) {
    const YAML::Node node = pending.back();
    pending.pop_back();
    if (++used > maxNodes) return posOf(node);
    children.clear();
    if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        children.push_back(it->first);
        children.push_back(it->second);
      }
    } else if (node.IsSequence()) {
      for (auto it = node.begin(); it != node.end(); ++it)
        children.push_back(*it);
    }
    // Reversed onto the stack, so nodes are counted in document order and the position is the first past.
    pending.insert(pending.end(), children.rbegin(), children.rend());
  }
  return std::nullopt;
}

} // namespace argosim::parse_detail
