// Expression tags `{{=expr}}` in template text (util/template/expression_template.go: expressionReplaceCore,
// kind.go: parseTag), as the controller substitutes templates: unresolved tags allowed.
#include "engine/argosim.hpp"
#include "engine/sim/params.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;

TEST_CASE(
    "expression tags: replace_test.go Test_Replace/Expression/Valid and TestReplaceStringWithExpression") {
  const Params p = {
      {"foo", "bar"}, {"inputs.parameters.message", "hello world"}, {"workflow.status", "Failed"}};
  CHECK(substituteParams("{{=foo}}", p) == "bar");
  CHECK(substituteParams("test {{= upper(inputs.parameters.message) }}!", p) == "test HELLO WORLD!");
  CHECK(substituteParams(R"({{=workflow.status == "Succeeded" ? "SUCCESSFUL" : "FAILED"}})", p) == "FAILED");
}

TEST_CASE("expression tags: dotted names are nested maps, so a dashed name is indexed "
          "(examples/conditionals.yaml)") {
  const Params p = {{"inputs.parameters.should-print", "true"}, {"inputs.parameters.n", "2"}};
  CHECK(substituteParams(R"({{= inputs.parameters["should-print"] == 'true'}})", p) == "true");
  CHECK(substituteParams("{{=asInt(inputs.parameters.n) * 10}}", p) == "20");
}

TEST_CASE(
    "expression tags: a non-string result is written as its JSON (expressionReplaceCore json.Marshal)") {
  const Params p = {{"n", "3"}};
  CHECK(substituteParams("{{=asInt(n) > 2}}", p) == "true");
  CHECK(substituteParams("{{=asInt(n) / 2}}", p) == "1.5");
  CHECK(substituteParams("{{=[1, asInt(n)]}}", p) == "[1,3]");
  CHECK(substituteParams("{{=toJson({'a': n})}}", p) == "{\"a\":\"3\"}");
  CHECK(substituteParams("{{='<&>'}}", p) == "<&>"); // a string is inserted as it is, not HTML-escaped
}

TEST_CASE(
    "expression tags: Test_Replace/Expression/Unresolved/Allowed — a tag that cannot be evaluated stays") {
  const Params p = {{"retries", "1"}};
  CHECK(substituteParams("{{=foo}}", p) == "{{=foo}}");                      // unknown variable
  CHECK(substituteParams("{{=nil}}", p) == "{{=nil}}");                      // a nil result
  CHECK(substituteParams("{{=!}}", p) == "{{=!}}");                          // does not compile
  CHECK(substituteParams("a {{=1 + 1}} {{=foo}} b", p) == "a 2 {{=foo}} b"); // each tag on its own
}

TEST_CASE("expression tags: kind_test.go Test_parseTag — only a tag that starts with = is an expression") {
  const Params p = {{"x", "1"}};
  CHECK(substituteParams("{{ =x}}", p) == "{{ =x}}"); // a simple tag named "=x": unknown, left as written
  CHECK(substituteParams("{{ x }}", p) == "1");
}

TEST_CASE("expression tags: a step's when and a retry limit written as expressions drive the run") {
  const char* yaml = R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: wf}
spec:
  entrypoint: main
  arguments:
    parameters: [{name: retries, value: "2"}]
  templates:
  - name: main
    inputs:
      parameters: [{name: should-print, value: "false"}]
    steps:
    - - name: printed
        template: flaky
        when: "{{= inputs.parameters[\"should-print\"] == 'false'}}"
      - name: skipped
        template: flaky
        when: "{{= inputs.parameters[\"should-print\"] == 'true'}}"
  - name: flaky
    retryStrategy: {limit: "{{=asInt(workflow.parameters.retries) + 1}}"}
    container: {image: alpine, command: [sh, -c, "exit 1"]}
)";
  const Result r = simulateText(yaml);
  REQUIRE(r.simulated);
  int printedAttempts = 0;
  bool skipped = false;
  for (const auto& n : r.nodes) {
    if (n.name.rfind("wf[0].printed(", 0) == 0) ++printedAttempts;
    if (n.name == "wf[0].skipped") skipped = n.phase == "Skipped";
  }
  CHECK(printedAttempts == 4); // limit 3 = 2 + 1: the first attempt and three retries
  CHECK(skipped);
}
