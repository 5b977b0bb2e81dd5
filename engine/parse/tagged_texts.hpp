// Finds the string values holding `{{` under a YAML node: what Argo's submission check of variables reads.
#pragma once

#include "engine/model/template.hpp"

#include <vector>
#include <yaml-cpp/yaml.h>

namespace argosim::parse_detail {

// Appends every string scalar under `node` that holds `{{`, in document order, aliases expanded as JSON would
// copy them. Each node walked costs one of `budget`: the alias-expansion bound is only checked after the
// readers, so this walk bounds itself, and stops once the budget is spent (the document then fails that
// check anyway). For a template (`templateRoot`), texts under its own `inputs`/`outputs` take that place, and
// its `steps` and `dag` are left to the readers of its steps and tasks; below any `inline` key texts are
// Inline.
void collectTaggedTexts(const YAML::Node& node, bool templateRoot, std::vector<TaggedText>& out,
                        std::size_t& budget);

} // namespace argosim::parse_detail
