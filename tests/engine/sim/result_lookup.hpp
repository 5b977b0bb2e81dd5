// Test helpers: a result's node by name, failing the test when there is none.
#pragma once

#include "engine/result/result.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>

namespace argosim::test {

inline const NodeRecord& node(const Result& r, const std::string& name) {
  for (const auto& n : r.nodes)
    if (n.name == name) return n;
  FAIL("no node " << name);
  return r.nodes.front();
}

inline bool hasNode(const Result& r, const std::string& name) {
  for (const auto& n : r.nodes)
    if (n.name == name) return true;
  return false;
}

} // namespace argosim::test
