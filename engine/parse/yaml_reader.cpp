#include "engine/parse/yaml_reader.hpp"

#include "engine/time/go_float.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

namespace argosim::parse_detail {
namespace {

bool oneOf(std::string_view s, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), s) != options.end();
}

// strconv.ParseInt(s, 0, 64) on the text with underscores removed, as go-yaml v2 resolves a plain scalar.
// Returns nullopt when it is not an integer literal; sets overflow when it is one but out of int64.
std::optional<std::int64_t> parseYamlInt(std::string_view text, bool& overflow) {
  std::string s;
  for (char c : text)
    if (c != '_') s.push_back(c);
  overflow = false;
  if (s.empty()) return std::nullopt;
  std::size_t i = 0;
  bool negative = false;
  if (s[0] == '+' || s[0] == '-') {
    negative = s[0] == '-';
    i = 1;
  }
  int base = 10;
  if (s.size() - i >= 2 && s[i] == '0') {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i + 1])));
    if (p == 'x')
      base = 16, i += 2;
    else if (p == 'o')
      base = 8, i += 2;
    else if (p == 'b')
      base = 2, i += 2;
    else
      base = 8, i += 1;
  }
  if (i >= s.size()) return base == 8 && s.back() == '0' ? std::optional<std::int64_t>(0) : std::nullopt;
  unsigned long long value = 0;
  constexpr unsigned long long kMax = 1ULL << 63;
  for (; i < s.size(); ++i) {
    int digit;
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (c >= 'a' && c <= 'f')
      digit = c - 'a' + 10;
    else
      return std::nullopt;
    if (digit >= base) return std::nullopt;
    if (value > (std::numeric_limits<unsigned long long>::max() - static_cast<unsigned>(digit)) / base) {
      overflow = true;
      value = kMax + 1;
    } else if (!overflow) {
      value = value * static_cast<unsigned>(base) + static_cast<unsigned>(digit);
    }
  }
  if (overflow || value > kMax || (!negative && value == kMax)) {
    overflow = true;
    return std::nullopt;
  }
  return negative ? static_cast<std::int64_t>(0ULL - value) : static_cast<std::int64_t>(value);
}

bool isYamlFloat(std::string_view s) {
  if (oneOf(s, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN",
                ".NAN"}))
    return true;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0, fracDigits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
    ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
      ++i, ++fracDigits;
    if (digits == 0 && fracDigits == 0) return false;
  } else if (digits == 0) {
    return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exp = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
      ++i, ++exp;
    if (exp == 0) return false;
  }
  return i == s.size();
}

// sigs.k8s.io/yaml convertToJSONableObject for a string field: ints in decimal, floats with
// strconv.FormatFloat(v, 'g', -1, 32), booleans as true/false (YAML 1.1's y/yes/on included, as go-yaml v2
// resolves them).
std::string goYamlScalarAsString(const std::string& text, const ScalarInfo& info) {
  switch (info.kind) {
  case ScalarKind::Bool:
    return info.boolValue ? "true" : "false";
  case ScalarKind::Int:
    if (!info.intOverflow) return std::to_string(info.intValue);
    break; // past int64: go-yaml reads it as a float
  case ScalarKind::Float:
    break;
  case ScalarKind::Null:
  case ScalarKind::String:
    return text;
  }
  std::string digits;
  for (char c : text)
    if (c != '_') digits.push_back(c);
  double value = std::strtod(digits.c_str(), nullptr);
  if (digits.find(".inf") != std::string::npos || digits.find(".Inf") != std::string::npos ||
      digits.find(".INF") != std::string::npos)
    value = digits[0] == '-' ? -INFINITY : INFINITY;
  else if (digits.find(".nan") != std::string::npos || digits.find(".NaN") != std::string::npos ||
           digits.find(".NAN") != std::string::npos)
    value = NAN;
  return formatGoFloat(value, 32);
}

std::size_t editDistance(std::string_view a, std::string_view b) {
  if (a.size() > 40 || b.size() > 40) return 99;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      char ca = static_cast<char>(std::tolower(static_cast<unsigned char>(a[i - 1])));
      char cb = static_cast<char>(std::tolower(static_cast<unsigned char>(b[j - 1])));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (ca == cb ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

} // namespace

SourcePos posOf(const YAML::Node& node) {
  YAML::Mark mark = node.Mark();
  if (mark.line < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

std::string lastPathSegment(const std::string& path) {
  std::size_t dot = path.find_last_of('.');
  return dot == std::string::npos ? path : path.substr(dot + 1);
}

ScalarInfo classifyScalar(const YAML::Node& node) {
  ScalarInfo info;
  const std::string& tag = node.Tag();
  const std::string& text = node.Scalar();
  if (tag == "!" || tag == "tag:yaml.org,2002:str") return info; // quoted or block scalar, or !!str
  if (text.empty() || oneOf(text, {"~", "null", "Null", "NULL"})) {
    info.kind = ScalarKind::Null;
    return info;
  }
  if (oneOf(text, {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})) {
    info.kind = ScalarKind::Bool;
    info.boolValue = true;
    return info;
  }
  if (oneOf(text, {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})) {
    info.kind = ScalarKind::Bool;
    return info;
  }
  bool overflow = false;
  if (auto v = parseYamlInt(text, overflow)) {
    info.kind = ScalarKind::Int;
    info.intValue = *v;
    return info;
  }
  if (overflow) {
    info.kind = ScalarKind::Int;
    info.intOverflow = true;
    return info;
  }
  if (isYamlFloat(text)) info.kind = ScalarKind::Float;
  return info;
}

std::string Reader::describe(const YAML::Node& node) {
  switch (node.Type()) {
  case YAML::NodeType::Map:
    return "a map";
  case YAML::NodeType::Sequence:
    return "a list";
  case YAML::NodeType::Null:
  case YAML::NodeType::Undefined:
    return "nothing (null)";
  case YAML::NodeType::Scalar:
    break;
  }
  ScalarInfo info = classifyScalar(node);
  switch (info.kind) {
  case ScalarKind::Null:
    return "nothing (null)";
  case ScalarKind::Bool:
    return "the boolean " + node.Scalar();
  case ScalarKind::Int:
  case ScalarKind::Float:
    return "the number " + node.Scalar();
  case ScalarKind::String:
    break;
  }
  return "the string \"" + node.Scalar() + "\"";
}

std::string aliasExpansionMessage(const Limits& limits) {
  return "the YAML expands to more than " + std::to_string(limits.maxYamlNodes) +
         " values (aliases are copied each time they are used): reading stopped (limit maxYamlNodes)";
}

bool Reader::visit(const YAML::Node& node, int depth) {
  if (stopped_) return false;
  if (++nodes_ > limits_.maxYamlNodes) {
    stopped_ = true;
    error(posOf(node), "", aliasExpansionMessage(limits_));
    return false;
  }
  if (depth > limits_.maxNestingDepth) {
    stopped_ = true;
    error(posOf(node), "",
          "the YAML nests deeper than " + std::to_string(limits_.maxNestingDepth) +
              " levels through aliases: reading stopped (limit maxNestingDepth)");
    return false;
  }
  return true;
}

void Reader::error(SourcePos pos, const std::string& path, std::string message) {
  diagnostics_.push_back({Severity::Error, pos, path, std::move(message)});
}

void Reader::warning(SourcePos pos, const std::string& path, std::string message) {
  diagnostics_.push_back({Severity::Warning, pos, path, std::move(message)});
}

void Reader::info(SourcePos pos, const std::string& path, std::string message) {
  diagnostics_.push_back({Severity::Info, pos, path, std::move(message)});
}

SourcePos Reader::valuePos(const YAML::Node& value, SourcePos keyPos) {
  if (value.IsNull() && (value.Scalar().empty() || value.Tag().empty())) return keyPos;
  SourcePos pos = posOf(value);
  return pos.line == 0 ? keyPos : pos;
}

void Reader::readMap(const YAML::Node& map, const std::string& path, int depth,
                     std::initializer_list<std::string_view> known, const KeyHandler& onKey,
                     const char* schemaName, UnknownKeys unknown) {
  std::map<std::string, SourcePos> seen;
  for (const MapEntry& entry : entries(map, path, depth)) {
    if (!visit(entry.key, depth + 1) || !visit(entry.value, depth + 1)) return;
    SourcePos keyPos = posOf(entry.key);
    if (!entry.key.IsScalar()) {
      error(keyPos, path, "a key must be a plain string, found " + describe(entry.key));
      continue;
    }
    std::string key = entry.key.Scalar();
    std::string keyPath = path.empty() ? key : path + "." + key;
    auto [previous, inserted] = seen.emplace(key, keyPos);
    if (!inserted) {
      error(keyPos, keyPath,
            "duplicate key \"" + key + "\" (first at line " + std::to_string(previous->second.line) +
                "): Kubernetes rejects a map with a key twice");
      continue;
    }
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      {
        std::string message = "unknown field \"" + key + "\" in " + schemaName +
                              (unknown == UnknownKeys::Warn ? ": Argo drops it" : "");
        std::string_view best;
        std::size_t bestDistance = 3;
        for (std::string_view candidate : known) {
          std::size_t d = editDistance(key, candidate);
          if (d < bestDistance) bestDistance = d, best = candidate;
        }
        if (!best.empty()) message += " (did you mean \"" + std::string(best) + "\"?)";
        if (unknown == UnknownKeys::Warn)
          warning(keyPos, keyPath, std::move(message));
        else
          error(keyPos, keyPath, std::move(message));
      }
      continue;
    }
    onKey(key, keyPos, entry.value);
    if (stopped_) return;
  }
}

bool Reader::expectMap(const YAML::Node& node, SourcePos keyPos, const std::string& path) {
  if (node.IsMap()) return true;
  if (node.IsNull()) return false; // `key:` with nothing: the same as leaving it out
  error(valuePos(node, keyPos), path, "expected a map, found " + describe(node));
  return false;
}

bool Reader::expectList(const YAML::Node& node, SourcePos keyPos, const std::string& path) {
  if (node.IsSequence()) return true;
  if (node.IsNull()) return false;
  error(valuePos(node, keyPos), path, "expected a list, found " + describe(node));
  return false;
}

std::optional<Located<std::string>> Reader::string(const YAML::Node& node, SourcePos keyPos,
                                                   const std::string& path) {
  if (node.IsNull()) return std::nullopt;
  SourcePos pos = valuePos(node, keyPos);
  if (!node.IsScalar()) {
    error(pos, path, "expected a string, found " + describe(node));
    return std::nullopt;
  }
  ScalarInfo info = classifyScalar(node);
  if (info.kind == ScalarKind::Null) return std::nullopt;
  if (info.kind != ScalarKind::String) {
    // sigs.k8s.io/yaml (what `argo submit` and Argo's own tests decode with) turns a number or boolean into a
    // string when the field is one; a client that sends the JSON as written (kubectl) gets it refused.
    const std::string text = goYamlScalarAsString(node.Scalar(), info);
    warning(pos, path,
            "expected a string, found " + describe(node) + ": read as \"" + text +
                "\", as argo submit converts it (kubectl would send a " +
                (info.kind == ScalarKind::Bool ? "boolean" : "number") +
                " that the controller cannot decode); write it in quotes");
    return Located<std::string>{text, pos};
  }
  return Located<std::string>{node.Scalar(), pos};
}

std::optional<Located<std::string>> Reader::anyString(const YAML::Node& node, SourcePos keyPos,
                                                      const std::string& path) {
  if (node.IsNull()) return std::nullopt;
  SourcePos pos = valuePos(node, keyPos);
  if (!node.IsScalar()) {
    error(pos, path, "expected a string, number or boolean, found " + describe(node));
    return std::nullopt;
  }
  if (classifyScalar(node).kind == ScalarKind::Null) return std::nullopt;
  return Located<std::string>{node.Scalar(), pos};
}

std::optional<IntOrString> Reader::intOrString(const YAML::Node& node, SourcePos keyPos,
                                               const std::string& path) {
  if (node.IsNull()) return std::nullopt;
  SourcePos pos = valuePos(node, keyPos);
  std::string field = lastPathSegment(path);
  if (!node.IsScalar()) {
    error(pos, path, "expected an integer or a string, found " + describe(node));
    return std::nullopt;
  }
  ScalarInfo info = classifyScalar(node);
  IntOrString value;
  value.pos = pos;
  switch (info.kind) {
  case ScalarKind::Null:
    return std::nullopt;
  case ScalarKind::String:
    value.isString = true;
    value.stringValue = node.Scalar();
    return value;
  case ScalarKind::Int:
    // k8s IntOrString decodes a number into an int32.
    if (info.intOverflow || info.intValue > std::numeric_limits<std::int32_t>::max() ||
        info.intValue < std::numeric_limits<std::int32_t>::min()) {
      error(pos, path,
            field + ": " + node.Scalar() +
                " does not fit in 32 bits: Argo's int-or-string decoding rejects it when the Workflow is "
                "submitted");
      return std::nullopt;
    }
    value.intValue = info.intValue;
    return value;
  case ScalarKind::Float:
    error(pos, path,
          field + ": " + node.Scalar() +
              " is not a whole number: Argo's int-or-string field rejects a fractional number when the "
              "Workflow is "
              "decoded, so the submission fails");
    return std::nullopt;
  case ScalarKind::Bool:
    error(pos, path, "expected an integer or a string, found " + describe(node));
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Located<std::int64_t>> Reader::int64(const YAML::Node& node, SourcePos keyPos,
                                                   const std::string& path) {
  if (node.IsNull()) return std::nullopt;
  SourcePos pos = valuePos(node, keyPos);
  std::string field = lastPathSegment(path);
  if (!node.IsScalar()) {
    error(pos, path, "expected an integer, found " + describe(node));
    return std::nullopt;
  }
  ScalarInfo info = classifyScalar(node);
  if (info.kind == ScalarKind::Null) return std::nullopt;
  if (info.kind == ScalarKind::Int && !info.intOverflow) return Located<std::int64_t>{info.intValue, pos};
  if (info.kind == ScalarKind::Int || info.kind == ScalarKind::Float) {
    error(pos, path, field + ": " + node.Scalar() + " is not an int64: Argo's decoder rejects it");
  } else if (info.kind == ScalarKind::String) {
    error(pos, path,
          "expected an integer, found " + describe(node) + ": " + field +
              " is an int64 here, and Argo's decoder rejects a quoted value");
  } else {
    error(pos, path, "expected an integer, found " + describe(node));
  }
  return std::nullopt;
}

std::optional<Located<bool>> Reader::boolean(const YAML::Node& node, SourcePos keyPos,
                                             const std::string& path) {
  if (node.IsNull()) return std::nullopt;
  SourcePos pos = valuePos(node, keyPos);
  if (node.IsScalar()) {
    ScalarInfo info = classifyScalar(node);
    if (info.kind == ScalarKind::Null) return std::nullopt;
    if (info.kind == ScalarKind::Bool) return Located<bool>{info.boolValue, pos};
  }
  error(pos, path, "expected true or false, found " + describe(node));
  return std::nullopt;
}

std::optional<nlohmann::json> Reader::json(const YAML::Node& node, const std::string& path, int depth) {
  if (!visit(node, depth)) return std::nullopt;
  switch (node.Type()) {
  case YAML::NodeType::Null:
  case YAML::NodeType::Undefined:
    return nlohmann::json(nullptr);
  case YAML::NodeType::Scalar: {
    ScalarInfo info = classifyScalar(node);
    switch (info.kind) {
    case ScalarKind::Null:
      return nlohmann::json(nullptr);
    case ScalarKind::Bool:
      return nlohmann::json(info.boolValue);
    case ScalarKind::Int:
      if (!info.intOverflow) return nlohmann::json(info.intValue);
      [[fallthrough]];
    case ScalarKind::Float: {
      nlohmann::json parsed = nlohmann::json::parse(node.Scalar(), nullptr, false);
      if (parsed.is_number()) return parsed;
      return nlohmann::json(node.Scalar()); // .inf/.nan/0x…: no JSON number; keep the text
    }
    case ScalarKind::String:
      return nlohmann::json(node.Scalar());
    }
    return std::nullopt;
  }
  case YAML::NodeType::Sequence: {
    nlohmann::json out = nlohmann::json::array();
    int i = 0;
    for (const auto& item : node) {
      auto value = json(item, path + "[" + std::to_string(i++) + "]", depth + 1);
      if (!value) return std::nullopt;
      out.push_back(std::move(*value));
    }
    return out;
  }
  case YAML::NodeType::Map: {
    nlohmann::json out = nlohmann::json::object();
    for (const MapEntry& entry : entries(node, path, depth)) {
      if (!visit(entry.key, depth + 1)) return std::nullopt;
      if (!entry.key.IsScalar()) {
        error(posOf(entry.key), path, "a key must be a plain string, found " + describe(entry.key));
        return std::nullopt;
      }
      auto value = json(entry.value, path + "." + entry.key.Scalar(), depth + 1);
      if (!value) return std::nullopt;
      out[entry.key.Scalar()] = std::move(*value);
    }
    return out;
  }
  }
  return std::nullopt;
}

} // namespace argosim::parse_detail
