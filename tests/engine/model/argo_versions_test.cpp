// Which profile a version string names (engine/model/argo_versions.cpp): minors of spec §8's table, as the
// latest patch of each (git tag -l 'v3.6*' etc. in argoproj/argo-workflows: 3.5.15, 3.6.19, 3.7.18, 4.0.10,
// 4.1.2).
#include "engine/model/argo_versions.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;

TEST_CASE("argo versions: a minor, with or without v and a patch, names its profile") {
  CHECK(chooseArgoProfile("v3.5").profile == &kArgoV35);
  CHECK(chooseArgoProfile("3.6").profile == &kArgoV36);
  CHECK(chooseArgoProfile("v3.7.18").profile == &kArgoV37);
  CHECK(chooseArgoProfile("4.0.10").profile == &kArgoV40);
  CHECK(chooseArgoProfile("v4.1").profile == &kArgoV41);
  CHECK(chooseArgoProfile("v4.1.0-rc2").profile == &kArgoV41); // a pre-release is its minor
  CHECK(chooseArgoProfile("v3.6.19").notes.empty());           // the profile's own patch: nothing lacking
  CHECK(chooseArgoProfile("v4.1").notes.empty());
}

TEST_CASE("argo versions: anything else is refused with the accepted values") {
  for (const char* bad : {"v3.4", "v4.2", "", "v", "latest", "v3", "v3.6.", "v3.6.x", "v3..6", "v3.6-rc1",
                          "v03.6.1.2", "3.6 "}) {
    INFO(bad);
    const ArgoVersionChoice c = chooseArgoProfile(bad);
    CHECK(c.profile == nullptr);
    CHECK(c.error == "\"" + std::string(bad) +
                         "\" is not an Argo release argosim simulates: write one of v3.5, v3.6, v3.7, v4.0, "
                         "v4.1 (a patch such as v3.6.12 maps to its minor's profile)");
  }
}

TEST_CASE("argo versions: a patch older than a fix in its minor's profile says which fixes it lacks") {
  // fa4819394a (#15277 for 3.6) is first in v3.6.18: v3.6.12 has an unclamped backoff.
  const ArgoVersionChoice v3612 = chooseArgoProfile("v3.6.12");
  REQUIRE(v3612.profile == &kArgoV36);
  REQUIRE(v3612.notes.size() == 1);
  CHECK(v3612.notes[0] ==
        "v3.6.12 is simulated with the v3.6 profile, read from v3.6.19, which has fixes v3.6.12 lacks: the "
        "backoff wait is clamped instead of overflowing (#15277) from v3.6.18");
  CHECK(chooseArgoProfile("v3.6.18").notes.empty());
  // v3.5.4 predates #12637 (expression evaluated last, v3.5.5) and the exit-handler deadline fix (v3.5.11),
  // but not the hook-children fix (v3.5.1).
  const ArgoVersionChoice v354 = chooseArgoProfile("3.5.4");
  REQUIRE(v354.notes.size() == 1);
  CHECK(v354.notes[0].find("from v3.5.5; exit-handler nodes are not failed by the workflow deadline from "
                           "v3.5.11") != std::string::npos);
  CHECK(v354.notes[0].find("hook children") == std::string::npos);
  CHECK(chooseArgoProfile("v3.7.8").notes.size() == 1); // 79a46c95e6: v3.7.9
  CHECK(chooseArgoProfile("v4.0.0").notes.size() == 1); // b9e88dffb7: v4.0.1
  CHECK(chooseArgoProfile("v4.0.1").notes.empty());
}
