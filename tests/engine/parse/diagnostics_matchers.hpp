// Test helper: assert that a diagnostic with exactly this severity, position and message exists.
#pragma once

#include "engine/model/diagnostic.hpp"

#include <catch2/catch_test_macros.hpp>
#include <sstream>
#include <string>

namespace argosim::test {

inline std::string dump(const Diagnostics& ds) {
  std::ostringstream out;
  for (const auto& d : ds)
    out << severityName(d.severity) << " " << d.pos.line << ":" << d.pos.column << " [" << d.path << "] "
        << d.message << "\n";
  return out.str();
}

inline bool has(const Diagnostics& ds, Severity severity, int line, int column, const std::string& message) {
  for (const auto& d : ds)
    if (d.severity == severity && d.pos.line == line && d.pos.column == column && d.message == message)
      return true;
  return false;
}

inline std::size_t count(const Diagnostics& ds, Severity severity) {
  std::size_t n = 0;
  for (const auto& d : ds)
    n += d.severity == severity;
  return n;
}

} // namespace argosim::test

#define REQUIRE_DIAG(ds, sev, line, col, msg)                                                                \
  do {                                                                                                       \
    INFO(::argosim::test::dump(ds));                                                                         \
    REQUIRE(::argosim::test::has(ds, sev, line, col, msg));                                                  \
  } while (0)
