// Guessing what a pod will do from its command line (`sleep 5; exit 1`, `echo heads`), when the Scenario does
// not say.
#pragma once

#include "engine/model/scenario.hpp"
#include "engine/model/template.hpp"

#include <optional>
#include <string>

namespace argosim {

// For a container or script template whose main program is a plain shell snippet built only from
//   sleep N (N = digits[.digits][s|m|h|d] or infinity), exit [N], echo …, true, :, set -e…
// joined by `;`, `&&` or newlines (also a lone `sh -c "<snippet>"`), returns {run: total sleep, exitCode}.
// Recognised shapes: command [sh|bash|ash|dash, -c, snippet] (the snippet may come from args), command
// [sleep, N], and a script template with command [sh|bash|ash|dash] and the snippet as its source.
// Anything else (python -c, pipes, redirections, $vars, ||, an image entrypoint with no command, a snippet
// with neither sleep nor exit) gives nullopt: we never guess.
std::optional<AttemptBehaviour> behaviourFromCommand(const Template& tmpl);

// What main writes to stdout, for the same recognised shell snippets (their `echo`s, without options or
// backslashes), and for a script template run by python whose source is only `print("literal")` lines.
// nullopt when it cannot be known.
std::optional<std::string> stdoutFromCommand(const Template& tmpl);

} // namespace argosim
