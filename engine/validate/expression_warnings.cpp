#include "engine/validate/expression_warnings.hpp"

#include "engine/expr/expr.hpp"
#include "engine/text/template_tags.hpp"

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

namespace argosim {
namespace {

// Why argosim cannot evaluate an expression tag's expression, or nothing when it can (or when Argo could
// not either: a plain syntax error is Argo's to report).
std::optional<std::string> unsupported(std::string_view expression) {
  for (std::string_view name : {"jsonpath", "sprig"}) {
    for (std::size_t at = expression.find(name); at != std::string_view::npos;
         at = expression.find(name, at + 1)) {
      const bool startsWord = at == 0 || !(std::isalnum(static_cast<unsigned char>(expression[at - 1])) ||
                                           expression[at - 1] == '_' || expression[at - 1] == '.');
      const std::size_t end = at + name.size();
      if (startsWord && end < expression.size() && (expression[end] == '(' || expression[end] == '.'))
        return "argosim: " + std::string(name) + (expression[end] == '(' ? "()" : "") + " is not supported";
    }
  }
  if (auto e = expr::check(expression); e && e->message.rfind("argosim:", 0) == 0) return e->message;
  return std::nullopt;
}

class Walker {
public:
  explicit Walker(Diagnostics& out) : out_(out) {}

  void text(const std::string& value, SourcePos pos, const std::string& path) {
    for (auto tag = nextTemplateTag(value, 0); tag; tag = nextTemplateTag(value, tag->end)) {
      if (tag->body.empty() || tag->body.front() != '=') continue; // template/kind.go parseTag
      if (auto why = unsupported(tag->body.substr(1)))
        out_.push_back({Severity::Warning, pos, path,
                        "argosim cannot evaluate " + value.substr(tag->open, tag->end - tag->open) + " (" +
                            *why + "): it stays as written, so the run departs from Argo's from here"});
    }
  }
  void text(const std::optional<Located<std::string>>& field, const std::string& path) {
    if (field) text(field->value, field->pos, path);
  }
  void text(const std::optional<IntOrString>& field, const std::string& path) {
    if (field && field->isString) text(field->stringValue, field->pos, path);
  }

  void retry(const RetryStrategy& rs, const std::string& path) {
    text(rs.limit, path + ".limit");
    text(rs.retryPolicy, path + ".retryPolicy");
    if (rs.backoff) {
      text(rs.backoff->duration, path + ".backoff.duration");
      text(rs.backoff->factor, path + ".backoff.factor");
      text(rs.backoff->cap, path + ".backoff.cap");
      text(rs.backoff->maxDuration, path + ".backoff.maxDuration");
    }
    if (!rs.expression || rs.expression->value.empty()) return;
    if (auto e = expr::checkRetryExpression(rs.expression->value))
      out_.push_back(
          {Severity::Warning, rs.expression->pos, path + ".expression",
           "the expression does not compile (" + e->message + " at column " + std::to_string(e->column) +
               "): Argo compiles it after the first failure, and the retry node errors with this"});
  }

  void call(const Invocation& c, const std::string& path) {
    text(c.when, path + ".when");
    text(c.withParam, path + ".withParam");
    for (std::size_t i = 0; i < c.arguments.size(); ++i)
      text(c.arguments[i].value, path + ".arguments.parameters[" + std::to_string(i) + "].value");
  }

  void templ(const Template& t, const std::string& path) {
    text(t.activeDeadlineSeconds, path + ".activeDeadlineSeconds");
    text(t.timeout, path + ".timeout");
    text(t.pendingTimeout, path + ".pendingTimeout");
    text(t.parallelism, path + ".parallelism");
    text(t.dagTarget, path + ".dag.target");
    text(t.suspendDuration, path + ".suspend.duration");
    for (std::size_t i = 0; i < t.inputs.size(); ++i)
      text(t.inputs[i].value, path + ".inputs.parameters[" + std::to_string(i) + "].value");
    if (t.retryStrategy) retry(*t.retryStrategy, path + ".retryStrategy");
    for (std::size_t g = 0; g < t.steps.size(); ++g)
      for (std::size_t s = 0; s < t.steps[g].size(); ++s)
        call(t.steps[g][s], path + ".steps[" + std::to_string(g) + "][" + std::to_string(s) + "]");
    for (std::size_t i = 0; i < t.tasks.size(); ++i)
      call(t.tasks[i].call, path + ".dag.tasks[" + std::to_string(i) + "]");
  }

private:
  Diagnostics& out_;
};

} // namespace

void warnExpressions(const Workflow& workflow, Diagnostics& out) {
  Walker w(out);
  for (std::size_t i = 0; i < workflow.arguments.size(); ++i)
    w.text(workflow.arguments[i].value, "spec.arguments.parameters[" + std::to_string(i) + "].value");
  if (workflow.retryStrategy) w.retry(*workflow.retryStrategy, "spec.retryStrategy");
  if (workflow.templateDefaults) w.templ(*workflow.templateDefaults, "spec.templateDefaults");
  for (std::size_t i = 0; i < workflow.templates.size(); ++i)
    w.templ(workflow.templates[i], "spec.templates[" + std::to_string(i) + "]");
}

} // namespace argosim
