// libFuzzer entry point: any bytes through the engine's front door, then through the JSON rendering. A crash,
// a sanitizer report, an uncaught exception, a hang past -timeout or memory past -rss_limit_mb is a finding.
#include "engine/argosim.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The default limits: the bounds every user of the CLI and the page gets are the ones under test.
  const argosim::Limits limits;
  const argosim::Result result =
      argosim::simulateText(std::string_view(reinterpret_cast<const char*>(data), size), limits);
  const std::string json = argosim::resultToJson(result);
  // The bounds must hold whatever the input says.
  if (result.nodes.size() > limits.maxNodes || result.events.size() > limits.maxEvents || json.empty())
    __builtin_trap();
  return 0;
}
