// The parts of an Argo Workflow that shape retries and deadlines.
#pragma once

#include "engine/model/retry_strategy.hpp"
#include "engine/model/source_pos.hpp"
#include "engine/model/template.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace argosim {

struct Workflow {
  Located<std::string> name;                        // metadata.name, or generateName plus a fixed suffix
  std::optional<Located<std::string>> generateName; // set when the name was generated from it
  Located<std::string> entrypoint;
  std::optional<Located<std::int64_t>> activeDeadlineSeconds;
  std::optional<RetryStrategy> retryStrategy;
  std::optional<Template> templateDefaults;
  std::optional<Located<std::string>> onExit;
  std::map<std::string, LifecycleHook> hooks;
  std::optional<Located<std::int64_t>> parallelism;
  std::vector<Parameter> arguments;
  std::vector<Template> templates;
  // What `{{workflow.labels.x}}`, `{{workflow.annotations.x}}` and `{{workflow.priority}}` may name:
  // metadata's and spec.workflowMetadata's keys (labelsFrom included), and whether spec.priority is set.
  std::vector<std::string> labelKeys;
  std::vector<std::string> annotationKeys;
  bool hasPriority = false;
  SourcePos pos;

  const Template* findTemplate(std::string_view templateName) const {
    for (const auto& t : templates)
      if (t.name.value == templateName) return &t;
    return nullptr;
  }
};

} // namespace argosim
