// Simulation throughput: ns per scenario and per timeline event over the golden scenarios and the examples,
// and generated fan-outs and DAG chains of 100 to 100 000 pods (time, ns per event, peak memory). Builds
// natively and for WebAssembly (run under node), so scripts/bench.sh can put the two side by side. Not a
// test: numbers only.
#include "engine/argosim.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <time.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

// CPU time of this (single-threaded) process: on a shared, oversubscribed machine wall time mostly measures
// the neighbours. Both are printed for the fan-out.
double cpuNs() {
  timespec ts{};
#ifdef __EMSCRIPTEN__
  clock_gettime(CLOCK_MONOTONIC, &ts); // node gives no process CPU clock; the run is single-threaded anyway
#else
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
#endif
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

struct Options {
  double minSeconds = 0.2; // per scenario: repeat until this much time has passed
  int maxIterations = 100000;
  std::string filter; // substring of the file path; empty = all
  bool fanOut = true;
  std::vector<int> fanOutCounts{100, 1000, 10000, 100000};
  std::vector<int> chainCounts{100, 1000, 10000};
};

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> scenarioFiles(const Options& options) {
  std::vector<fs::path> files;
  for (const char* dir : {"tests/scenarios", "public/examples"}) {
    const fs::path root = fs::path(ARGOSIM_SOURCE_DIR) / dir;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root, ec)) {
      const auto& p = entry.path();
      if (p.extension() != ".yaml" || !entry.is_regular_file()) continue;
      if (!options.filter.empty() && p.string().find(options.filter) == std::string::npos) continue;
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Peak memory in KiB: the process's peak RSS natively; under WebAssembly the linear memory, which only grows.
long peakMemoryKiB() {
#ifdef __EMSCRIPTEN__
  return static_cast<long>(__builtin_wasm_memory_size(0) * 64);
#else
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss; // KiB on Linux
#endif
}

// A Workflow that fans one retried template out over `count` items; a Scenario makes each pod's first attempt
// fail, so every item goes through a retry (2 pods per item).
std::string fanOutYaml(int count) {
  std::ostringstream y;
  y << "apiVersion: argoproj.io/v1alpha1\n"
       "kind: Workflow\n"
       "metadata:\n"
       "  name: fan-out-"
    << count
    << "\n"
       "spec:\n"
       "  entrypoint: main\n"
       "  templates:\n"
       "    - name: main\n"
       "      steps:\n"
       "        - - name: work\n"
       "            template: flaky\n"
       "            arguments:\n"
       "              parameters:\n"
       "                - name: i\n"
       "                  value: \"{{item}}\"\n"
       "            withSequence:\n"
       "              count: \""
    << count
    << "\"\n"
       "    - name: flaky\n"
       "      inputs:\n"
       "        parameters:\n"
       "          - name: i\n"
       "      retryStrategy:\n"
       "        limit: 2\n"
       "        retryPolicy: Always\n"
       "        backoff:\n"
       "          duration: 5s\n"
       "      container:\n"
       "        image: alpine:3.20\n"
       "        command: [sh, -c, \"exit 0\"]\n"
       "---\n"
       "kind: Scenario\n"
       "pods:\n"
       "  flaky:\n"
       "    attempts:\n"
       "      - {run: 10s, exit: 1}\n"
       "      - {run: 20s, exit: 0}\n";
  return y.str();
}

// A DAG whose tasks form one chain, each a retried pod whose first attempt fails: the deep end of issue 5's
// scale.
std::string chainYaml(int count) {
  std::ostringstream y;
  y << "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: chain-" << count
    << "\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n      dag:\n        tasks:\n";
  for (int i = 0; i < count; ++i) {
    y << "          - name: t" << i << "\n            template: flaky\n";
    if (i > 0) y << "            dependencies: [t" << i - 1 << "]\n";
  }
  y << "    - name: flaky\n      retryStrategy:\n        limit: 2\n        retryPolicy: Always\n"
       "      container:\n        image: alpine:3.20\n        command: [sh, -c, \"exit 0\"]\n"
       "---\nkind: Scenario\npods:\n  flaky:\n    attempts:\n      - {run: 10s, exit: 1}\n"
       "      - {run: 20s, exit: 0}\n";
  return y.str();
}

struct Measurement {
  double nsPerRun = 0;
  std::size_t events = 0;
  std::size_t nodes = 0;
  std::size_t diagnostics = 0;
  int iterations = 0;
};

Measurement measure(const std::string& yaml, const Options& options) {
  Measurement m;
  {
    const argosim::Result warm = argosim::simulateText(yaml);
    m.events = warm.events.size();
    m.nodes = warm.nodes.size();
    m.diagnostics = warm.diagnostics.size();
  }
  std::size_t sink = 0;
  const double start = cpuNs();
  double elapsed = 0;
  while (m.iterations < options.maxIterations) {
    const argosim::Result result = argosim::simulateText(yaml);
    sink += result.events.size();
    ++m.iterations;
    elapsed = cpuNs() - start;
    if (elapsed >= options.minSeconds * 1e9 && m.iterations >= 3) break;
  }
  if (sink != m.events * static_cast<std::size_t>(m.iterations))
    std::fprintf(stderr, "warning: event count varied between runs (non-deterministic?)\n");
  m.nsPerRun = elapsed / m.iterations;
  return m;
}

void usage() {
  std::puts("usage: argosim_bench [--min-time SECONDS] [--max-iterations N] [--filter SUBSTRING]\n"
            "                     [--fan-out COUNT (only that fan-out)] [--no-fan-out (no scale runs)]");
}

} // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) {
        usage();
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--min-time")
      options.minSeconds = std::atof(value());
    else if (arg == "--max-iterations")
      options.maxIterations = std::max(1, std::atoi(value()));
    else if (arg == "--filter")
      options.filter = value();
    else if (arg == "--fan-out") {
      options.fanOutCounts = {std::max(1, std::atoi(value()))};
      options.chainCounts.clear();
    } else if (arg == "--no-fan-out")
      options.fanOut = false;
    else {
      usage();
      return arg == "--help" || arg == "-h" ? 0 : 2;
    }
  }

  const auto files = scenarioFiles(options);
  std::puts("CPU time per simulateText call (parse + validate + simulate), mean over the iterations");
  std::printf("%-52s %8s %7s %7s %12s %10s\n", "scenario", "iters", "nodes", "events", "ns/scenario",
              "ns/event");
  double totalNs = 0;
  std::size_t totalEvents = 0;
  for (const auto& file : files) {
    const std::string yaml = readFile(file);
    const Measurement m = measure(yaml, options);
    const std::string name = fs::relative(file, ARGOSIM_SOURCE_DIR).string();
    const double perEvent = m.events ? m.nsPerRun / static_cast<double>(m.events) : 0;
    std::printf("%-52s %8d %7zu %7zu %12.0f %10.1f%s\n", name.c_str(), m.iterations, m.nodes, m.events,
                m.nsPerRun, perEvent, m.events ? "" : "  (no events)");
    totalNs += m.nsPerRun;
    totalEvents += m.events;
  }
  if (!files.empty())
    std::printf("%-52s %8s %7s %7zu %12.0f %10.1f\n", "all (one run of each)", "", "", totalEvents, totalNs,
                totalEvents ? totalNs / static_cast<double>(totalEvents) : 0.0);
  else
    std::puts("no scenarios found under tests/scenarios/ or public/examples/");

  if (options.fanOut) {
    std::puts(
        "\nscale: one simulateText call (parse + validate + simulate), then resultToJson on its result");
    std::printf("%-30s %8s %8s %10s %10s %10s %10s  %s\n", "input", "nodes", "events", "sim ms", "ns/event",
                "json ms", "peak MiB", "phase / bound");
    const auto scale = [&](const std::string& label, const std::string& yaml) {
      const double cpuStart = cpuNs();
      const argosim::Result result = argosim::simulateText(yaml);
      const double simMs = (cpuNs() - cpuStart) / 1e6;
      const double jsonStart = cpuNs();
      const std::size_t jsonBytes = argosim::resultToJson(result).size();
      const double jsonMs = (cpuNs() - jsonStart) / 1e6;
      std::string outcome = result.workflow.phase;
      for (const auto& d : result.diagnostics)
        if (d.message.find("simulat") != std::string::npos && d.message.find("stopped") != std::string::npos)
          outcome = "stopped at a bound";
      std::printf("%-30s %8zu %8zu %10.1f %10.0f %10.1f %10.1f  %s (%zu KB JSON)\n", label.c_str(),
                  result.nodes.size(), result.events.size(), simMs,
                  result.events.empty() ? 0.0 : simMs * 1e6 / static_cast<double>(result.events.size()),
                  jsonMs, peakMemoryKiB() / 1024.0, outcome.c_str(), jsonBytes / 1024);
      std::fflush(stdout);
    };
    for (int count : options.fanOutCounts)
      scale("fan-out " + std::to_string(count) + " pods x2", fanOutYaml(count));
    for (int count : options.chainCounts)
      scale("DAG chain " + std::to_string(count) + " pods x2", chainYaml(count));
  }
  return 0;
}
