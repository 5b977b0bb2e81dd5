// Which tasks a DAG task depends on, extracted from `depends` / `dependencies` as Argo's regexes do.
#pragma once

#include "engine/model/template.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace argosim {

struct DependsMatch {
  std::string task;
  std::string result; // "Succeeded", … ; empty for a bare task name
  std::size_t offset = 0;
};

// workflow/common/ancestry.go: GetTaskDependencies applies taskNameRegex to the depends text: a token
// `name.Result` (Result capitalised) or a bare `name`; operators and parentheses are not matched.
std::vector<DependsMatch> scanDependsExpression(std::string_view depends);

// The task names a task depends on, in order of first appearance, with whether an items-based result
// (.AnySucceeded/.AllFailed) was used. `dependencies: [a, b]` is read as its expansion
// `(a.Succeeded || a.Skipped || a.Daemoned) && …`, so a name with other characters splits as Argo splits it.
struct Dependency {
  std::string task;
  bool itemsBased = false;
};
std::vector<Dependency> taskDependencies(const DagTask& task);

} // namespace argosim
