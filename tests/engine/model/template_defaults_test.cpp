#include "engine/model/diagnostic.hpp"
#include "engine/model/template_defaults.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

using namespace argosim;

namespace {

IntOrString intValue(std::int64_t v) {
  IntOrString out;
  out.intValue = v;
  return out;
}

Located<std::string> text(const char* s) {
  return {s, {}};
}

} // namespace

// operator_tmpl_default_test.go: TestSetTemplateDefault; spec §1.4 (operator.go: mergedTemplateDefaultsInto).
TEST_CASE("mergeTemplateDefaults: field by field inside retryStrategy and backoff, the template wins") {
  Template defaults;
  defaults.retryStrategy = RetryStrategy{};
  defaults.retryStrategy->limit = intValue(3);
  defaults.retryStrategy->retryPolicy = text("OnError");
  defaults.retryStrategy->backoff = Backoff{};
  defaults.retryStrategy->backoff->duration = text("5s");
  defaults.retryStrategy->backoff->factor = intValue(2);
  defaults.timeout = text("1m");
  defaults.activeDeadlineSeconds = intValue(30);

  Template tmpl;
  tmpl.name = text("main");
  tmpl.type = TemplateType::Container;
  tmpl.retryStrategy = RetryStrategy{};
  tmpl.retryStrategy->retryPolicy = text("Always");
  tmpl.retryStrategy->backoff = Backoff{};
  tmpl.retryStrategy->backoff->duration = text("10s");
  tmpl.activeDeadlineSeconds = intValue(5);

  Template merged = mergeTemplateDefaults(defaults, tmpl);
  REQUIRE(merged.name.value == "main");
  REQUIRE(merged.type == TemplateType::Container);
  REQUIRE(merged.retryStrategy->limit->intValue == 3);
  REQUIRE(merged.retryStrategy->retryPolicy->value == "Always");
  REQUIRE(merged.retryStrategy->backoff->duration->value == "10s");
  REQUIRE(merged.retryStrategy->backoff->factor->intValue == 2);
  REQUIRE(merged.timeout->value == "1m");
  REQUIRE(merged.activeDeadlineSeconds->intValue == 5);
}

TEST_CASE("mergeTemplateDefaults: a template without retryStrategy takes the default one whole") {
  Template defaults;
  defaults.retryStrategy = RetryStrategy{};
  defaults.retryStrategy->limit = intValue(1);
  defaults.failFast = Located<bool>{false, {}};
  Template tmpl;
  tmpl.type = TemplateType::Steps;
  Template merged = mergeTemplateDefaults(defaults, tmpl);
  REQUIRE(merged.retryStrategy->limit->intValue == 1);
  REQUIRE(merged.failFast->value == false);
  REQUIRE(merged.type == TemplateType::Steps);
}

TEST_CASE("mergeTemplateDefaults: type-specific defaults apply only to that type, inputs merge by name") {
  Template defaults;
  defaults.type = TemplateType::Container;
  defaults.command = {"sh", "-c"};
  Parameter p;
  p.name = text("a");
  p.value = text("default-a");
  Parameter q;
  q.name = text("b");
  q.value = text("default-b");
  defaults.inputs = {p, q};

  Template script;
  script.type = TemplateType::Script;
  REQUIRE(mergeTemplateDefaults(defaults, script).command.empty());

  Template container;
  container.type = TemplateType::Container;
  Parameter own;
  own.name = text("b");
  own.value = text("mine");
  Parameter extra;
  extra.name = text("c");
  container.inputs = {own, extra};
  Template merged = mergeTemplateDefaults(defaults, container);
  REQUIRE(merged.command == std::vector<std::string>{"sh", "-c"});
  REQUIRE(merged.inputs.size() == 3);
  REQUIRE(merged.inputs[0].value->value == "default-a");
  REQUIRE(merged.inputs[1].value->value == "mine");
  REQUIRE(merged.inputs[2].name.value == "c");
}

TEST_CASE("templateTypeName and severityName use Argo's and the result's spellings") {
  REQUIRE(std::string(templateTypeName(TemplateType::Dag)) == "DAG");
  REQUIRE(std::string(templateTypeName(TemplateType::Http)) == "HTTP");
  REQUIRE(std::string(templateTypeName(TemplateType::ContainerSet)) == "ContainerSet");
  REQUIRE(std::string(templateTypeName(TemplateType::Suspend)) == "Suspend");
  REQUIRE(std::string(severityName(Severity::Warning)) == "warning");
}
