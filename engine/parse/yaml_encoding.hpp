// The character check go-yaml's reader makes before it tokenizes: UTF-8 only, and no control characters.
#pragma once

#include "engine/model/diagnostic.hpp"

#include <string_view>

namespace argosim::parse_detail {

// Kubernetes reads a manifest with go-yaml, whose reader (readerc.go: yaml_parser_update_buffer) refuses a
// text that is not well-formed UTF-8 or that holds a character outside YAML's printable set; yaml-cpp accepts
// both and reports something else, somewhere else (a NUL became "unknown escape character"). The first
// offending byte gets an error at its line and byte column, in go-yaml's words. A text opening with a UTF-16
// byte-order mark is left alone: both readers decode it as UTF-16 first.
bool checkYamlCharacters(std::string_view text, Diagnostics& diagnostics);

} // namespace argosim::parse_detail
