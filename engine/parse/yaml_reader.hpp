// Typed, positioned reads from yaml-cpp nodes, with the diagnostics and bounds every schema reader shares.
#pragma once

#include "engine/limits.hpp"
#include "engine/model/diagnostic.hpp"
#include "engine/model/int_or_string.hpp"
#include "engine/model/source_pos.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace argosim::parse_detail {

SourcePos posOf(const YAML::Node& node);

// How Kubernetes' YAML→JSON step (YAML 1.1 rules, as go-yaml v2) reads a scalar: plain `3` is a number,
// `"3"` a string, plain `yes` a boolean, plain `1.5`/`1e30` a float.
enum class ScalarKind { Null, Bool, Int, Float, String };
struct ScalarInfo {
  ScalarKind kind = ScalarKind::String;
  bool intOverflow = false; // an integer literal outside int64 (JSON would carry it as a float)
  std::int64_t intValue = 0;
  bool boolValue = false;
};
ScalarInfo classifyScalar(const YAML::Node& node);

enum class UnknownKeys { Warn, Error };

// One entry of a map as Kubernetes reads it: written in the map itself, or brought in by a merge key.
struct MapEntry {
  YAML::Node key;
  YAML::Node value;
  std::optional<SourcePos> mergedAt; // the `<<` that brought it in
};

class Reader {
public:
  Reader(const Limits& limits, Diagnostics& diagnostics) : limits_(limits), diagnostics_(diagnostics) {}

  // Counts one node read (aliases count every time they are read: this is where a "billion laughs" document
  // would expand) and checks the nesting depth reached through aliases. False once a limit was hit.
  bool visit(const YAML::Node& node, int depth);
  bool stopped() const { return stopped_; }
  const Limits& limits() const { return limits_; }

  void error(SourcePos pos, const std::string& path, std::string message);
  void warning(SourcePos pos, const std::string& path, std::string message);
  void info(SourcePos pos, const std::string& path, std::string message);

  // A value's position: its own, or the key's when the value is empty (yaml-cpp marks an empty value oddly).
  static SourcePos valuePos(const YAML::Node& value, SourcePos keyPos);

  // Iterates a map's entries in order. `known` lists the keys whose values `onKey` handles or deliberately
  // skips; others get a warning at the key (an error for the Scenario, Argo's own schema is lenient; nothing
  // where the schema is not ours to know). Duplicate and non-string keys are errors.
  using KeyHandler = std::function<void(const std::string& key, SourcePos keyPos, const YAML::Node& value)>;
  void readMap(const YAML::Node& map, const std::string& path, int depth,
               std::initializer_list<std::string_view> known, const KeyHandler& onKey, const char* schemaName,
               UnknownKeys unknown = UnknownKeys::Warn);

  // A map's entries in order with its merge keys (`<<`) applied (yaml_merge_keys.cpp). Keys written twice
  // in the map itself stay twice, for the caller to report.
  std::vector<MapEntry> entries(const YAML::Node& map, const std::string& path, int depth);

  bool expectMap(const YAML::Node& node, SourcePos keyPos, const std::string& path);
  bool expectList(const YAML::Node& node, SourcePos keyPos, const std::string& path);

  std::optional<Located<std::string>> string(const YAML::Node& node, SourcePos keyPos,
                                             const std::string& path);
  // A scalar of any kind as its text (Argo's AnyString: parameter values accept numbers and booleans).
  std::optional<Located<std::string>> anyString(const YAML::Node& node, SourcePos keyPos,
                                                const std::string& path);
  std::optional<IntOrString> intOrString(const YAML::Node& node, SourcePos keyPos, const std::string& path);
  std::optional<Located<std::int64_t>> int64(const YAML::Node& node, SourcePos keyPos,
                                             const std::string& path);
  std::optional<Located<bool>> boolean(const YAML::Node& node, SourcePos keyPos, const std::string& path);
  // Any YAML value as JSON (withItems), bounded by the node and depth limits.
  std::optional<nlohmann::json> json(const YAML::Node& node, const std::string& path, int depth);

  static std::string describe(const YAML::Node& node);

private:
  const Limits& limits_;
  Diagnostics& diagnostics_;
  std::size_t nodes_ = 0;
  bool stopped_ = false;
  std::vector<YAML::Node> merging_; // the maps whose merge keys are being applied, outermost first
};

std::string lastPathSegment(const std::string& path);

// The one diagnostic for a text whose aliases expand past limits.maxYamlNodes, wherever that is found.
std::string aliasExpansionMessage(const Limits& limits);

} // namespace argosim::parse_detail
