#include "engine/validate/resolve_variables.hpp"

#include "engine/text/go_text.hpp"
#include "engine/text/template_tags.hpp"

#include <algorithm>
#include <string_view>

namespace argosim {
namespace {

// The text as Go's json.Marshal writes it, without the quotes: Argo reads tags out of the marshalled
// template.
std::string jsonEscaped(std::string_view s) {
  const std::string quoted = goJsonQuote(s);
  return quoted.substr(1, quoted.size() - 2);
}

// strconv.Quote's body for the ASCII a JSON text holds.
std::string goQuoted(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string_view trimSpaces(std::string_view s) {
  std::size_t a = s.find_first_not_of(' ');
  if (a == std::string_view::npos) return {};
  return s.substr(a, s.find_last_not_of(' ') - a + 1);
}

bool startsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// common.GlobalVarValidWorkflowVariablePrefix: tags with another root (`retries`, `lastRetry.…`, `node.name`,
// `item`, a Helm or Jinja template) are not Argo's to check.
bool checkedRoot(std::string_view tag) {
  for (std::string_view root : {"item.", "steps.", "inputs.", "outputs.", "pod.", "workflow.", "tasks."})
    if (startsWith(tag, root)) return true;
  return false;
}

// resolveAllVariables' exemptions that need no scope: names only known at runtime.
bool alwaysExempt(std::string_view tag) {
  for (std::string_view p : {"outputs.", "workflow.creationTimestamp", "workflow.scheduledTime",
                             "workflow.duration", "tasks.name", "steps.name", "node.name"})
    if (startsWith(tag, p)) return true;
  return false;
}

bool inLayers(const std::string& tag, const std::vector<const VariableScope*>& layers) {
  bool anyItem = false, anyParam = false, anyArtifact = false;
  for (const VariableScope* s : layers) {
    if (s->contains(tag)) return true;
    anyItem = anyItem || s->anyItem;
    anyParam = anyParam || s->anyWorkflowOutputParameter;
    anyArtifact = anyArtifact || s->anyWorkflowOutputArtifact;
  }
  std::string_view t = tag;
  return (anyItem && (t == "item" || startsWith(t, "item."))) ||
         (anyParam && startsWith(t, "workflow.outputs.parameters.")) ||
         (anyArtifact && startsWith(t, "workflow.outputs.artifacts.")) || alwaysExempt(t);
}

bool wanted(TextPlace place, std::initializer_list<TextPlace> places) {
  return std::find(places.begin(), places.end(), place) != places.end();
}

// The position after the first `{{` that no `}}` follows, if any.
std::optional<std::size_t> openTag(const std::string& text) {
  std::size_t after = 0;
  for (auto tag = nextTemplateTag(text, 0); tag; tag = nextTemplateTag(text, tag->end))
    after = tag->end;
  const std::size_t open = text.find("{{", after);
  if (open == std::string::npos) return std::nullopt;
  return open + 2;
}

// What an open tag's start looks like in Argo's JSON: the rest of the string, then the closing quote. Cut
// short (the longest exempt root is shorter), so that a script's rest does not become a message.
std::string openTagStart(const std::string& text, std::size_t from) {
  constexpr std::size_t kShown = 60;
  std::string_view rest = std::string_view(text).substr(from);
  return rest.size() > kShown ? jsonEscaped(rest.substr(0, kShown)) : jsonEscaped(rest) + "\"";
}

// An open tag Argo rejects whichever `}}` ends it: its root is checked, and the quote it swallows keeps it
// out of every scope and exemption (`item.…` and `workflow.outputs.…` are given the benefit of the doubt:
// their exemptions hang on scope this check does not see).
bool rejectedOpenTag(std::string_view start) {
  std::string_view t = start.substr(std::min(start.find_first_not_of(' '), start.size()));
  return checkedRoot(t) && !alwaysExempt(t) && !startsWith(t, "item.") && !startsWith(t, "workflow.outputs.");
}

} // namespace

std::optional<TagProblem> findUnresolvedTag(const std::vector<TaggedText>& texts,
                                            std::initializer_list<TextPlace> places,
                                            const std::vector<const VariableScope*>& layers) {
  for (const auto& t : texts)
    if ((wanted(t.place, places) || t.place == TextPlace::Inline) && openTag(t.text.value))
      return std::nullopt;
  for (const auto& t : texts) {
    if (!wanted(t.place, places)) continue;
    const std::string& text = t.text.value;
    for (auto found = nextTemplateTag(text, 0); found; found = nextTemplateTag(text, found->end)) {
      std::string tag = jsonEscaped(found->body);
      if (!tag.empty() && tag[0] == '=') continue; // an expression: template.Validate skips it
      std::string trimmed(trimSpaces(tag));
      if (!checkedRoot(trimmed) || inLayers(trimmed, layers)) continue;
      return TagProblem{"failed to resolve {{" + tag + "}}", t.text.pos};
    }
  }
  return std::nullopt;
}

std::optional<TagProblem> findUnclosedTag(const std::vector<TaggedText>& texts) {
  for (const auto& t : texts) {
    if (t.place == TextPlace::Inputs) continue; // arguments overwrite inputs before the parse
    auto from = openTag(t.text.value);
    if (!from) continue;
    std::string start = openTagStart(t.text.value, *from);
    if (!rejectedOpenTag(start)) continue;
    // Argo quotes its whole marshalled template and the rest of it; argosim has neither, so both are cut.
    return TagProblem{"Cannot find end tag=\"}}\" in the template=\"...\" starting from \"" +
                          goQuoted(start) + "...\"",
                      t.text.pos};
  }
  return std::nullopt;
}

std::optional<SourcePos> findOpenBrace(const std::vector<TaggedText>& texts) {
  for (const auto& t : texts) {
    if (t.place == TextPlace::Inputs) continue;
    auto from = openTag(t.text.value);
    if (from && !rejectedOpenTag(openTagStart(t.text.value, *from))) return t.text.pos;
  }
  return std::nullopt;
}

} // namespace argosim
