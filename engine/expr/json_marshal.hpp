// A value as Go's encoding/json Marshal writes it: what Argo's toJson and expression tags produce.
#pragma once

#include "engine/expr/value.hpp"

#include <optional>
#include <string>

namespace argosim::expr {

// json.Marshal of the Go value behind `v` (engine/text/go_json writes it): compact, map keys sorted, strings
// HTML-safe, floats in Go's shortest form. nullopt where Go fails: NaN or ±Inf ("json: unsupported value").
std::optional<std::string> marshalJson(const Value& v);

} // namespace argosim::expr
