#include "engine/validate/dag_dependencies.hpp"

namespace argosim {
namespace {

bool isAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool isNameChar(char c) {
  return isAlnum(c) || c == '-';
}
bool isLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

} // namespace

std::vector<DependsMatch> scanDependsExpression(std::string_view s) {
  // Go's regexp alternation is leftmost-first: `name.Result` is tried before a bare `name`. Since `.` cannot
  // occur inside a name, the lazy name part of the first alternative always ends where the run of name
  // characters ends.
  std::vector<DependsMatch> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!isAlnum(s[i])) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < s.size() && isNameChar(s[end]))
      ++end;
    if (end + 2 < s.size() && s[end] == '.' && s[end + 1] >= 'A' && s[end + 1] <= 'Z' &&
        isLetter(s[end + 2])) {
      std::size_t rEnd = end + 3;
      while (rEnd < s.size() && isLetter(s[rEnd]))
        ++rEnd;
      out.push_back({std::string(s.substr(i, end - i)), std::string(s.substr(end + 1, rEnd - end - 1)), i});
      i = rEnd;
    } else {
      out.push_back({std::string(s.substr(i, end - i)), "", i});
      i = end;
    }
  }
  return out;
}

std::vector<Dependency> taskDependencies(const DagTask& task) {
  std::vector<Dependency> out;
  auto add = [&](const DependsMatch& m) {
    bool items = m.result == "AnySucceeded" || m.result == "AllFailed";
    for (auto& d : out) {
      if (d.task == m.task) {
        d.itemsBased = d.itemsBased || items;
        return;
      }
    }
    out.push_back({m.task, items});
  };
  if (task.depends && !task.depends->value.empty()) {
    for (const auto& m : scanDependsExpression(task.depends->value))
      add(m);
  } else {
    for (const auto& dep : task.dependencies)
      for (const auto& m : scanDependsExpression("(" + dep.value + ".Succeeded)"))
        add(m);
  }
  return out;
}

} // namespace argosim
