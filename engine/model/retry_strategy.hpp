// A template's (or the workflow's) retryStrategy, kept as written: Argo parses most of it lazily.
#pragma once

#include "engine/model/int_or_string.hpp"
#include "engine/model/source_pos.hpp"

#include <optional>
#include <string>

namespace argosim {

// Duration strings stay strings: Argo parses them only after the first failure (spec §1.8).
struct Backoff {
  std::optional<Located<std::string>> duration;
  std::optional<IntOrString> factor;
  std::optional<Located<std::string>> cap;
  std::optional<Located<std::string>> maxDuration;
  SourcePos pos;
};

struct RetryStrategy {
  std::optional<IntOrString> limit;
  std::optional<Located<std::string>> retryPolicy;
  std::optional<Located<std::string>> expression;
  std::optional<Backoff> backoff;
  SourcePos pos;
};

} // namespace argosim
