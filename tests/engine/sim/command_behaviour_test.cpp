#include "engine/sim/command_behaviour.hpp"

#include <catch2/catch_test_macros.hpp>
#include <string>
#include <vector>

using namespace argosim;

namespace {

Template container(std::vector<std::string> command, std::vector<std::string> args = {}) {
  Template t;
  t.type = TemplateType::Container;
  t.command = std::move(command);
  t.args = std::move(args);
  return t;
}

Template script(std::vector<std::string> command, std::string source) {
  Template t;
  t.type = TemplateType::Script;
  t.command = std::move(command);
  t.scriptSource = std::move(source);
  return t;
}

// The behaviour of `sh -c <snippet>`.
std::optional<AttemptBehaviour> snippet(const std::string& s) {
  return behaviourFromCommand(container({"sh", "-c", s}));
}

void requireRun(const std::optional<AttemptBehaviour>& b, Nanos run, int exitCode) {
  REQUIRE(b.has_value());
  REQUIRE(b->run.has_value());
  CHECK(*b->run == run);
  CHECK(b->exitCode == exitCode);
  CHECK(b->pending == 0);
  CHECK_FALSE(b->error.has_value());
}

} // namespace

TEST_CASE(
    "command behaviour (simulator-only inference): sleep N then exit M in the shapes Argo examples use") {
  requireRun(snippet("sleep 120; exit 10"), 120 * kSecond, 10);
  requireRun(snippet("sleep 5; exit 1"), 5 * kSecond, 1);
  requireRun(snippet("sleep 5;exit 1"), 5 * kSecond, 1);
  requireRun(snippet("sleep 5 && exit 1"), 5 * kSecond, 1);
  requireRun(snippet("sleep 5"), 5 * kSecond, 0);
  requireRun(snippet("exit 3"), 0, 3);
  requireRun(snippet("  sleep   5 ;  exit   2  "), 5 * kSecond, 2);
  requireRun(snippet("sleep 5;"), 5 * kSecond, 0);
  requireRun(snippet("sleep 2; sleep 3; exit 4"), 5 * kSecond, 4);
  requireRun(snippet("exit 1; sleep 100"), 0, 1); // nothing after exit runs
  requireRun(snippet("sleep 5; exit"), 5 * kSecond, 0);
  // command [sh, -c] with the snippet in args, or [sh] with -c in args.
  requireRun(behaviourFromCommand(container({"sh", "-c"}, {"sleep 5; exit 1"})), 5 * kSecond, 1);
  requireRun(behaviourFromCommand(container({"sh"}, {"-c", "sleep 5; exit 1"})), 5 * kSecond, 1);
  requireRun(behaviourFromCommand(container({"/bin/sh", "-c", "sleep 5; exit 1"})), 5 * kSecond, 1);
  requireRun(behaviourFromCommand(container({"bash", "-c", "sleep 5; exit 1"})), 5 * kSecond, 1);
  requireRun(behaviourFromCommand(container({"/bin/bash", "-ec", "sleep 5; exit 1"})), 5 * kSecond, 1);
  // Extra operands after the snippet only set $0, $1.
  requireRun(behaviourFromCommand(container({"sh", "-c", "sleep 5; exit 1", "name"})), 5 * kSecond, 1);
  // sleep as the program itself.
  requireRun(behaviourFromCommand(container({"sleep", "30"})), 30 * kSecond, 0);
  requireRun(behaviourFromCommand(container({"sleep"}, {"30"})), 30 * kSecond, 0);
  requireRun(behaviourFromCommand(container({"/bin/sleep", "1m"})), kMinute, 0);
}

TEST_CASE("command behaviour: quoting, nesting, harmless commands, comments") {
  requireRun(snippet("sh -c \"sleep 5; exit 1\""), 5 * kSecond, 1);
  requireRun(snippet("sh -c 'sleep 5; exit 1'"), 5 * kSecond, 1);
  requireRun(snippet("bash -c 'sh -c \"exit 7\"'"), 0, 7);
  requireRun(snippet("sleep '5'; exit \"1\""), 5 * kSecond, 1);
  requireRun(snippet("echo hello; sleep 5; exit 1"), 5 * kSecond, 1);
  requireRun(snippet("echo \"failing now; really\" && exit 2"), 0, 2);
  requireRun(snippet("echo 'it''s' && exit 2"), 0, 2);
  requireRun(snippet("set -e; true; :; sleep 1; exit 9"), kSecond, 9);
  requireRun(snippet("set -eux -o pipefail; sleep 1"), kSecond, 0);
  requireRun(snippet("sleep 3 # wait a bit\nexit 4"), 3 * kSecond, 4);
  requireRun(snippet("echo a#b; exit 1"), 0, 1); // '#' inside a word is not a comment
}

TEST_CASE("command behaviour: sleep operands and exit codes") {
  requireRun(snippet("sleep 0.5; exit 1"), 500 * kMillisecond, 1);
  requireRun(snippet("sleep 1.25"), 1250 * kMillisecond, 0);
  requireRun(snippet("sleep 10s"), 10 * kSecond, 0);
  requireRun(snippet("sleep 2m"), 2 * kMinute, 0);
  requireRun(snippet("sleep 1h"), kHour, 0);
  requireRun(snippet("sleep 1d"), 24 * kHour, 0);
  requireRun(snippet("sleep 1.5m"), 90 * kSecond, 0);
  requireRun(snippet("sleep 0"), 0, 0);
  requireRun(snippet("exit 0"), 0, 0);
  requireRun(snippet("exit 255"), 0, 255);
  requireRun(snippet("exit 256"), 0, 0); // the shell keeps the low 8 bits
  requireRun(snippet("exit 257"), 0, 1);
  requireRun(snippet("exit 143"), 0, 143);

  const auto forever = snippet("sleep infinity; exit 1");
  REQUIRE(forever.has_value());
  CHECK_FALSE(forever->run.has_value());
  const auto direct = behaviourFromCommand(container({"sleep", "infinity"}));
  REQUIRE(direct.has_value());
  CHECK_FALSE(direct->run.has_value());
}

TEST_CASE("command behaviour: script templates run their source with the given shell") {
  requireRun(behaviourFromCommand(script({"sh"}, "sleep 5\nexit 1\n")), 5 * kSecond, 1);
  requireRun(behaviourFromCommand(script({"bash"}, "#!/bin/bash\necho start\n\nsleep 120\nexit 10\n")),
             120 * kSecond, 10);
  requireRun(behaviourFromCommand(script({"/bin/sh"}, "exit 2")), 0, 2);
  CHECK_FALSE(behaviourFromCommand(script({"python"}, "import sys; sys.exit(1)")));
  CHECK_FALSE(behaviourFromCommand(script({"python3"}, "exit 1")));
  CHECK_FALSE(behaviourFromCommand(script({}, "sleep 5")));
  CHECK_FALSE(behaviourFromCommand(script({"sh", "-x"}, "sleep 5")));
}

TEST_CASE("command behaviour: anything we cannot be sure of gives nullopt") {
  // Not a shell.
  CHECK_FALSE(behaviourFromCommand(container({"python", "-c", "import time; time.sleep(5); exit(1)"})));
  CHECK_FALSE(behaviourFromCommand(container({"python", "-c", "sleep 5; exit 1"})));
  CHECK_FALSE(behaviourFromCommand(container({"argosay", "sleep", "5"})));
  // No command: the image's entrypoint decides.
  CHECK_FALSE(behaviourFromCommand(container({}, {"sleep 5; exit 1"})));
  CHECK_FALSE(behaviourFromCommand(container({}, {"sh", "-c", "sleep 5"})));
  // A shell without -c, or -c without a snippet.
  CHECK_FALSE(behaviourFromCommand(container({"sh", "script.sh"})));
  CHECK_FALSE(behaviourFromCommand(container({"sh", "-c"})));
  // Not container/script.
  Template steps;
  steps.type = TemplateType::Steps;
  steps.command = {"sh", "-c", "exit 1"};
  CHECK_FALSE(behaviourFromCommand(steps));
  // Shell features we do not model.
  for (const char* s : {
           "sleep 5 | cat",
           "sleep 5 || exit 1",
           "sleep 5 & exit 1",
           "sleep 5 > /dev/null",
           "exit $CODE",
           "sleep ${N}",
           "sleep $(echo 5)",
           "sleep `echo 5`",
           "(sleep 5; exit 1)",
           "{ sleep 5; }",
           "echo \"$HOME\"; exit 1",
           "echo \\; exit 1",
           "if true; then exit 1; fi",
           "false; exit 1",
           "cat /etc/hosts; exit 1",
           "sleep 5 && && exit 1",
           "&& exit 1",
           "; exit 1",
           "sleep 5;; exit 1",
           "sleep 'unterminated",
           "sleep \"unterminated",
           "sleep",
           "sleep 1 2",
           "sleep -1",
           "sleep abc",
           "sleep 1x",
           "sleep .5",
           "sleep 5.",
           "sleep {{inputs.parameters.n}}",
           "exit -1",
           "exit abc",
           "exit 1 2",
           "set foo",
           "echo hello",
           "true",
           "",
           "   ",
           "# only a comment",
           "sh -c 'exit 1'; exit 2",
           "sleep 99999999999999",
           "sleep 1000000000d",
       }) {
    INFO(s);
    CHECK_FALSE(snippet(s).has_value());
  }
  CHECK_FALSE(behaviourFromCommand(container({"sleep", "5", "6"})));
  CHECK_FALSE(behaviourFromCommand(container({"sleep", "abc"})));
}
