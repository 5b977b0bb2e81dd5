// The CLI/WASM contract: the JSON document a Result becomes (README "The CLI").
#include "engine/argosim.hpp"

#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

TEST_CASE("result JSON: the seed case's fields, times in seconds, null for what did not happen") {
  const char* yaml = R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: wf}
spec:
  entrypoint: flaky
  templates:
  - name: flaky
    activeDeadlineSeconds: 3600
    retryStrategy: {limit: 2, backoff: {duration: 10s, factor: 2, maxDuration: 3m}}
    container: {image: alpine, command: [sh, -c, "sleep 120; exit 10"]}
)";
  const auto j = nlohmann::json::parse(argosim::resultToJson(argosim::simulateText(yaml)));
  CHECK(j["workflow"]["phase"] == "Failed");
  CHECK(j["workflow"]["message"] == "Max duration limit exceeded");
  CHECK(j["workflow"]["finishedAt"] == 180);
  const auto& nodes = j["nodes"];
  REQUIRE(nodes.size() == 3);
  CHECK(nodes[0]["type"] == "Retry");
  CHECK(nodes[0]["parent"] == "");
  CHECK(nodes[1]["name"] == "wf(0)");
  CHECK(nodes[1]["id"] == "wf-200985491");
  CHECK(nodes[1]["executorDeadline"].is_null());
  CHECK(nodes[1]["behaviour"] == "container command");
  CHECK(nodes[2]["startedAt"] == 130);
  CHECK(nodes[2]["exitCode"] == 143);
  CHECK(nodes[2]["podActiveDeadlineSeconds"] == 3600);
  CHECK(nodes[2]["executorDeadline"] == 180);
  CHECK(nodes[2]["endedBy"] == "executor-deadline");
  CHECK(nodes[2]["parent"] == "wf");
  bool backoff = false;
  for (const auto& e : j["events"])
    if (e["kind"] == "backoff" && e["t"] == 120 && e["message"] == "Backoff for 10 seconds") backoff = true;
  CHECK(backoff);
}

TEST_CASE("result JSON: unparsable input is not simulated and says where") {
  const auto j = nlohmann::json::parse(argosim::resultToJson(argosim::simulateText("a: [1, 2\nb: c\n")));
  CHECK(j["simulated"] == false);
  REQUIRE_FALSE(j["diagnostics"].empty());
  CHECK(j["diagnostics"][0]["severity"] == "error");
  CHECK(j["diagnostics"][0]["line"].get<int>() >= 1);
}

TEST_CASE(
    "result JSON: the writer's bytes are nlohmann's compact dump of the same document, for every golden") {
  namespace fs = std::filesystem;
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(ARGOSIM_SOURCE_DIR) / "tests/scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string written = argosim::resultToJson(argosim::simulateText(yaml));
    INFO(entry.path().filename().string());
    CHECK(written ==
          nlohmann::json::parse(written).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    ++compared;
  }
  CHECK(compared > 100);
}

TEST_CASE("result JSON: strings are escaped as nlohmann does, invalid UTF-8 replaced rather than thrown") {
  argosim::Result r;
  r.workflow.message = "quote \" backslash \\ tab \t nul-free \x01 bad \xff\xfe end";
  const std::string written = argosim::resultToJson(r);
  CHECK(written.find(R"("message":"quote \" backslash \\ tab \t nul-free \u0001 bad )") != std::string::npos);
  CHECK(nlohmann::json::parse(written)["workflow"]["message"].get<std::string>().find("\xef\xbf\xbd") !=
        std::string::npos);
}

TEST_CASE("result JSON: each byte, alone and among plain text, is written as nlohmann's dump writes it") {
  std::vector<std::string> samples = {"", "plain-name(0:a)", "caf\xc3\xa9", "\xe2\x80\xa8",
                                      "\xf0\x9f\x98\x80"};
  for (int b = 0; b < 256; ++b) {
    samples.push_back(std::string(1, static_cast<char>(b)));
    samples.push_back("step-" + std::string(1, static_cast<char>(b)) + "-end");
  }
  for (const auto& s : samples) {
    argosim::Result r;
    r.workflow.message = s;
    const std::string expected =
        "\"message\":" + nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    INFO("byte string of length " << s.size());
    CHECK(argosim::resultToJson(r).find(expected) != std::string::npos);
  }
}

// Argo's NodeStatus.outputs is omitempty: a node without outputs has no key, one with outputs has
// {parameters: [{name, value}], result}, each part only when present.
TEST_CASE("result JSON: a node's outputs, only when it has any") {
  argosim::Result r;
  r.nodes.resize(3);
  r.nodes[0].name = "quiet";
  r.nodes[1].name = "flip";
  r.nodes[1].outputs.result = "heads\n\"x\"";
  r.nodes[1].outputs.parameters = {{"side", "H"}, {"count", ""}};
  r.nodes[2].name = "printed-nothing";
  r.nodes[2].outputs.result = "";
  const auto j = nlohmann::json::parse(argosim::resultToJson(r));
  CHECK_FALSE(j["nodes"][0].contains("outputs"));
  CHECK(j["nodes"][1]["outputs"] ==
        nlohmann::json::parse(
            R"({"parameters": [{"name": "side", "value": "H"}, {"name": "count", "value": ""}],
                                  "result": "heads\n\"x\""})"));
  CHECK(j["nodes"][2]["outputs"] == nlohmann::json::parse(R"({"result": ""})"));
}
