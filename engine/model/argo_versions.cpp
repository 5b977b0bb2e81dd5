#include "engine/model/argo_versions.hpp"

#include <cctype>
#include <optional>

namespace argosim {
namespace {

// A fix that reached a minor in one of its patch releases (spec §8): before `patch`, that minor's
// controller behaves as the older releases did.
struct PatchFix {
  std::string_view minor;
  int patch;
  std::string_view what;
};

// git tag --contains of each fix's commit on its release branch.
constexpr PatchFix kPatchFixes[] = {
    {"v3.5", 1, "hook children are not counted as retry attempts"},
    {"v3.5", 5, "retryStrategy.expression is evaluated last, once an attempt has ended (#12637)"},
    {"v3.5", 11, "exit-handler nodes are not failed by the workflow deadline"},
    {"v3.6", 18, "the backoff wait is clamped instead of overflowing (#15277)"},
    {"v3.7", 9, "the backoff wait is clamped instead of overflowing (#15277)"},
    {"v4.0", 1, "the backoff wait is clamped instead of overflowing (#15277)"},
};

std::optional<int> number(std::string_view s) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  int n = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

} // namespace

std::string acceptedArgoVersions() {
  std::string out;
  for (const ArgoProfile* p : kArgoProfiles)
    out += (out.empty() ? "" : ", ") + std::string(p->version);
  return out;
}

ArgoVersionChoice chooseArgoProfile(std::string_view text) {
  ArgoVersionChoice out;
  std::string_view rest = text;
  if (!rest.empty() && (rest.front() == 'v' || rest.front() == 'V')) rest.remove_prefix(1);
  // A pre-release (v4.1.0-rc2) is still that minor.
  const std::string_view release = rest.substr(0, rest.find('-'));
  const std::size_t dot = release.find('.');
  const std::size_t patchDot = dot == std::string_view::npos ? dot : release.find('.', dot + 1);
  const auto major = number(release.substr(0, dot));
  const auto minor =
      dot == std::string_view::npos ? std::nullopt : number(release.substr(dot + 1, patchDot - dot - 1));
  std::optional<int> patch;
  bool ok = major && minor;
  if (ok && patchDot != std::string_view::npos) {
    patch = number(release.substr(patchDot + 1));
    ok = patch.has_value();
  }
  if (ok && release.size() != rest.size()) ok = patch && rest.size() > release.size() + 1;
  if (ok) {
    const std::string name = "v" + std::to_string(*major) + "." + std::to_string(*minor);
    for (const ArgoProfile* p : kArgoProfiles)
      if (p->version == name) out.profile = p;
  }
  if (!out.profile) {
    out.error = "\"" + std::string(text) + "\" is not an Argo release argosim simulates: write one of " +
                acceptedArgoVersions() + " (a patch such as v3.6.12 maps to its minor's profile)";
    return out;
  }
  if (!patch) return out;
  std::string lacking;
  for (const PatchFix& fix : kPatchFixes)
    if (fix.minor == out.profile->version && *patch < fix.patch)
      lacking += std::string(lacking.empty() ? "" : "; ") + std::string(fix.what) + " from " +
                 std::string(fix.minor) + "." + std::to_string(fix.patch);
  if (!lacking.empty())
    out.notes.push_back(std::string(text) + " is simulated with the " + std::string(out.profile->version) +
                        " profile, read from " + std::string(out.profile->latestPatch) +
                        ", which has fixes " + std::string(text) + " lacks: " + lacking);
  return out;
}

} // namespace argosim
