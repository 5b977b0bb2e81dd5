#include "engine/validate/release_schema.hpp"

#include <string>

namespace argosim {
namespace {

class ReleaseSchema {
public:
  ReleaseSchema(const Workflow& workflow, const ArgoProfile& profile, Diagnostics& out)
      : workflow_(workflow), profile_(profile), out_(out) {}

  void retryStrategy(std::optional<RetryStrategy>& rs, const std::string& path, bool validatorChecksPolicy) {
    if (!rs) return;
    if (!profile_.backoffCap && rs->backoff && rs->backoff->cap) {
      dropped(rs->backoff->cap->pos, path + ".backoff.cap", "cap", "v3.7",
              "so the backoff wait is not capped");
      rs->backoff->cap.reset();
    }
    // Where validate.go checks the policy first (templates), its message is what `argo submit` shows.
    if (profile_.retryPolicyEnumInSchema && !validatorChecksPolicy && rs->retryPolicy)
      enumValue(*rs->retryPolicy, path + ".retryPolicy");
  }

  void pendingTimeout(std::optional<Located<std::string>>& field, const std::string& path) {
    if (profile_.pendingTimeout || !field) return;
    dropped(field->pos, path + ".pendingTimeout", "pendingTimeout", "v4.1",
            "so nothing limits how long the pod stays Pending");
    field.reset();
  }

private:
  // types.go carries no such field: `argo submit` decodes strictly and refuses it; kubectl's copy reaches
  // the controller without it (pruned by the full CRDs, ignored by the decoder behind the minimal ones).
  void dropped(SourcePos pos, const std::string& path, const std::string& field, const char* since,
               const char* consequence) {
    const std::string version(profile_.version);
    out_.push_back(
        {Severity::Warning, pos, path,
         "unknown field \"" + field + "\" in Argo " + version + " (it came in " + since +
             "): `argo submit` refuses the Workflow (json: unknown field \"" + field +
             "\"), and through kubectl " +
             (profile_.prunesUnknownFields ? "the API server drops it" : "the controller ignores it") + ", " +
             consequence});
  }

  // The CRD's openAPIV3Schema enum, as the API server words a refused value (field.NotSupported).
  void enumValue(const Located<std::string>& policy, const std::string& path) {
    const std::string& v = policy.value;
    if (v.empty() || v == "Always" || v == "OnFailure" || v == "OnError" || v == "OnTransientError") return;
    out_.push_back({Severity::Error, policy.pos, path,
                    "Workflow.argoproj.io \"" + workflow_.name.value + "\" is invalid: " + path +
                        ": Unsupported value: \"" + v +
                        "\": supported values: \"Always\", \"OnFailure\", \"OnError\", \"OnTransientError\" "
                        "(Argo " +
                        std::string(profile_.version) +
                        "'s CRD schema refuses it, so the Workflow is never created)"});
  }

  const Workflow& workflow_;
  const ArgoProfile& profile_;
  Diagnostics& out_;
};

} // namespace

Diagnostics applyReleaseSchema(Workflow& workflow, const ArgoProfile& profile) {
  Diagnostics out;
  ReleaseSchema schema(workflow, profile, out);
  schema.retryStrategy(workflow.retryStrategy, "spec.retryStrategy", false);
  if (workflow.templateDefaults) {
    schema.retryStrategy(workflow.templateDefaults->retryStrategy, "spec.templateDefaults.retryStrategy",
                         false);
    schema.pendingTimeout(workflow.templateDefaults->pendingTimeout, "spec.templateDefaults");
  }
  for (std::size_t i = 0; i < workflow.templates.size(); ++i) {
    const std::string path = "spec.templates[" + std::to_string(i) + "]";
    schema.retryStrategy(workflow.templates[i].retryStrategy, path + ".retryStrategy", true);
    schema.pendingTimeout(workflow.templates[i].pendingTimeout, path);
  }
  return out;
}

} // namespace argosim
