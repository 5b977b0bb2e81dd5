// Schema readers for the two documents of an input: the Argo Workflow and the playground's Scenario.
#pragma once

#include "engine/model/scenario.hpp"
#include "engine/model/workflow.hpp"
#include "engine/parse/yaml_reader.hpp"

#include <yaml-cpp/yaml.h>

namespace argosim::parse_detail {

// `doc` is a map whose `kind` is Workflow (or absent).
void readWorkflowDocument(Reader& reader, const YAML::Node& doc, Workflow& workflow);

// `doc` is a map whose `kind` is Scenario.
void readScenarioDocument(Reader& reader, const YAML::Node& doc, Scenario& scenario);

} // namespace argosim::parse_detail
