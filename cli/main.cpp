// argosim's command line: `argosim simulate FILE.yaml [--json | --text] [--argo-version vX.Y]`. Reads, calls
// the engine, prints.
#include "engine/argosim.hpp"
#include "engine/model/argo_versions.hpp"
#include "engine/result/result_text.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace {
constexpr const char* kUsage =
    "usage: argosim simulate FILE.yaml [--json | --text] [--argo-version vX.Y]\n"
    "  Simulates the Argo Workflow in FILE (and its optional `kind: Scenario` document) on a virtual clock.\n"
    "  FILE may be - for standard input. --text (the default) prints a table; --json the result.\n"
    "  --argo-version simulates that release (v3.5, v3.6, v3.7, v4.0, v4.1; a patch such as v3.6.12 maps to\n"
    "  its minor) whatever the Scenario's controller.argoVersion says; the default is the Scenario's, else "
    "v4.1.\n"
    "  Exit status: 0 when a simulation ran, 1 when the input cannot be read or parsed (--json still prints\n"
    "  the result, with its diagnostics), 2 for bad usage.\n";

int usage() {
  std::cerr << kUsage;
  return 2;
}
} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << kUsage;
    return 0;
  }
  if (args.empty() || args[0] != "simulate") return usage();
  std::string file;
  bool json = false;
  argosim::ArgoVersionChoice version;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--json")
      json = true;
    else if (args[i] == "--argo-version" && i + 1 < args.size()) {
      version = argosim::chooseArgoProfile(args[++i]);
      if (!version.profile) {
        std::cerr << "argosim: --argo-version: " << version.error << "\n";
        return 2;
      }
      for (const auto& note : version.notes)
        std::cerr << "argosim: --argo-version: info: " << note << "\n";
    } else if (args[i] == "--text")
      json = false;
    else if (file.empty() && (args[i] == "-" || args[i].rfind("--", 0) != 0))
      file = args[i];
    else
      return usage();
  }
  if (file.empty()) return usage();

  std::string text;
  if (file == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << file << ": error: cannot read the file\n";
      return 1;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  const argosim::Result result =
      version.profile ? argosim::simulateText(text, {}, *version.profile) : argosim::simulateText(text);
  const std::string name = file == "-" ? "<stdin>" : file;
  for (const auto& d : result.diagnostics)
    // A run-level diagnostic (a simulator bound) has no position: line 0.
    std::cerr << name
              << (d.pos.line > 0 ? ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) : "")
              << ": " << argosim::severityName(d.severity) << ": " << d.message
              << (d.path.empty() ? "" : " [" + d.path + "]") << "\n";
  // A script reading --json gets the result even when nothing could be simulated: its diagnostics say why.
  if (json)
    std::cout << argosim::resultToJson(result, 2) << "\n";
  else if (result.simulated)
    std::cout << argosim::resultToText(result);
  return result.simulated ? 0 : 1;
}
