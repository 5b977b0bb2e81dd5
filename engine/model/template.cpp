#include "engine/model/template.hpp"

namespace argosim {

// The strings of Argo's TemplateType (workflow_types.go), as they appear in messages such as
// "DAG template doesn't support timeout field".
const char* templateTypeName(TemplateType type) {
  switch (type) {
  case TemplateType::Container:
    return "Container";
  case TemplateType::Script:
    return "Script";
  case TemplateType::Resource:
    return "Resource";
  case TemplateType::Data:
    return "Data";
  case TemplateType::ContainerSet:
    return "ContainerSet";
  case TemplateType::Http:
    return "HTTP";
  case TemplateType::Plugin:
    return "Plugin";
  case TemplateType::Steps:
    return "Steps";
  case TemplateType::Dag:
    return "DAG";
  case TemplateType::Suspend:
    return "Suspend";
  case TemplateType::Unknown:
    return "Unknown";
  }
  return "Unknown";
}

} // namespace argosim
