#include "engine/validate/pod_stand_in_warnings.hpp"

#include <string>

namespace argosim {
namespace {

// What the real template does that the stand-in pod leaves out.
const char* notModelled(TemplateType type) {
  switch (type) {
  case TemplateType::Resource:
    return "its Kubernetes action and success/failure conditions";
  case TemplateType::Data:
    return "its data source and transformations";
  case TemplateType::ContainerSet:
    return "its containers and their dependencies";
  case TemplateType::Http:
    return "the HTTP request, which the Argo agent makes without a pod";
  case TemplateType::Plugin:
    return "the executor plugin, which the Argo agent runs without a pod";
  default:
    return nullptr;
  }
}

} // namespace

void warnPodStandIns(const Workflow& workflow, Diagnostics& out) {
  for (std::size_t i = 0; i < workflow.templates.size(); ++i) {
    const Template& t = workflow.templates[i];
    const char* missing = notModelled(t.type);
    if (!missing) continue;
    out.push_back({Severity::Warning, t.pos, "spec.templates[" + std::to_string(i) + "]",
                   std::string(templateTypeName(t.type)) + " template " + t.name.value +
                       " is simulated as one pod (its retries and deadlines as Argo applies them), without " +
                       missing + "; the Scenario says how each attempt ends"});
  }
}

} // namespace argosim
