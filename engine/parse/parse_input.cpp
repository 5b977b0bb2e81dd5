#include "engine/parse/parse_input.hpp"

#include "engine/parse/document_readers.hpp"
#include "engine/parse/yaml_expansion.hpp"
#include "engine/parse/yaml_prescan.hpp"
#include "engine/parse/yaml_reader.hpp"

#include <exception>
#include <set>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace argosim {
namespace {

using parse_detail::posOf;

void addDiagnostic(Diagnostics& diagnostics, Severity severity, SourcePos pos, std::string path,
                   std::string message) {
  diagnostics.push_back({severity, pos, std::move(path), std::move(message)});
}

SourcePos markPos(const YAML::Mark& mark) {
  if (mark.line < 0) return {1, 1};
  return {mark.line + 1, mark.column + 1};
}

// scenario.md: a key that names no template, step or task is a warning. Full node names (`wf[0].a`) and
// display names with an item (`a(0:x)`) are only known once the run is simulated, so keys shaped like them
// are not checked.
void checkPodKeys(ParsedInput& in) {
  std::set<std::string> names{"default", in.workflow.name.value};
  for (const auto& t : in.workflow.templates) {
    names.insert(t.name.value);
    for (const auto& group : t.steps)
      for (const auto& s : group)
        names.insert(s.name.value);
    for (const auto& task : t.tasks)
      names.insert(task.call.name.value);
  }
  for (const auto& [key, pod] : in.scenario.pods) {
    if (key.value.find_first_of("([.") != std::string::npos || names.count(key.value)) continue;
    addDiagnostic(in.diagnostics, Severity::Warning, key.pos, "pods." + key.value,
                  "pod key \"" + key.value + "\" names no template, step or task of the Workflow");
  }
}

void readDocuments(std::string_view text, const Limits& limits, ParsedInput& out) {
  auto prescan = parse_detail::prescanYaml(text, limits, out.diagnostics);
  if (!prescan.ok) return;
  std::vector<YAML::Node> docs;
  try {
    docs = YAML::LoadAll(prescan.text);
  } catch (const YAML::Exception& e) {
    addDiagnostic(out.diagnostics, Severity::Error, markPos(e.mark), "", "YAML syntax error: " + e.msg);
    return;
  }
  parse_detail::Reader reader(limits, out.diagnostics);
  bool anyContent = false;
  SourcePos firstWorkflow, firstScenario;
  for (const auto& doc : docs) {
    if (reader.stopped()) break;
    if (!reader.visit(doc, 0)) break;
    if (doc.IsNull()) continue; // an empty document between `---` markers
    anyContent = true;
    SourcePos pos = posOf(doc);
    if (!doc.IsMap()) {
      addDiagnostic(out.diagnostics, Severity::Error, pos, "",
                    "a document must be a map (a Workflow or a Scenario), found " +
                        parse_detail::Reader::describe(doc));
      continue;
    }
    std::string kind;
    const YAML::Node kindNode = doc["kind"];
    if (kindNode && kindNode.IsScalar())
      kind = kindNode.Scalar();
    else if (kindNode && !kindNode.IsNull()) {
      addDiagnostic(out.diagnostics, Severity::Error, posOf(kindNode), "kind",
                    "kind must be a string, found " + parse_detail::Reader::describe(kindNode));
      continue;
    }
    if (kind.empty()) {
      if (!doc["spec"]) {
        addDiagnostic(out.diagnostics, Severity::Error, pos, "kind",
                      "this document has no kind: write `kind: Workflow` or `kind: Scenario`");
        continue;
      }
      addDiagnostic(out.diagnostics, Severity::Warning, pos, "kind",
                    "this document has no kind; it has a spec, so it is read as a Workflow");
      kind = "Workflow";
    }
    if (kind == "Workflow") {
      if (out.workflowFound) {
        addDiagnostic(out.diagnostics, Severity::Error, pos, "",
                      "a second Workflow (the first starts at line " + std::to_string(firstWorkflow.line) +
                          "): give one Workflow per input; this one is ignored");
        continue;
      }
      out.workflowFound = true;
      firstWorkflow = pos;
      parse_detail::readWorkflowDocument(reader, doc, out.workflow);
    } else if (kind == "Scenario") {
      if (out.scenario.present) {
        addDiagnostic(out.diagnostics, Severity::Error, pos, "",
                      "a second Scenario (the first starts at line " + std::to_string(firstScenario.line) +
                          "): give at most one; this one is ignored");
        continue;
      }
      firstScenario = pos;
      parse_detail::readScenarioDocument(reader, doc, out.scenario);
    } else if (kind == "WorkflowTemplate" || kind == "ClusterWorkflowTemplate" || kind == "CronWorkflow") {
      addDiagnostic(out.diagnostics, Severity::Error, posOf(kindNode), "kind",
                    "kind " + kind +
                        " is not simulated: write the Workflow it would create (kind: Workflow)");
    } else {
      addDiagnostic(out.diagnostics, Severity::Error, posOf(kindNode), "kind",
                    "kind \"" + kind + "\": expected Workflow or Scenario");
    }
  }
  if (reader.stopped()) return;
  // After the schema readers (which bound what they read), the bound over everything they skipped.
  std::size_t expanded = 0;
  for (const auto& doc : docs) {
    if (auto pos = parse_detail::findAliasExpansionOverflow(doc, limits.maxYamlNodes, expanded)) {
      addDiagnostic(out.diagnostics, Severity::Error, *pos, "", parse_detail::aliasExpansionMessage(limits));
      return;
    }
  }
  if (!anyContent) {
    addDiagnostic(out.diagnostics, Severity::Error, {1, 1}, "", "the input is empty: write an Argo Workflow");
  } else if (!out.workflowFound) {
    addDiagnostic(out.diagnostics, Severity::Error, {1, 1}, "",
                  "no Workflow document (kind: Workflow) found");
  }
  if (out.workflowFound && out.scenario.present) checkPodKeys(out);
}

} // namespace

ParsedInput parseInput(std::string_view text, const Limits& limits) {
  ParsedInput out;
  try {
    readDocuments(text, limits, out);
  } catch (const YAML::Exception& e) {
    addDiagnostic(out.diagnostics, Severity::Error, markPos(e.mark), "", "YAML error: " + e.msg);
  } catch (const std::exception& e) {
    addDiagnostic(out.diagnostics, Severity::Error, {1, 1}, "",
                  std::string("internal parser error: ") + e.what());
  } catch (...) {
    addDiagnostic(out.diagnostics, Severity::Error, {1, 1}, "", "internal parser error");
  }
  return out;
}

} // namespace argosim
