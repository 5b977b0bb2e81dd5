// Inferring what main prints (engine/sim/command_behaviour.cpp stdoutFromCommand), the simulator's stand-in
// for the stdout that executor.go CaptureScriptResult turns into outputs.result when the Scenario does not
// say.
#include "engine/sim/command_behaviour.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>
#include <vector>

using namespace argosim;

namespace {
Template container(std::vector<std::string> command) {
  Template t;
  t.type = TemplateType::Container;
  t.command = std::move(command);
  return t;
}
Template script(std::vector<std::string> command, std::string source) {
  Template t;
  t.type = TemplateType::Script;
  t.command = std::move(command);
  t.scriptSource = std::move(source);
  return t;
}
std::optional<std::string> shell(const std::string& snippet) {
  return stdoutFromCommand(container({"sh", "-c", snippet}));
}
} // namespace

TEST_CASE("command stdout (simulator-only inference): echo in a recognised shell snippet") {
  CHECK(shell("echo heads") == std::optional<std::string>("heads\n"));
  CHECK(shell("echo \"a  b\" c; sleep 1") == std::optional<std::string>("a  b c\n"));
  CHECK(shell("echo one && echo two") == std::optional<std::string>("one\ntwo\n"));
  CHECK(shell("echo before; exit 3; echo after") == std::optional<std::string>("before\n")); // exit ends it
  CHECK(shell("echo") == std::optional<std::string>("\n"));
  CHECK(shell("exit 0") == std::optional<std::string>("")); // a recognised program that prints nothing
  CHECK(stdoutFromCommand(script({"bash"}, "set -e\necho 'tails'\n")) ==
        std::optional<std::string>("tails\n"));
}

TEST_CASE("command stdout: python scripts made only of print(\"literal\")") {
  CHECK(stdoutFromCommand(script({"python"}, "print(\"heads\")")) == std::optional<std::string>("heads\n"));
  CHECK(stdoutFromCommand(script({"python3.11"}, "# flip\nprint('a')\n\nprint(\"b\")\n")) ==
        std::optional<std::string>("a\nb\n"));
}

TEST_CASE("command stdout: anything uncertain gives nullopt") {
  CHECK_FALSE(shell("echo -n heads"));           // echo options
  CHECK_FALSE(shell("echo 'a\\nb'"));            // dash's echo interprets backslashes
  CHECK_FALSE(shell("echo $HOME"));              // expansions are not followed
  CHECK_FALSE(shell("cat /etc/hostname"));       // an unknown program
  CHECK_FALSE(stdoutFromCommand(container({}))); // the image's entrypoint
  CHECK_FALSE(
      stdoutFromCommand(script({"python"}, "import random\nprint(random.choice(['heads', 'tails']))")));
  CHECK_FALSE(stdoutFromCommand(script({"python"}, "print(f\"{1}\")")));
  CHECK_FALSE(stdoutFromCommand(script({"python"}, "print('it\\'s')")));
  CHECK_FALSE(stdoutFromCommand(script({"python"}, "if True:\n  print('x')")));
  CHECK_FALSE(stdoutFromCommand(script({"python", "-u"}, "print('x')"))); // only a bare interpreter
  CHECK_FALSE(stdoutFromCommand(script({"node"}, "console.log('x')")));
}
