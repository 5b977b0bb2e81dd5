#include "engine/parse/tagged_texts.hpp"

#include "engine/parse/yaml_reader.hpp"

#include <string>
#include <utility>

namespace argosim::parse_detail {

void collectTaggedTexts(const YAML::Node& node, bool templateRoot, std::vector<TaggedText>& out,
                        std::size_t& budget) {
  struct Pending {
    YAML::Node node;
    TextPlace place;
    bool root;
  };
  // An explicit stack: a deep document must not exhaust the native one.
  std::vector<Pending> stack{{node, TextPlace::Body, templateRoot}};
  std::vector<Pending> children;
  while (!stack.empty() && budget > 0) {
    --budget;
    Pending cur = std::move(stack.back());
    stack.pop_back();
    if (cur.node.IsScalar()) {
      const std::string& text = cur.node.Scalar();
      if (text.find("{{") != std::string::npos) out.push_back({{text, posOf(cur.node)}, cur.place});
      continue;
    }
    children.clear();
    if (cur.node.IsSequence()) {
      for (const auto& item : cur.node)
        children.push_back({item, cur.place, false});
    } else if (cur.node.IsMap()) {
      for (auto it = cur.node.begin(); it != cur.node.end(); ++it) {
        TextPlace place = cur.place;
        if (it->first.IsScalar()) {
          const std::string& key = it->first.Scalar();
          if (key == "<<" && it->first.Tag() == "?") { // a merge key: its maps' entries sit at this level
            // A copy: `it->second` lives in a proxy that dies with the full expression, too soon for a loop.
            const YAML::Node source = it->second;
            if (source.IsSequence())
              for (const auto& merged : source)
                children.push_back({merged, cur.place, cur.root});
            else
              children.push_back({source, cur.place, cur.root});
            continue;
          }
          if (cur.root && (key == "steps" || key == "dag")) continue;
          if (key == "inline")
            place = TextPlace::Inline;
          else if (cur.root && key == "inputs")
            place = TextPlace::Inputs;
          else if (cur.root && key == "outputs")
            place = TextPlace::Outputs;
        }
        children.push_back({it->second, place, false});
      }
    }
    for (auto it = children.rbegin(); it != children.rend(); ++it)
      stack.push_back(std::move(*it));
  }
}

} // namespace argosim::parse_detail
