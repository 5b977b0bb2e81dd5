#include "engine/sim/params.hpp"

#include "engine/sim/expression_tag.hpp"
#include "engine/text/template_tags.hpp"

#include <optional>

namespace argosim {

namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}
} // namespace

std::string substituteParams(std::string_view text, const Params& params) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  for (auto tag = nextTemplateTag(text, 0); tag; tag = nextTemplateTag(text, tag->end)) {
    out.append(text.substr(i, tag->open - i));
    const auto whole = text.substr(tag->open, tag->end - tag->open);
    if (!tag->body.empty() &&
        tag->body.front() == '=') { // template/kind.go parseTag: the `=` kind, untrimmed
      const std::optional<std::string> value = replaceExpressionTag(tag->body.substr(1), params);
      out.append(value ? std::string_view(*value) : whole);
    } else if (auto it = params.find(trim(tag->body)); it != params.end()) {
      out.append(it->second);
    } else {
      out.append(whole);
    }
    i = tag->end;
  }
  out.append(text.substr(i));
  return out;
}

namespace {
// Whether the step or task a `steps.<name>.…` / `tasks.<name>.…` reference names has run: its id is in scope
// (operator.go buildLocalScope adds it with the rest of a finished node's fields).
bool hasRun(std::string_view reference, const Params& params) {
  const auto first = reference.find('.');
  if (first == std::string_view::npos) return false;
  const auto second = reference.find('.', first + 1);
  if (second == std::string_view::npos) return false;
  std::string id(reference.substr(0, second));
  id += ".id";
  return params.find(id) != params.end();
}
} // namespace

std::optional<std::string> unresolvedReference(std::string_view text, const Params& params) {
  for (auto tag = nextTemplateTag(text, 0); tag; tag = nextTemplateTag(text, tag->end)) {
    const auto name = trim(tag->body);
    const bool strict =
        name == "steps" || name == "tasks" || name.substr(0, 6) == "steps." || name.substr(0, 6) == "tasks.";
    if (strict && name.find(".outputs.artifacts.") == std::string_view::npos &&
        params.find(name) == params.end() && !hasRun(name, params))
      return std::string(name);
  }
  return std::nullopt;
}

} // namespace argosim
