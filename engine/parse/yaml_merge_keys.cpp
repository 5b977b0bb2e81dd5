// YAML 1.1 merge keys (`<<`), applied as Kubernetes' YAML→JSON step (go-yaml v2) applies them.
#include "engine/parse/yaml_reader.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

namespace argosim::parse_detail {
namespace {

// Only an untagged plain `<<` (or one tagged !!merge) merges; a quoted "<<" is an ordinary key.
bool isMergeKey(const YAML::Node& key) {
  return key.IsScalar() && key.Scalar() == "<<" &&
         (key.Tag() == "?" || key.Tag() == "tag:yaml.org,2002:merge");
}

} // namespace

std::vector<MapEntry> Reader::entries(const YAML::Node& map, const std::string& path, int depth) {
  std::vector<MapEntry> out;
  bool merges = false;
  for (auto it = map.begin(); it != map.end() && !merges; ++it)
    merges = isMergeKey(it->first);
  if (!merges) {
    for (auto it = map.begin(); it != map.end(); ++it)
      out.push_back({it->first, it->second, std::nullopt});
    return out;
  }
  // yaml-cpp's Node::operator= rewrites the node it refers to (the document itself), so an entry is never
  // assigned: a replaced one is rebuilt in place.
  std::vector<std::optional<MapEntry>> built;
  std::unordered_map<std::string, std::size_t> slot; // a scalar key → its entry in `built`
  // go-yaml v2 writes every pair into one map in document order, so whichever of a merged and an explicit
  // value comes later wins. With --strict (the default of argo submit and lint) it refuses the second write
  // ("key already set in map", go-yaml/yaml#410): worth a warning, since the playground takes the later one.
  auto put = [&](const YAML::Node& key, const YAML::Node& value, std::optional<SourcePos> mergedAt) {
    const std::string text = key.IsScalar() ? key.Scalar() : std::string();
    auto found = key.IsScalar() ? slot.find(text) : slot.end();
    if (found == slot.end()) {
      if (key.IsScalar()) slot.emplace(text, built.size());
      built.emplace_back(MapEntry{key, value, mergedAt});
      return;
    }
    std::optional<MapEntry>& earlier = built[found->second];
    if (!earlier->mergedAt && !mergedAt) { // written twice in the map itself: the caller reports it
      built.emplace_back(MapEntry{key, value, mergedAt});
      return;
    }
    if (!earlier->mergedAt || !mergedAt) {
      const SourcePos mergePos = mergedAt ? *mergedAt : *earlier->mergedAt;
      warning(mergedAt ? mergePos : posOf(key), path.empty() ? text : path + "." + text,
              "key \"" + text + "\" is set in the map and by the merge (<<) at line " +
                  std::to_string(mergePos.line) +
                  ": argo submit and argo lint (--strict, their default) reject it with \"key \\\"" + text +
                  "\\\" already set in map\"; otherwise the later one wins, as here");
    }
    earlier.emplace(MapEntry{key, value, mergedAt});
  };
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!isMergeKey(it->first)) {
      put(it->first, it->second, std::nullopt);
      continue;
    }
    const SourcePos mergePos = posOf(it->first);
    const YAML::Node source = it->second;
    if (!visit(source, depth + 1)) break;
    // A list merges its maps with the earlier ones winning: go-yaml applies them from the last to the first.
    std::vector<YAML::Node> maps;
    if (source.IsMap()) maps.push_back(source);
    if (source.IsSequence())
      for (const auto& item : source)
        maps.push_back(item);
    bool ok = source.IsMap() || source.IsSequence();
    for (const auto& m : maps)
      ok = ok && m.IsMap();
    if (!ok) {
      error(valuePos(source, mergePos), path.empty() ? "<<" : path + ".<<",
            "map merge requires map or sequence of maps as the value, found " + describe(source));
      continue;
    }
    merging_.push_back(map);
    for (std::size_t i = maps.size(); i-- > 0 && !stopped_;) {
      if (!visit(maps[i], depth + 1)) break;
      // go-yaml refuses an alias inside its own anchor ("anchor value contains itself").
      if (std::any_of(merging_.begin(), merging_.end(), [&](const YAML::Node& m) { return m.is(maps[i]); })) {
        error(mergePos, path.empty() ? "<<" : path + ".<<",
              "the merged map contains this merge itself (go-yaml: anchor value contains itself)");
        continue;
      }
      for (const MapEntry& merged : entries(maps[i], path, depth + 1))
        put(merged.key, merged.value, mergePos);
    }
    merging_.pop_back();
    if (stopped_) break;
  }
  for (const auto& entry : built)
    out.push_back(*entry);
  return out;
}

} // namespace argosim::parse_detail
