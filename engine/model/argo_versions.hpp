// Which ArgoProfile a version string names ("v3.6", "3.6", "v3.6.12"), and what an older patch lacks.
#pragma once

#include "engine/model/argo_profile.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace argosim {

struct ArgoVersionChoice {
  const ArgoProfile* profile = nullptr; // null: `error` says why
  std::string error;
  // For a patch older than a fix its minor's profile has: which fixes the simulation includes anyway.
  std::vector<std::string> notes;
};

// Accepts vX.Y or X.Y, optionally with a patch (.Z) and a pre-release suffix (-rc1), for X.Y in the
// profiles; a patch maps to its minor's profile.
ArgoVersionChoice chooseArgoProfile(std::string_view text);

// "v3.5, v3.6, v3.7, v4.0, v4.1": the values chooseArgoProfile's error lists.
std::string acceptedArgoVersions();

} // namespace argosim
