#include "engine/sim/node_id.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace argosim;

TEST_CASE("workflow_types.go Workflow.NodeID: the root node's ID is the workflow name") {
  CHECK(nodeId("wf", "wf") == "wf");
  CHECK(nodeId("echo-wngc4", "echo-wngc4") == "echo-wngc4");
}

TEST_CASE("workflow_types.go Workflow.NodeID: operator_test.go fixture echo-wngc4(0)") {
  CHECK(nodeId("echo-wngc4", "echo-wngc4(0)") == "echo-wngc4-1641470511");
}

TEST_CASE("workflow_types.go Workflow.NodeID: spec §2 values for workflow wf") {
  CHECK(nodeId("wf", "wf(0)") == "wf-200985491");
  CHECK(nodeId("wf", "wf(1)") == "wf-805126870");
  CHECK(nodeId("wf", "wf[0].A") == "wf-228128727");
  CHECK(nodeId("wf", "wf[0].flaky") == "wf-2749488857");
  CHECK(nodeId("wf", "wf.A") == "wf-3498999265");
  CHECK(nodeId("wf", "wf(0)[0].a") == "wf-3924147526");
  CHECK(nodeId("wf", "wf(1)[0].a") == "wf-2177590793");
  CHECK(nodeId("wf", "wf(0)[1].s2") == "wf-1045848197");
  CHECK(nodeId("wf", "wf(1)[1].s2") == "wf-1665516500");
}

TEST_CASE("hash/fnv New32a: FNV-1a 32-bit reference values") {
  CHECK(fnv1a32("") == 2166136261u);
  CHECK(fnv1a32("a") == 0xe40c292cu);
  CHECK(fnv1a32("foobar") == 0xbf9cf968u);
  // Bytes above 0x7f hash as unsigned bytes.
  CHECK(fnv1a32("\xff") == ((2166136261u ^ 0xffu) * 16777619u));
}
