// Checks on the raw text made before yaml-cpp sees it: size, byte-order mark, CRLF, characters, tabs, and
// nesting depth.
#pragma once

#include "engine/limits.hpp"
#include "engine/model/diagnostic.hpp"

#include <string>
#include <string_view>

namespace argosim::parse_detail {

struct PrescanResult {
  std::string text; // normalised: BOM removed, CRLF → LF
  bool ok = true;   // false: do not hand the text to yaml-cpp
};

// yaml-cpp's parser recurses once per nesting level, so a text such as 100 000 `[` would overflow the stack
// (fatal in WebAssembly). This scan bounds the nesting of flow collections and block indentation from above,
// without recursion, and refuses texts deeper than limits.maxNestingDepth.
PrescanResult prescanYaml(std::string_view text, const Limits& limits, Diagnostics& diagnostics);

} // namespace argosim::parse_detail
