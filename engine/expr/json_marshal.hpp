// A value as Go's encoding/json Marshal writes it: what Argo's toJson and expression tags produce.
#pragma once

#include "engine/expr/value.hpp"

#include <optional>
#include <string>

namespace argosim::expr {

// Compact JSON with Go's choices: map keys sorted, <, > and & escaped as \u003c, \u003e, \u0026 (HTML-safe),
// U+2028/U+2029 escaped, invalid UTF-8 written as U+FFFD, floats in Go's shortest form ('e' only below 1e-6
// or from 1e21). nullopt where Go fails: NaN or ±Inf ("json: unsupported value").
std::optional<std::string> marshalJson(const Value& v);

} // namespace argosim::expr
