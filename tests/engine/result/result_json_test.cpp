// The CLI/WASM contract: the JSON document a Result becomes (README "The CLI").
#include "engine/argosim.hpp"

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

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
