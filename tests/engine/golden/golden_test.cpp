// Runs every golden scenario (tests/scenarios/*.expected.json) through the engine and reports each mismatch.
//
// An expected file is a subset of the result contract (see tests/scenarios/README.md): every key it gives
// must match, and every node it names must exist. Times are seconds from the workflow start; the driver
// converts the engine's JSON times (numbers in seconds, or RFC 3339 strings) before comparing.
#include "engine/argosim.hpp"

#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr double kTolerance = 1e-6;

fs::path repoRoot() {
  return fs::path(ARGOSIM_SOURCE_DIR);
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> expectedFiles() {
  std::vector<fs::path> files;
  const fs::path dir = repoRoot() / "tests" / "scenarios";
  if (!fs::exists(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    const std::string suffix = ".expected.json";
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string scenarioName(const fs::path& expectedPath) {
  std::string name = expectedPath.filename().string();
  return name.substr(0, name.size() - std::string(".expected.json").size());
}

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm), so no time zone is
// involved.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// "2024-07-04T00:01:00Z" or "2024-07-04T00:01:00.5+00:00" → Unix seconds (fractional).
std::optional<double> parseRfc3339(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  double s = 0;
  char tail[32] = {0};
  if (std::sscanf(text.c_str(), "%d-%d-%d%*[Tt ]%d:%d:%lf%31s", &y, &mo, &d, &h, &mi, &s, tail) < 6)
    return std::nullopt;
  double offset = 0;
  const std::string zone(tail);
  if (!zone.empty() && zone != "Z" && zone != "z") {
    int oh = 0, om = 0;
    if (std::sscanf(zone.c_str() + 1, "%d:%d", &oh, &om) >= 1)
      offset = (oh * 3600 + om * 60) * (zone[0] == '-' ? -1 : 1);
  }
  return static_cast<double>(daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d))) *
             86400.0 +
         h * 3600.0 + mi * 60.0 + s - offset;
}

// How the engine's JSON writes times: a number of seconds (default), or `timeUnit` at the top level ("s",
// "ms", "ns").
struct TimeContext {
  double unitSeconds = 1.0;
  double startEpoch = 1720051200.0; // 2024-07-04T00:00:00Z, replaced by the result's own start
};

TimeContext timeContextOf(const json& actual) {
  TimeContext ctx;
  if (actual.contains("timeUnit") && actual["timeUnit"].is_string()) {
    const std::string unit = actual["timeUnit"].get<std::string>();
    if (unit == "ms")
      ctx.unitSeconds = 1e-3;
    else if (unit == "us")
      ctx.unitSeconds = 1e-6;
    else if (unit == "ns")
      ctx.unitSeconds = 1e-9;
  }
  for (const char* key : {"startAt", "startedAtWall"}) {
    if (actual.contains(key) && actual[key].is_string())
      if (auto epoch = parseRfc3339(actual[key].get<std::string>())) {
        ctx.startEpoch = *epoch;
        return ctx;
      }
  }
  if (actual.contains("workflow") && actual["workflow"].is_object() &&
      actual["workflow"].contains("startedAt") && actual["workflow"]["startedAt"].is_string())
    if (auto epoch = parseRfc3339(actual["workflow"]["startedAt"].get<std::string>()))
      ctx.startEpoch = *epoch;
  return ctx;
}

bool isTimeField(const std::string& key) {
  return key == "startedAt" || key == "finishedAt" || key == "executorDeadline" || key == "runningAt" ||
         key == "t" || key == "at";
}

// An actual time as seconds from the start, if it can be read as one.
std::optional<double> actualTimeSeconds(const json& value, const TimeContext& ctx) {
  if (value.is_number()) return value.get<double>() * ctx.unitSeconds;
  if (value.is_string()) {
    if (auto epoch = parseRfc3339(value.get<std::string>())) return *epoch - ctx.startEpoch;
    try {
      size_t used = 0;
      const std::string text = value.get<std::string>();
      const double v = std::stod(text, &used);
      if (used == text.size()) return v * ctx.unitSeconds;
    } catch (...) {
    }
  }
  return std::nullopt;
}

std::optional<double> numberOf(const json& value) {
  if (value.is_number()) return value.get<double>();
  if (value.is_string()) {
    try {
      size_t used = 0;
      const std::string text = value.get<std::string>();
      const double v = std::stod(text, &used);
      if (used == text.size() && !text.empty()) return v;
    } catch (...) {
    }
  }
  return std::nullopt;
}

bool isAbsent(const json* value) {
  return value == nullptr || value->is_null();
}

std::string show(const json* value) {
  return value == nullptr ? std::string("<absent>") : value->dump();
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Does an actual value satisfy an expected one? `null` means absent; "" also accepts an absent string.
bool matches(const std::string& key, const json& expected, const json* actual, const TimeContext& ctx) {
  if (expected.is_null()) return isAbsent(actual);
  if (expected.is_string() && expected.get<std::string>().empty() && isAbsent(actual)) return true;
  if (isAbsent(actual)) return false;
  if (expected.is_number()) {
    const std::optional<double> got = isTimeField(key) ? actualTimeSeconds(*actual, ctx) : numberOf(*actual);
    return got && std::fabs(*got - expected.get<double>()) <= kTolerance;
  }
  if (expected.is_string() && actual->is_string()) {
    if (key == "severity") return lower(expected.get<std::string>()) == lower(actual->get<std::string>());
    return expected.get<std::string>() == actual->get<std::string>();
  }
  if (expected.is_boolean() && actual->is_boolean()) return expected.get<bool>() == actual->get<bool>();
  return expected == *actual;
}

const json* field(const json& object, const std::string& key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  if (it != object.end()) return &*it;
  // Diagnostics may nest their position: {"pos": {"line": 3, "column": 5}}.
  if (key == "line" || key == "column") {
    for (const char* nest : {"pos", "position", "source"}) {
      auto p = object.find(nest);
      if (p != object.end() && p->is_object()) {
        auto q = p->find(key);
        if (q != p->end()) return &*q;
      }
    }
  }
  return nullptr;
}

std::vector<const json*> listOf(const json& actual, const std::string& key) {
  std::vector<const json*> out;
  if (!actual.contains(key)) return out;
  const json& v = actual[key];
  if (v.is_array())
    for (const auto& item : v)
      out.push_back(&item);
  else if (v.is_object()) // Argo's status.nodes style: keyed by id
    for (const auto& [id, item] : v.items())
      out.push_back(&item);
  return out;
}

struct Report {
  std::string file;
  std::vector<std::string> mismatches;
  void add(const std::string& where, const std::string& key, const json& expected, const json* actual) {
    mismatches.push_back(file + ": " + where + " field '" + key + "': expected " + expected.dump() +
                         ", actual " + show(actual));
  }
  void note(const std::string& text) { mismatches.push_back(file + ": " + text); }
};

void compareObject(const std::string& where, const json& expected, const json& actual, const TimeContext& ctx,
                   Report& report, const std::vector<std::string>& skip = {}) {
  for (const auto& [key, value] : expected.items()) {
    if (std::find(skip.begin(), skip.end(), key) != skip.end()) continue;
    const json* got = field(actual, key);
    if (!matches(key, value, got, ctx)) report.add(where, key, value, got);
  }
}

bool objectMatches(const json& expected, const json& actual, const TimeContext& ctx) {
  for (const auto& [key, value] : expected.items())
    if (!matches(key, value, field(actual, key), ctx)) return false;
  return true;
}

void compareScenario(const fs::path& expectedPath, Report& report) {
  const json expected = json::parse(readFile(expectedPath));
  fs::path inputPath = expectedPath.parent_path() / (scenarioName(expectedPath) + ".yaml");
  if (expected.contains("input") && expected["input"].is_string() &&
      !expected["input"].get<std::string>().empty())
    inputPath = repoRoot() / expected["input"].get<std::string>();
  if (!fs::exists(inputPath)) {
    report.note("input file missing: " + inputPath.string());
    return;
  }

  std::string jsonText;
  try {
    jsonText = argosim::resultToJson(argosim::simulateText(readFile(inputPath)));
  } catch (const std::exception& e) {
    report.note(std::string("the engine threw: ") + e.what());
    return;
  }
  json actual;
  try {
    actual = json::parse(jsonText);
  } catch (const std::exception& e) {
    report.note(std::string("resultToJson gave invalid JSON: ") + e.what());
    return;
  }
  const TimeContext ctx = timeContextOf(actual);

  if (expected.contains("workflow")) {
    const json* wf = field(actual, "workflow");
    if (wf == nullptr)
      report.note("result has no 'workflow' object");
    else
      compareObject("workflow", expected["workflow"], *wf, ctx, report);
  }

  const std::vector<const json*> nodes = listOf(actual, "nodes");
  if (expected.contains("nodeCount")) {
    const json count = static_cast<std::int64_t>(nodes.size());
    if (!matches("nodeCount", expected["nodeCount"], &count, ctx))
      report.add("result", "nodeCount", expected["nodeCount"], &count);
  }
  if (expected.contains("nodes")) {
    for (const auto& want : expected["nodes"]) {
      const std::string name = want.value("name", std::string());
      const json* found = nullptr;
      for (const json* node : nodes)
        if (node->is_object() && node->value("name", std::string()) == name) {
          found = node;
          break;
        }
      if (found == nullptr) {
        report.note("node '" + name + "' is missing (the result has " + std::to_string(nodes.size()) +
                    " nodes)");
        continue;
      }
      compareObject("node '" + name + "'", want, *found, ctx, report, {"name"});
    }
  }

  for (const char* listKey : {"events", "diagnostics"}) {
    if (!expected.contains(listKey)) continue;
    const std::vector<const json*> have = listOf(actual, listKey);
    for (const auto& want : expected[listKey]) {
      const bool ok = std::any_of(have.begin(), have.end(), [&](const json* item) {
        return item->is_object() && objectMatches(want, *item, ctx);
      });
      if (!ok) {
        std::string near;
        for (const json* item : have)
          near += "\n    " + item->dump();
        report.note(std::string("no ") + listKey + " entry matches " + want.dump() +
                    "; the result has:" + (near.empty() ? std::string(" none") : near));
      }
    }
  }
}

} // namespace

TEST_CASE("golden scenarios match the expected results", "[golden]") {
  const std::vector<fs::path> files = expectedFiles();
  REQUIRE_FALSE(files.empty());
  for (const auto& path : files) {
    DYNAMIC_SECTION(scenarioName(path)) {
      Report report{path.lexically_relative(repoRoot()).string(), {}};
      try {
        compareScenario(path, report);
      } catch (const std::exception& e) {
        report.note(std::string("could not read the expected file: ") + e.what());
      }
      for (const auto& line : report.mismatches)
        FAIL_CHECK(line);
      CHECK(report.mismatches.empty());
    }
  }
}
