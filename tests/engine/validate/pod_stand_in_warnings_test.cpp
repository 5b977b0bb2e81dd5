// Templates the simulator runs as a plain pod say so (engine/validate/pod_stand_in_warnings.cpp). What Argo
// does around them (executeTemplate, processNodeRetries, the deadlines) is the same as for a container; what
// they do inside is not modelled: operator.go executeResource, executeData, executeContainerSet,
// executeHTTPTemplate, executePluginTemplate.
#include "engine/argosim.hpp"
#include "engine/parse/parse_input.hpp"
#include "engine/validate/validate_workflow.hpp"
#include "tests/engine/parse/diagnostics_matchers.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::count;

TEST_CASE("pod stand-ins: resource and http templates warn once each, where they are defined; a retried one "
          "still retries") {
  const std::string text = "kind: Workflow\nmetadata: {name: wf}\nspec:\n  entrypoint: main\n  templates:\n"
                           "  - name: main\n"                                         // 6
                           "    retryStrategy: {limit: 1}\n"                          // 7
                           "    resource: {action: create, manifest: x}\n"            // 8
                           "  - name: call\n"                                         // 9
                           "    http: {url: 'http://example.com'}\n"                  // 10
                           "  - name: plain\n"                                        // 11
                           "    container: {image: a, command: [sh, -c, 'exit 0']}\n" // 12
                           "---\nkind: Scenario\npods:\n  main: {run: 5s, exit: 1}\n";
  ParsedInput in = parseInput(text, Limits{});
  REQUIRE(count(in.diagnostics, Severity::Error) == 0);
  const Diagnostics ds = validateWorkflow(in.workflow);
  CHECK(count(ds, Severity::Warning) == 2);
  REQUIRE_DIAG(
      ds, Severity::Warning, 6, 5,
      "Resource template main is simulated as one pod (its retries and deadlines as Argo applies "
      "them), without its Kubernetes action and success/failure conditions; the Scenario says how each "
      "attempt ends");
  REQUIRE_DIAG(
      ds, Severity::Warning, 9, 5,
      "HTTP template call is simulated as one pod (its retries and deadlines as Argo applies them), "
      "without the HTTP request, which the Argo agent makes without a pod; the Scenario says how each "
      "attempt ends");
  const Result r = simulateText(text);
  CHECK(r.workflow.message == "No more retries left");
  CHECK(r.nodes.size() == 3); // the Retry node and two attempts
}
