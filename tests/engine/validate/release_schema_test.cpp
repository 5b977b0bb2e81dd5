// Fields a release's Workflow type lacks (engine/validate/release_schema.cpp): types.go at v3.6.19 has no
// Backoff.Cap, and before v4.1 (a8a875ceb6) no Template.PendingTimeout; `argo submit` decodes strictly
// (workflow/common/parse.go SplitWorkflowYAMLFile), the controller's decoder ignores them.
#include "engine/parse/parse_input.hpp"
#include "engine/validate/release_schema.hpp"
#include "tests/engine/parse/diagnostics_matchers.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;
using argosim::test::count;

namespace {

const std::string kEverywhere = "kind: Workflow\nmetadata: {name: wf}\nspec:\n  entrypoint: main\n"
                                "  retryStrategy: {backoff: {duration: 1s, cap: 5s}}\n"
                                "  templateDefaults:\n"
                                "    pendingTimeout: 1m\n"
                                "    retryStrategy: {backoff: {duration: 1s, cap: 5s}}\n"
                                "  templates:\n"
                                "  - name: main\n"
                                "    pendingTimeout: 2m\n"
                                "    retryStrategy: {backoff: {duration: 1s, cap: 5s}}\n"
                                "    container: {image: a}\n";

Workflow parsed() {
  ParsedInput in = parseInput(kEverywhere, Limits{});
  INFO(argosim::test::dump(in.diagnostics));
  REQUIRE(in.diagnostics.empty());
  return in.workflow;
}

} // namespace

TEST_CASE("release schema: v4.1 keeps every field") {
  Workflow w = parsed();
  CHECK(applyReleaseSchema(w, kArgoV41).empty());
  CHECK(w.templates[0].pendingTimeout);
  CHECK(w.templateDefaults->retryStrategy->backoff->cap);
}

TEST_CASE(
    "release schema: v3.6 drops cap and pendingTimeout wherever they are written, each with a warning") {
  Workflow w = parsed();
  const Diagnostics ds = applyReleaseSchema(w, kArgoV36);
  INFO(argosim::test::dump(ds));
  CHECK(count(ds, Severity::Warning) == 5);
  CHECK(count(ds, Severity::Error) == 0);
  CHECK_FALSE(w.retryStrategy->backoff->cap);
  CHECK_FALSE(w.templateDefaults->retryStrategy->backoff->cap);
  CHECK_FALSE(w.templateDefaults->pendingTimeout);
  CHECK_FALSE(w.templates[0].retryStrategy->backoff->cap);
  CHECK_FALSE(w.templates[0].pendingTimeout);
  CHECK(w.templates[0].retryStrategy->backoff->duration); // the rest stays
  REQUIRE_DIAG(
      ds, Severity::Warning, 7, 21,
      "unknown field \"pendingTimeout\" in Argo v3.6 (it came in v4.1): `argo submit` refuses the "
      "Workflow (json: unknown field \"pendingTimeout\"), and through kubectl the controller ignores "
      "it, so nothing limits how long the pod stays Pending");
}

TEST_CASE("release schema: v4.0 keeps cap and drops only pendingTimeout") {
  Workflow w = parsed();
  const Diagnostics ds = applyReleaseSchema(w, kArgoV40);
  CHECK(count(ds, Severity::Warning) == 2);
  CHECK(w.templates[0].retryStrategy->backoff->cap);
  CHECK_FALSE(w.templates[0].pendingTimeout);
}

TEST_CASE(
    "release schema: the v4.0 enum refuses a bad templateDefaults policy; templates are validate.go's") {
  const std::string text = "kind: Workflow\nmetadata: {name: wf}\nspec:\n  entrypoint: main\n"
                           "  templateDefaults: {retryStrategy: {retryPolicy: Never}}\n"
                           "  templates:\n"
                           "  - name: main\n"
                           "    retryStrategy: {retryPolicy: Never}\n"
                           "    container: {image: a}\n";
  ParsedInput in = parseInput(text, Limits{});
  Diagnostics ds = applyReleaseSchema(in.workflow, kArgoV40);
  INFO(argosim::test::dump(ds));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].path == "spec.templateDefaults.retryStrategy.retryPolicy");
  CHECK(ds[0].pos.line == 5);
  CHECK(applyReleaseSchema(in.workflow, kArgoV37).empty());
}
