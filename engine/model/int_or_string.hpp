// Kubernetes' IntOrString as Argo uses it (limit, factor, activeDeadlineSeconds): `3` and `"3"` both allowed.
#pragma once

#include "engine/model/source_pos.hpp"

#include <cstdint>
#include <string>

namespace argosim {

struct IntOrString {
  bool isString = false;
  std::int64_t intValue = 0;
  std::string stringValue;
  SourcePos pos;

  // The text Argo would print for this value in an error ("value 'abc' cannot be resolved to an int").
  std::string text() const { return isString ? stringValue : std::to_string(intValue); }
};

} // namespace argosim
