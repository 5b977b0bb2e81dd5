// Where a value came from in the user's YAML text, so every diagnostic can point at it.
#pragma once

namespace argosim {

struct SourcePos {
  int line = 0; // 1-based; 0 when unknown
  int column = 0;
};

template <class T> struct Located {
  T value{};
  SourcePos pos;
};

} // namespace argosim
