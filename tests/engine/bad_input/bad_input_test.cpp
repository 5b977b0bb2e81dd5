// Runs every hostile input in tests/bad/ (NNN-name.yaml beside NNN-name.expected.json) through simulateText
// and checks what the engine says about it: the diagnostics that must occur, whether a simulation ran, and
// the workflow's outcome. Reaching the end of each run is itself the check that the engine's bounds
// (limits.hpp) stop inputs that would otherwise never end; there are deliberately no timers here.
//
// Expected file (tests/bad/README.md): "simulated", "diagnostics" (each must match one diagnostic on
// severity, line, column, path and message / messageContains / messageMatches), "workflow" (phase, message or
// messageContains), "noErrors", and "skip" (a known hang, reported instead of run).
#include "engine/argosim.hpp"

#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kExpectedSuffix = ".expected.json";

fs::path badDir() {
  return fs::path(ARGOSIM_SOURCE_DIR) / "tests" / "bad";
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool endsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Every input, sorted: NNN-name.yaml (the expectation's name is derived from it).
std::vector<fs::path> inputs() {
  std::vector<fs::path> files;
  if (!fs::exists(badDir())) return files;
  for (const auto& entry : fs::directory_iterator(badDir())) {
    const std::string name = entry.path().filename().string();
    if (endsWith(name, ".yaml")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

fs::path expectedPathOf(const fs::path& input) {
  std::string stem = input.filename().string();
  stem.resize(stem.size() - std::string(".yaml").size());
  return input.parent_path() / (stem + std::string(kExpectedSuffix));
}

std::string lower(std::string s) {
  for (auto& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The message check shared by diagnostics and the workflow: `message` is exact, `messageContains` a
// substring.
bool messageMatches(const json& expected, const std::string& actual) {
  if (expected.contains("message") && expected["message"].get<std::string>() != actual) return false;
  if (expected.contains("messageContains") &&
      actual.find(expected["messageContains"].get<std::string>()) == std::string::npos)
    return false;
  return true;
}

bool diagnosticMatches(const json& expected, const argosim::Diagnostic& d) {
  if (expected.contains("severity") &&
      lower(expected["severity"].get<std::string>()) != lower(argosim::severityName(d.severity)))
    return false;
  if (expected.contains("line") && expected["line"].get<int>() != d.pos.line) return false;
  if (expected.contains("column") && expected["column"].get<int>() != d.pos.column) return false;
  if (expected.contains("path") && expected["path"].get<std::string>() != d.path) return false;
  return messageMatches(expected, d.message);
}

std::string describe(const argosim::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics)
    out += std::string("\n  ") + argosim::severityName(d.severity) + " " + std::to_string(d.pos.line) + ":" +
           std::to_string(d.pos.column) + " " + d.message.substr(0, 300);
  return out.empty() ? "\n  (none)" : out;
}

} // namespace

TEST_CASE("bad inputs: every case has its expectation, and there are enough of them", "[bad_input]") {
  const auto files = inputs();
  CHECK(files.size() >= 150);
  for (const auto& f : files) {
    INFO(f.filename().string());
    CHECK(fs::exists(expectedPathOf(f)));
  }
  // And no expectation is orphaned (a renamed input would silently stop being tested).
  for (const auto& entry : fs::directory_iterator(badDir())) {
    const std::string name = entry.path().filename().string();
    if (!endsWith(name, kExpectedSuffix)) continue;
    INFO(name);
    const std::string stem = name.substr(0, name.size() - kExpectedSuffix.size());
    CHECK(fs::exists(badDir() / (stem + ".yaml")));
  }
}

TEST_CASE("bad inputs: each ends, with the diagnostics and outcome its expectation names", "[bad_input]") {
  const argosim::Limits limits; // the defaults: what the CLI and the page use
  for (const auto& input : inputs()) {
    const fs::path expectedPath = expectedPathOf(input);
    if (!fs::exists(expectedPath)) continue; // reported by the test case above
    INFO(input.filename().string());
    const json expected = json::parse(readFile(expectedPath), nullptr, false);
    REQUIRE_FALSE(expected.is_discarded());
    // A case the engine cannot yet finish in reasonable time names why; it is reported, not run, so that one
    // known hang does not stall every test run. Remove `skip` once the engine is fixed.
    if (expected.contains("skip")) {
      WARN("skipped: " << expected["skip"].get<std::string>());
      continue;
    }

    const argosim::Result result = argosim::simulateText(readFile(input), limits);
    INFO("actual diagnostics:" << describe(result.diagnostics));
    INFO("actual workflow: " << result.workflow.phase << " \"" << result.workflow.message.substr(0, 300)
                             << "\"");

    // The bounds hold, and nothing escaped as an internal error.
    CHECK(result.nodes.size() <= limits.maxNodes);
    CHECK(result.events.size() <= limits.maxEvents);
    for (const auto& d : result.diagnostics)
      CHECK(d.message.rfind("internal ", 0) == std::string::npos);
    // Every diagnostic is positioned inside the text (line 0 only for run-level notes without a place).
    for (const auto& d : result.diagnostics) {
      CHECK(d.pos.line >= 0);
      CHECK(d.pos.column >= 0);
    }
    // The JSON rendering never throws, whatever bytes the input held.
    CHECK_FALSE(json::parse(argosim::resultToJson(result), nullptr, false).is_discarded());

    // A known gap still has to end within the bounds (checked above); its wished-for outcome is reported, not
    // asserted, until the engine closes it. Remove `knownGap` then.
    if (expected.contains("knownGap")) {
      WARN("known gap: " << expected["knownGap"].get<std::string>());
      continue;
    }
    if (expected.contains("simulated")) CHECK(result.simulated == expected["simulated"].get<bool>());
    if (expected.contains("diagnostics")) {
      for (const auto& want : expected["diagnostics"]) {
        INFO("expected diagnostic: " << want.dump());
        const bool found =
            std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                        [&](const argosim::Diagnostic& d) { return diagnosticMatches(want, d); });
        CHECK(found);
      }
    }
    if (expected.contains("noErrors") && expected["noErrors"].get<bool>())
      CHECK_FALSE(argosim::hasErrors(result.diagnostics));
    if (expected.contains("workflow")) {
      const json& w = expected["workflow"];
      if (w.contains("phase")) CHECK(result.workflow.phase == w["phase"].get<std::string>());
      CHECK(messageMatches(w, result.workflow.message));
    }
  }
}
