// Simulation throughput: ns per scenario and per timeline event over the golden scenarios and the examples, plus a
// generated 10 000-pod fan-out over a retried template (time and peak RSS). Not a test: numbers only.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/argosim.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// CPU time of this (single-threaded) process: on a shared, oversubscribed machine wall time mostly measures the
// neighbours. Both are printed for the fan-out.
double cpuNs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

struct Options {
  double minSeconds = 0.2; // per scenario: repeat until this much time has passed
  int maxIterations = 100000;
  std::string filter;      // substring of the file path; empty = all
  bool fanOut = true;
  int fanOutCount = 10000;
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

long peakRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss; // KiB on Linux
}

// A Workflow that fans one retried template out over `count` items; a Scenario makes each pod's first attempt fail,
// so every item goes through a retry (2 pods per item).
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
            "                     [--fan-out COUNT] [--no-fan-out]");
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
    if (arg == "--min-time") options.minSeconds = std::atof(value());
    else if (arg == "--max-iterations") options.maxIterations = std::max(1, std::atoi(value()));
    else if (arg == "--filter") options.filter = value();
    else if (arg == "--fan-out") options.fanOutCount = std::max(1, std::atoi(value()));
    else if (arg == "--no-fan-out") options.fanOut = false;
    else {
      usage();
      return arg == "--help" || arg == "-h" ? 0 : 2;
    }
  }

  const auto files = scenarioFiles(options);
  std::puts("CPU time per simulateText call (parse + validate + simulate), mean over the iterations");
  std::printf("%-52s %8s %7s %7s %12s %10s\n", "scenario", "iters", "nodes", "events", "ns/scenario", "ns/event");
  double totalNs = 0;
  std::size_t totalEvents = 0;
  for (const auto& file : files) {
    const std::string yaml = readFile(file);
    const Measurement m = measure(yaml, options);
    const std::string name = fs::relative(file, ARGOSIM_SOURCE_DIR).string();
    const double perEvent = m.events ? m.nsPerRun / static_cast<double>(m.events) : 0;
    std::printf("%-52s %8d %7zu %7zu %12.0f %10.1f%s\n", name.c_str(), m.iterations, m.nodes, m.events, m.nsPerRun,
                perEvent, m.events ? "" : "  (no events)");
    totalNs += m.nsPerRun;
    totalEvents += m.events;
  }
  if (!files.empty())
    std::printf("%-52s %8s %7s %7zu %12.0f %10.1f\n", "all (one run of each)", "", "", totalEvents, totalNs,
                totalEvents ? totalNs / static_cast<double>(totalEvents) : 0.0);
  else
    std::puts("no scenarios found under tests/scenarios/ or public/examples/");

  if (options.fanOut) {
    const std::string yaml = fanOutYaml(options.fanOutCount);
    const long rssBefore = peakRssKiB();
    const auto start = Clock::now();
    const double cpuStart = cpuNs();
    const argosim::Result result = argosim::simulateText(yaml);
    const double ms = (cpuNs() - cpuStart) / 1e6;
    const double wallMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    const long rssAfter = peakRssKiB();
    std::printf("\nfan-out: withSequence count %d over a retried template (%zu bytes of YAML)\n", options.fanOutCount,
                yaml.size());
    std::printf("  phase %s, %zu nodes, %zu events, %zu diagnostics\n", result.workflow.phase.c_str(),
                result.nodes.size(), result.events.size(), result.diagnostics.size());
    for (std::size_t i = 0; i < result.diagnostics.size() && i < 3; ++i)
      std::printf("  diagnostic: %s\n", result.diagnostics[i].message.c_str());
    std::printf("  time %.1f ms CPU, %.1f ms wall (%.1f CPU ns/event)\n", ms, wallMs,
                result.events.empty() ? 0.0 : ms * 1e6 / static_cast<double>(result.events.size()));
    std::printf("  peak RSS %.1f MiB (%.1f MiB before the fan-out)\n", rssAfter / 1024.0, rssBefore / 1024.0);
  }
  return 0;
}
