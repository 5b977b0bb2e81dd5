// The `{{…}}` tags of a template text, found as Argo's fasttemplate finds them.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace argosim {

struct TemplateTag {
  std::size_t open = 0;  // where its `{{` starts
  std::size_t end = 0;   // just past its `}}`
  std::string_view body; // between the braces, as written (untrimmed)
};

// The first tag at or after `from`: a `{{` up to the first `}}` after it. nullopt when there is none, or when
// the next `{{` is never closed (fasttemplate stops there).
inline std::optional<TemplateTag> nextTemplateTag(std::string_view text, std::size_t from) {
  const std::size_t open = text.find("{{", from);
  if (open == std::string_view::npos) return std::nullopt;
  const std::size_t close = text.find("}}", open + 2);
  if (close == std::string_view::npos) return std::nullopt;
  return TemplateTag{open, close + 2, text.substr(open + 2, close - open - 2)};
}

} // namespace argosim
