#include "engine/parse/parse_input.hpp"
#include "tests/engine/parse/diagnostics_matchers.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::count;

namespace {

ParsedInput parse(const std::string& text, Limits limits = {}) {
  return parseInput(text, limits);
}

const std::string kHeader = "apiVersion: argoproj.io/v1alpha1\n"
                            "kind: Workflow\n"
                            "metadata:\n"
                            "  name: wf\n"
                            "spec:\n"
                            "  entrypoint: main\n"
                            "  templates:\n"; // templates start on line 8

} // namespace

TEST_CASE("parse: a full workflow with a scenario, in either order") {
  const std::string wf = kHeader +
                         "    - name: main\n"
                         "      retryStrategy:\n"
                         "        limit: \"3\"\n"
                         "        retryPolicy: OnError\n"
                         "        backoff: {duration: 5s, factor: 2, cap: 1m, maxDuration: \"10m\"}\n"
                         "      activeDeadlineSeconds: 30\n"
                         "      timeout: 2m\n"
                         "      container: {image: alpine, command: [sh, -c], args: [\"exit 1\"]}\n";
  const std::string scenario =
      "kind: Scenario\n"
      "pods:\n"
      "  main: {attempts: [{pending: 5s, unschedulable: 3s, run: 30s, exit: 1}, {run: "
      "forever, ignoresSigterm: true}]}\n"
      "  default: {run: 10, exit: 0}\n"
      "controller:\n"
      "  startAt: \"2024-07-04T00:01:00Z\"\n"
      "  transientErrorPattern: \"quota\"\n";
  for (const std::string& text : {wf + "---\n" + scenario, scenario + "---\n" + wf}) {
    ParsedInput in = parse(text);
    INFO(argosim::test::dump(in.diagnostics));
    REQUIRE(in.diagnostics.empty());
    REQUIRE(in.workflowFound);
    REQUIRE(in.workflow.name.value == "wf");
    REQUIRE(in.workflow.entrypoint.value == "main");
    REQUIRE(in.workflow.templates.size() == 1);
    const Template& t = in.workflow.templates[0];
    REQUIRE(t.type == TemplateType::Container);
    REQUIRE(t.typeCount == 1);
    REQUIRE(t.command == std::vector<std::string>{"sh", "-c"});
    REQUIRE(t.args == std::vector<std::string>{"exit 1"});
    REQUIRE(t.retryStrategy->limit->isString);
    REQUIRE(t.retryStrategy->limit->stringValue == "3");
    REQUIRE(t.retryStrategy->retryPolicy->value == "OnError");
    REQUIRE(t.retryStrategy->backoff->duration->value == "5s");
    REQUIRE(t.retryStrategy->backoff->factor->intValue == 2);
    REQUIRE(t.retryStrategy->backoff->cap->value == "1m");
    REQUIRE(t.retryStrategy->backoff->maxDuration->value == "10m");
    REQUIRE(t.activeDeadlineSeconds->intValue == 30);
    REQUIRE(t.timeout->value == "2m");
    REQUIRE(in.scenario.present);
    REQUIRE(in.scenario.pods.size() == 2);
    const AttemptBehaviour& a0 = in.scenario.pods[0].second.attempts[0];
    REQUIRE(a0.pending == 5 * kSecond);
    REQUIRE(a0.unschedulable == 3 * kSecond);
    REQUIRE(a0.run == 30 * kSecond);
    REQUIRE(a0.exitCode == 1);
    const AttemptBehaviour& a1 = in.scenario.pods[0].second.attempts[1];
    REQUIRE_FALSE(a1.run.has_value());
    REQUIRE(a1.ignoresSigterm);
    REQUIRE(in.scenario.pods[1].first.value == "default");
    REQUIRE(in.scenario.pods[1].second.attempts[0].run == 10 * kSecond); // bare number = seconds
    REQUIRE(in.scenario.controller.startAtUnixSeconds == 1720051260);
    REQUIRE(in.scenario.controller.transientErrorPattern->value == "quota");
  }
}

TEST_CASE("parse: positions are 1-based line and column of the value") {
  ParsedInput in = parse(kHeader + "    - name: main\n"
                                   "      retryStrategy: {limit: 2}\n"
                                   "      container: {image: a}\n");
  const Template& t = in.workflow.templates[0];
  REQUIRE(t.name.pos.line == 8);
  REQUIRE(t.name.pos.column == 13);
  REQUIRE(t.retryStrategy->limit->pos.line == 9);
  REQUIRE(t.retryStrategy->limit->pos.column == 30);
  REQUIRE(in.workflow.entrypoint.pos.line == 6);
  REQUIRE(in.workflow.entrypoint.pos.column == 15);
}

TEST_CASE("parse: generateName keeps its dash and gets the fixed suffix abcde") {
  ParsedInput in = parse("kind: Workflow\nmetadata: {generateName: retry-}\nspec: {entrypoint: m}\n");
  REQUIRE(in.workflow.name.value == "retry-abcde");
  REQUIRE(in.workflow.generateName->value == "retry-");
}

TEST_CASE("parse: YAML syntax errors carry yaml-cpp's mark") {
  ParsedInput in = parse("kind: Workflow\nspec: {entrypoint: [a}\n");
  REQUIRE_DIAG(in.diagnostics, Severity::Error, 2, 22, "YAML syntax error: illegal flow end");
  REQUIRE_FALSE(in.workflowFound);
}

TEST_CASE("parse: a tab in indentation is refused with its position") {
  ParsedInput in = parse("kind: Workflow\nspec:\n\tentrypoint: x\n");
  REQUIRE_DIAG(in.diagnostics, Severity::Error, 3, 1,
               "tab character in indentation: YAML indents with spaces only");
}

TEST_CASE("parse: BOM is dropped and CRLF is accepted, positions unchanged") {
  ParsedInput in =
      parse("\xEF\xBB\xBFkind: Workflow\r\nmetadata: {name: w}\r\nspec:\r\n  entrypoint: main\r\n");
  REQUIRE(in.workflowFound);
  REQUIRE(count(in.diagnostics, Severity::Error) == 0);
  REQUIRE_DIAG(in.diagnostics, Severity::Info, 1, 1, "UTF-8 byte-order mark at the start ignored");
  REQUIRE(in.workflow.entrypoint.value == "main");
  REQUIRE(in.workflow.entrypoint.pos.line == 4);
  REQUIRE(in.workflow.entrypoint.pos.column == 15);
}

TEST_CASE("parse: wrong types") {
  ParsedInput in = parse(kHeader + "    - name: {a: b}\n"                           // 8
                                   "      retryStrategy:\n"                         // 9
                                   "        limit: [1]\n"                           // 10
                                   "        backoff: {factor: 1.5, duration: 10}\n" // 11
                                   "      failFast: maybe\n"                        // 12
                                   "      container: {image: a}\n");
  REQUIRE_DIAG(in.diagnostics, Severity::Error, 8, 13, "expected a string, found a map");
  REQUIRE_DIAG(in.diagnostics, Severity::Error, 10, 16, "expected an integer or a string, found a list");
  // IntOrString decodes a JSON number into an int32 (k8s intstr: UnmarshalJSON): 1.5 fails at submission.
  REQUIRE_DIAG(
      in.diagnostics, Severity::Error, 11, 27,
      "factor: 1.5 is not a whole number: Argo's int-or-string field rejects a fractional number when the "
      "Workflow is decoded, so the submission fails");
  // Backoff.Duration is a Go string: sigs.k8s.io/yaml (convertToJSONableObject) turns the number into "10".
  REQUIRE_DIAG(in.diagnostics, Severity::Warning, 11, 42,
               "expected a string, found the number 10: read as \"10\", as argo submit converts it (kubectl "
               "would send a number that the controller cannot decode); write it in quotes");
  REQUIRE_DIAG(in.diagnostics, Severity::Error, 12, 17, "expected true or false, found the string \"maybe\"");
}

TEST_CASE("parse: huge and negative numbers") {
  ParsedInput in =
      parse("kind: Workflow\nmetadata: {name: w}\nspec:\n  entrypoint: m\n"
            "  activeDeadlineSeconds: 1e30\n"
            "  parallelism: -3\n"
            "  templates:\n"
            "    - {name: m, activeDeadlineSeconds: -5, retryStrategy: {limit: 99999999999}, suspend: {}}\n");
  REQUIRE_DIAG(in.diagnostics, Severity::Error, 5, 26,
               "activeDeadlineSeconds: 1e30 is not an int64: Argo's decoder rejects it");
  REQUIRE_DIAG(
      in.diagnostics, Severity::Error, 8, 67,
      "limit: 99999999999 does not fit in 32 bits: Argo's int-or-string decoding rejects it when the "
      "Workflow is submitted");
  // Negative values are kept: the validator and the controller decide.
  REQUIRE(in.workflow.parallelism->value == -3);
  REQUIRE(in.workflow.templates[0].activeDeadlineSeconds->intValue == -5);
}

TEST_CASE("parse: spec.activeDeadlineSeconds is an int64, a quoted value is rejected") {
  ParsedInput in = parse("kind: Workflow\nspec:\n  activeDeadlineSeconds: \"30\"\n");
  REQUIRE_DIAG(
      in.diagnostics, Severity::Error, 3, 26,
      "expected an integer, found the string \"30\": activeDeadlineSeconds is an int64 here, and Argo's "
      "decoder rejects a quoted value");
}

TEST_CASE("parse: unknown fields warn at the key where the schema is known, not inside containers") {
  ParsedInput in = parse(kHeader + "    - name: main\n"
                                   "      retryStrategy: {limit: 1, retrypolicy: Always}\n"
                                   "      container: {image: a, whatever: 1}\n"
                                   "      colour: red\n");
  REQUIRE_DIAG(
      in.diagnostics, Severity::Warning, 9, 33,
      "unknown field \"retrypolicy\" in retryStrategy: Argo drops it (did you mean \"retryPolicy\"?)");
  REQUIRE_DIAG(in.diagnostics, Severity::Warning, 11, 7,
               "unknown field \"colour\" in a template: Argo drops it");
  REQUIRE(count(in.diagnostics, Severity::Warning) == 2);
}

TEST_CASE("parse: documents — none, empty, several Workflows, other kinds") {
  REQUIRE_DIAG(parse("").diagnostics, Severity::Error, 1, 1, "the input is empty: write an Argo Workflow");
  REQUIRE_DIAG(parse("---\n---\n").diagnostics, Severity::Error, 1, 1,
               "the input is empty: write an Argo Workflow");
  ParsedInput only = parse("kind: Scenario\npods: {}\n");
  REQUIRE_DIAG(only.diagnostics, Severity::Error, 1, 1, "no Workflow document (kind: Workflow) found");
  ParsedInput two =
      parse("kind: Workflow\nspec: {entrypoint: a}\n---\nkind: Workflow\nspec: {entrypoint: b}\n");
  REQUIRE_DIAG(
      two.diagnostics, Severity::Error, 4, 1,
      "a second Workflow (the first starts at line 1): give one Workflow per input; this one is ignored");
  REQUIRE(two.workflow.entrypoint.value == "a");
  ParsedInput tmpl = parse("kind: WorkflowTemplate\nspec: {}\n");
  REQUIRE_DIAG(tmpl.diagnostics, Severity::Error, 1, 7,
               "kind WorkflowTemplate is not simulated: write the Workflow it would create (kind: Workflow)");
  REQUIRE_DIAG(parse("kind: Pod\n").diagnostics, Severity::Error, 1, 7,
               "kind \"Pod\": expected Workflow or Scenario");
  REQUIRE_DIAG(parse("- a\n").diagnostics, Severity::Error, 1, 1,
               "a document must be a map (a Workflow or a Scenario), found a list");
}

TEST_CASE("parse: template types, steps (both shapes), dag") {
  ParsedInput in =
      parse(kHeader + "    - name: main\n"
                      "      steps:\n"
                      "        - - name: a\n"
                      "            template: leaf\n"
                      "            withItems: [1, \"x\", {k: [true]}]\n"
                      "            continueOn: {failed: true}\n"
                      "            onExit: leaf\n"
                      "            hooks: {exit: {template: leaf}, running: {template: leaf, expression: "
                      "\"x\"}}\n"
                      "          - name: b\n"
                      "            template: leaf\n"
                      "            withSequence: {count: \"3\"}\n"
                      "        - steps:\n"
                      "            - {name: c, template: leaf, when: \"{{steps.a.status}} == Failed\"}\n"
                      "    - name: d\n"
                      "      parallelism: 2\n"
                      "      failFast: false\n"
                      "      dag:\n"
                      "        target: t2\n"
                      "        failFast: true\n"
                      "        tasks:\n"
                      "          - {name: t1, template: leaf, arguments: {parameters: [{name: p, value: "
                      "1}]}}\n"
                      "          - {name: t2, template: leaf, dependencies: [t1], withParam: \"[1]\"}\n"
                      "          - {name: t3, template: leaf, depends: \"t1.Succeeded\"}\n"
                      "    - {name: leaf, inputs: {parameters: [{name: p, default: \"d\"}]}, script: "
                      "{image: a, source: echo}}\n"
                      "    - {name: s, suspend: {duration: \"20s\"}}\n"
                      "    - {name: h, http: {url: x}}\n");
  const auto& ts = in.workflow.templates;
  REQUIRE(ts.size() == 5);
  REQUIRE_DIAG(in.diagnostics, Severity::Warning, 19, 11,
               "a step group written as {steps: [...]}: Argo expects the list itself (`- - name: ...`)");
  REQUIRE(count(in.diagnostics, Severity::Error) == 0);
  REQUIRE(ts[0].type == TemplateType::Steps);
  REQUIRE(ts[0].steps.size() == 2);
  REQUIRE(ts[0].steps[0].size() == 2);
  const WorkflowStep& a = ts[0].steps[0][0];
  REQUIRE(a.withItems->size() == 3);
  REQUIRE((*a.withItems)[2].value == nlohmann::json::parse(R"({"k":[true]})"));
  REQUIRE((*a.withItems)[0].value == 1);
  REQUIRE(a.continueOn.failed);
  REQUIRE(a.hasContinueOn);
  REQUIRE(a.onExit->value == "leaf");
  REQUIRE(a.hooks.at("running").expression->value == "x");
  REQUIRE(ts[0].steps[0][1].withSequence->count->stringValue == "3");
  REQUIRE(ts[0].steps[1][0].when->value == "{{steps.a.status}} == Failed");
  REQUIRE(ts[1].type == TemplateType::Dag);
  REQUIRE(ts[1].parallelism->intValue == 2);
  REQUIRE(ts[1].failFast->value == false);
  REQUIRE(ts[1].dagTarget->value == "t2");
  REQUIRE(ts[1].dagFailFast->value);
  REQUIRE(ts[1].tasks.size() == 3);
  REQUIRE(ts[1].tasks[0].call.arguments[0].value->value == "1");
  REQUIRE(ts[1].tasks[1].dependencies[0].value == "t1");
  REQUIRE(ts[1].tasks[2].depends->value == "t1.Succeeded");
  REQUIRE(ts[2].type == TemplateType::Script);
  REQUIRE(ts[2].scriptSource == "echo");
  REQUIRE(ts[2].inputs[0].value->value == "d");
  REQUIRE(ts[3].suspendDuration->value == "20s");
  REQUIRE(ts[4].type == TemplateType::Http);
}

TEST_CASE("parse: a step group that is a bare step is an error") {
  ParsedInput in = parse(kHeader + "    - name: main\n      steps:\n        - {name: a, template: x}\n");
  REQUIRE_DIAG(
      in.diagnostics, Severity::Error, 10, 11,
      "each entry of steps is a list of steps that run in parallel: write `- - name: ...` (a step inside "
      "its own list)");
}

TEST_CASE("parse: workflow spec fields") {
  ParsedInput in = parse("kind: Workflow\nmetadata: {name: w}\nspec:\n"
                         "  entrypoint: m\n"
                         "  activeDeadlineSeconds: 60\n"
                         "  parallelism: 2\n"
                         "  onExit: bye\n"
                         "  hooks: {exit: {template: bye}}\n"
                         "  arguments: {parameters: [{name: x, value: \"1\"}]}\n"
                         "  retryStrategy: {limit: 1}\n"
                         "  templateDefaults: {timeout: 1m, retryStrategy: {retryPolicy: Always}}\n");
  const Workflow& wf = in.workflow;
  REQUIRE(count(in.diagnostics, Severity::Error) == 0);
  REQUIRE(wf.activeDeadlineSeconds->value == 60);
  REQUIRE(wf.parallelism->value == 2);
  REQUIRE(wf.onExit->value == "bye");
  REQUIRE(wf.hooks.at("exit").templateName.value == "bye");
  REQUIRE(wf.arguments[0].value->value == "1");
  REQUIRE(wf.retryStrategy->limit->intValue == 1);
  REQUIRE(wf.templateDefaults->timeout->value == "1m");
  REQUIRE(wf.templateDefaults->type == TemplateType::Unknown);
}

TEST_CASE("parse: scenario errors (scenario.md)") {
  ParsedInput in =
      parse("kind: Workflow\nspec: {entrypoint: main, templates: [{name: main, container: {}}]}\n"
            "---\n"
            "kind: Scenario\n"                           // 4
            "pods:\n"                                    // 5
            "  main:\n"                                  // 6
            "    attempts:\n"                            // 7
            "      - {pending: 2s, unschedulable: 3s}\n" // 8
            "      - {run: 1d}\n"                        // 9
            "      - {run: 5s, exit: 1, error: gone}\n"  // 10
            "      - {run: forever, exit: 2}\n"          // 11
            "      - {runs: 5s}\n"                       // 12
            "  ghost: {run: 1s}\n"                       // 13
            "controller: {startAt: yesterday}\n");       // 14
  const auto& ds = in.diagnostics;
  REQUIRE_DIAG(ds, Severity::Error, 8, 38,
               "unschedulable is the first part of pending, so it cannot be longer than pending");
  REQUIRE_DIAG(
      ds, Severity::Error, 9, 15,
      "bad duration: unable to parse 1d as a duration: time: unknown unit \"d\" in duration \"1d\" (write "
      "e.g. 90s, 2m, 1h30m or a number of seconds, or forever)");
  REQUIRE_DIAG(ds, Severity::Error, 10, 25,
               "exit and error exclude each other: an errored pod has no exit code of its own");
  REQUIRE_DIAG(ds, Severity::Error, 11, 30,
               "a pod that runs forever never exits: drop exit, or give run a length");
  REQUIRE_DIAG(ds, Severity::Error, 12, 10,
               "unknown field \"runs\" in a pod attempt (did you mean \"run\"?)");
  REQUIRE_DIAG(ds, Severity::Warning, 13, 3,
               "pod key \"ghost\" names no template, step or task of the Workflow");
  REQUIRE_DIAG(ds, Severity::Error, 14, 23,
               "startAt \"yesterday\" is not an RFC 3339 time such as 2024-07-04T00:00:00Z");
}

TEST_CASE("parse: limits — input size") {
  Limits limits;
  limits.maxInputBytes = 10;
  REQUIRE_DIAG(parse("kind: Workflow\n", limits).diagnostics, Severity::Error, 1, 1,
               "input is 15 bytes, more than the limit of 10");
}

TEST_CASE("parse: limits — 100 000 open brackets are refused before yaml-cpp recurses") {
  ParsedInput in = parse("a: " + std::string(100000, '['));
  REQUIRE_DIAG(
      in.diagnostics, Severity::Error, 1, 67,
      "YAML nested deeper than 64 levels: the input is refused before parsing (limit maxNestingDepth)");
  ParsedInput braces = parse(std::string(100000, '{'));
  REQUIRE(count(braces.diagnostics, Severity::Error) == 1);
  ParsedInput dashes;
  std::string deepBlock;
  for (int i = 0; i < 5000; ++i)
    deepBlock += "- ";
  dashes = parse(deepBlock + "x\n");
  REQUIRE(count(dashes.diagnostics, Severity::Error) == 1);
  std::string indented;
  for (int i = 0; i < 5000; ++i)
    indented += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  REQUIRE(count(parse(indented).diagnostics, Severity::Error) == 1);
}

TEST_CASE("parse: brackets inside strings, comments and block scalars do not count as nesting") {
  std::string many(200, '[');
  ParsedInput in = parse("kind: Workflow\nmetadata: {name: w}\nspec:\n  entrypoint: m\n  templates:\n"
                         "    - name: m  # " +
                         many +
                         "\n"
                         "      script:\n"
                         "        image: a\n"
                         "        source: |\n"
                         "          echo " +
                         many +
                         "\n"
                         "      container: {args: [\"" +
                         many + "\", '" + many + "']}\n");
  REQUIRE(count(in.diagnostics, Severity::Error) == 0);
  REQUIRE(in.workflow.templates[0].typeCount == 2);
}

TEST_CASE("parse: limits — alias expansion (billion laughs) stops at maxYamlNodes") {
  std::string text =
      "kind: Workflow\nmetadata:\n  name: w\n  annotations:\n    l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    std::string prev = "*l" + std::to_string(i - 1);
    text += "    l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j)
      text += (j ? ", " : "") + prev;
    text += "]\n";
  }
  text += "spec:\n  entrypoint: m\n  templates:\n    - name: m\n      steps: [[{name: s, template: m, "
          "withItems: *l8}]]\n";
  Limits limits;
  limits.maxYamlNodes = 10000;
  ParsedInput in = parse(text, limits);
  REQUIRE(count(in.diagnostics, Severity::Error) == 1);
  REQUIRE(in.diagnostics.back().message ==
          "the YAML expands to more than 10000 values (aliases are copied each time they are used): reading "
          "stopped (limit maxYamlNodes)");
}

TEST_CASE("parse: a self-referencing alias is bounded by the depth limit") {
  ParsedInput in =
      parse("kind: Workflow\nspec:\n  entrypoint: m\n  templates:\n    - name: m\n      steps: [[{name: "
            "s, template: m, withItems: &a [*a]}]]\n");
  REQUIRE(in.workflowFound); // whatever yaml-cpp makes of it, parsing ends
}

TEST_CASE("parse: duplicate keys are errors") {
  ParsedInput in = parse("kind: Workflow\nspec:\n  entrypoint: a\n  entrypoint: b\n");
  REQUIRE_DIAG(in.diagnostics, Severity::Error, 4, 3,
               "duplicate key \"entrypoint\" (first at line 3): Kubernetes rejects a map with a key twice");
}

TEST_CASE("parse: YAML 1.1 scalars as Kubernetes reads them") {
  ParsedInput in =
      parse(kHeader + "    - name: main\n      failFast: yes\n      timeout: no\n      suspend: {}\n");
  REQUIRE(in.workflow.templates[0].failFast->value);
  // go-yaml v2 resolves `no` to false; sigs.k8s.io/yaml convertToJSONableObject writes it as "false" for a
  // string field.
  REQUIRE(in.workflow.templates[0].timeout->value == "false");
  REQUIRE_DIAG(
      in.diagnostics, Severity::Warning, 10, 16,
      "expected a string, found the boolean no: read as \"false\", as argo submit converts it (kubectl "
      "would send a boolean that the controller cannot decode); write it in quotes");
}

TEST_CASE(
    "parse: sigs.k8s.io/yaml convertToJSONableObject — numbers in string fields as argo submit reads them") {
  ParsedInput in = parse(kHeader + "    - name: main\n"
                                   "      suspend: {duration: 3}\n"
                                   "    - name: f\n"
                                   "      timeout: 1.50\n"
                                   "      container: {image: a}\n"
                                   "    - name: g\n"
                                   "      timeout: 0x1F\n"
                                   "      container: {image: a}\n"
                                   "    - name: h\n"
                                   "      timeout: 3.14159265358979\n"
                                   "      container: {image: a}\n"
                                   "    - name: i\n"
                                   "      timeout: 1e7\n"
                                   "      container: {image: a}\n");
  REQUIRE(in.workflow.templates[0].suspendDuration->value == "3");
  REQUIRE(in.workflow.templates[1].timeout->value == "1.5");       // FormatFloat 'g', shortest
  REQUIRE(in.workflow.templates[2].timeout->value == "31");        // YAML 1.1 hexadecimal
  REQUIRE(in.workflow.templates[3].timeout->value == "3.1415927"); // bitSize 32: float32's shortest digits
  REQUIRE(in.workflow.templates[4].timeout->value == "1e+07");     // exponent form from 1e6 up
}

TEST_CASE("parse: a top-level ',' is refused before yaml-cpp 0.7, which loops forever on it") {
  REQUIRE_DIAG(parse(",").diagnostics, Severity::Error, 1, 1,
               "YAML syntax error: ',' outside a [ ] or { } collection");
  REQUIRE_DIAG(parse("[a],").diagnostics, Severity::Error, 1, 4,
               "YAML syntax error: ',' outside a [ ] or { } collection");
  REQUIRE_DIAG(parse("kind: Workflow\n    , x\n").diagnostics, Severity::Error, 2, 5,
               "YAML syntax error: ',' outside a [ ] or { } collection");
  // A comma inside a plain scalar is text.
  ParsedInput ok = parse("kind: Workflow\nspec: {entrypoint: main}\nmetadata:\n  name: a, b\n");
  REQUIRE(count(ok.diagnostics, Severity::Error) == 0);
  REQUIRE(ok.workflow.name.value == "a, b");
}

TEST_CASE("parse: a template's outputs.parameters, with what valueFrom says the simulation needs") {
  ParsedInput in = parseInput("kind: Workflow\nmetadata: {name: wf}\nspec:\n  entrypoint: m\n  templates:\n"
                              "  - name: m\n    container: {image: a}\n    outputs:\n      parameters:\n"
                              "      - {name: side, valueFrom: {path: /tmp/side, default: none}}\n"
                              "      - {name: answer, valueFrom: {supplied: {}}}\n"
                              "      - {name: copy, valueFrom: {parameter: '{{steps.a.outputs.result}}'}}\n"
                              "      - {name: fixed, value: '3'}\n"
                              "      artifacts: [{name: out, path: /tmp/out}]\n",
                              Limits{});
  INFO(argosim::test::dump(in.diagnostics));
  REQUIRE(in.diagnostics.empty());
  const auto& outputs = in.workflow.templates.at(0).outputs;
  REQUIRE(outputs.size() == 4);
  CHECK(outputs[0].name.value == "side");
  CHECK(outputs[0].valueFromDefault->value == "none");
  CHECK_FALSE(outputs[0].valueFromSupplied);
  CHECK(outputs[1].valueFromSupplied);
  CHECK_FALSE(outputs[1].valueFromDefault);
  CHECK(outputs[2].valueFromReferences == std::vector<std::string>{"{{steps.a.outputs.result}}"});
  CHECK(outputs[3].value->value == "3");
  CHECK_FALSE(outputs[3].hasValueFrom);
}
