#include "engine/sim/command_behaviour.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace argosim {

namespace {

enum class Sep { Start, Semicolon, AndAnd, Newline, End };

struct Statement {
  std::vector<std::string> words;
  Sep before = Sep::Start;
  Sep after = Sep::End;
};

// What running the recognised statements adds up to.
struct Outcome {
  Nanos run = 0;
  bool forever = false;
  int exitCode = 0;
  bool decisive = false; // saw a sleep or an exit: otherwise we know nothing useful
  std::string printed;   // what the echo statements run wrote to stdout
  bool printedKnown = true;
};

std::string_view baseName(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool isShell(std::string_view program) {
  const std::string_view b = baseName(program);
  return b == "sh" || b == "bash" || b == "ash" || b == "dash";
}

// -c, optionally combined with -e / -x (which change nothing for the commands we accept).
bool isDashC(std::string_view flag) {
  return flag == "-c" || flag == "-ec" || flag == "-ce" || flag == "-xc" || flag == "-cx" || flag == "-exc" ||
         flag == "-xec";
}

// Splits a snippet into statements and words, doing POSIX quote removal. Anything that would make the shell
// do more than run simple commands in sequence (expansions, pipes, redirections, subshells, `||`, background
// jobs, escapes) makes the whole snippet unrecognised.
std::optional<std::vector<Statement>> tokenize(std::string_view s) {
  std::vector<Statement> out;
  Statement cur;
  std::string word;
  bool inWord = false;
  auto endWord = [&] {
    if (inWord) cur.words.push_back(word);
    word.clear();
    inWord = false;
  };
  auto endStatement = [&](Sep sep) {
    endWord();
    cur.after = sep;
    out.push_back(std::move(cur));
    cur = Statement{};
    cur.before = sep;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\'') {
      const std::size_t close = s.find('\'', i + 1);
      if (close == std::string_view::npos) return std::nullopt;
      word.append(s.substr(i + 1, close - i - 1));
      inWord = true;
      i = close;
    } else if (c == '"') {
      std::size_t j = i + 1;
      for (; j < s.size() && s[j] != '"'; ++j) {
        const char d = s[j];
        if (d == '$' || d == '`') return std::nullopt;
        if (d == '\\') {
          if (j + 1 < s.size() && (s[j + 1] == '"' || s[j + 1] == '\\')) {
            word.push_back(s[++j]);
            continue;
          }
          return std::nullopt;
        }
        word.push_back(d);
      }
      if (j >= s.size()) return std::nullopt;
      inWord = true;
      i = j;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      endWord();
    } else if (c == '#' && !inWord) {
      while (i + 1 < s.size() && s[i + 1] != '\n')
        ++i; // comment (also a script's #! line)
    } else if (c == '\n') {
      endStatement(Sep::Newline);
    } else if (c == ';') {
      if (i + 1 < s.size() && s[i + 1] == ';') return std::nullopt; // `;;` belongs to case
      endStatement(Sep::Semicolon);
    } else if (c == '&') {
      if (i + 1 < s.size() && s[i + 1] == '&') {
        endStatement(Sep::AndAnd);
        ++i;
      } else {
        return std::nullopt; // background job
      }
    } else if (c == '|' || c == '<' || c == '>' || c == '(' || c == ')' || c == '$' || c == '`' ||
               c == '\\') {
      return std::nullopt;
    } else {
      word.push_back(c);
      inWord = true;
    }
  }
  endStatement(Sep::End);
  // Empty statements are fine between lines and after a final `;`; elsewhere the shell would reject them.
  for (const Statement& st : out) {
    if (!st.words.empty()) continue;
    const bool okBefore = st.before == Sep::Start || st.before == Sep::Newline || st.before == Sep::Semicolon;
    const bool okAfter = st.after == Sep::End || st.after == Sep::Newline;
    if (!okBefore || !okAfter) return std::nullopt;
    if (st.before == Sep::Semicolon && st.after == Sep::Semicolon) return std::nullopt;
  }
  return out;
}

// GNU/busybox sleep operand: digits with an optional fraction and an optional s/m/h/d suffix, or infinity.
// nullopt: not understood; a value of -1: forever.
std::optional<Nanos> parseSleep(std::string_view arg) {
  if (arg == "infinity" || arg == "inf") return Nanos{-1};
  Nanos unit = kSecond;
  if (!arg.empty()) {
    switch (arg.back()) {
    case 's':
      unit = kSecond;
      arg.remove_suffix(1);
      break;
    case 'm':
      unit = kMinute;
      arg.remove_suffix(1);
      break;
    case 'h':
      unit = kHour;
      arg.remove_suffix(1);
      break;
    case 'd':
      unit = 24 * kHour;
      arg.remove_suffix(1);
      break;
    default:
      break;
    }
  }
  std::int64_t whole = 0;
  std::size_t i = 0;
  for (; i < arg.size() && arg[i] >= '0' && arg[i] <= '9'; ++i) {
    whole = whole * 10 + (arg[i] - '0');
    if (whole > 1'000'000'000) return std::nullopt; // decades: not a scenario anyone means
  }
  if (i == 0 || whole > kMaxNanos / unit) return std::nullopt;
  Nanos frac = 0;
  if (i < arg.size() && arg[i] == '.') {
    ++i;
    const std::size_t start = i;
    Nanos scale = unit;
    for (; i < arg.size() && arg[i] >= '0' && arg[i] <= '9'; ++i) {
      scale /= 10;
      frac += (arg[i] - '0') * scale;
    }
    if (i == start) return std::nullopt;
  }
  if (i != arg.size()) return std::nullopt;
  return addSaturating(whole * unit, frac);
}

// `exit N`: the shell keeps the low 8 bits (exit 256 is 0). Negative or non-numeric operands are not
// accepted.
std::optional<int> parseExit(std::string_view arg) {
  if (arg.empty() || arg.size() > 9) return std::nullopt;
  int n = 0;
  for (const char c : arg) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n % 256;
}

bool isSetOption(std::string_view w) {
  if (w == "pipefail" || w == "errexit" || w == "xtrace" || w == "nounset" || w == "-o" || w == "+o")
    return true;
  if (w.size() < 2 || (w[0] != '-' && w[0] != '+')) return false;
  for (std::size_t i = 1; i < w.size(); ++i) {
    if (w[i] != 'e' && w[i] != 'x' && w[i] != 'u') return false;
  }
  return true;
}

std::optional<Outcome> runSnippet(std::string_view snippet, int depth);

// Runs the statements in order. Every accepted command succeeds, so `&&` behaves like `;`.
std::optional<Outcome> runStatements(const std::vector<Statement>& statements, int depth) {
  Outcome o;
  std::size_t nonEmpty = 0;
  for (const Statement& st : statements)
    nonEmpty += st.words.empty() ? 0 : 1;
  for (const Statement& st : statements) {
    if (st.words.empty()) continue;
    const std::string& cmd = st.words[0];
    const std::size_t argc = st.words.size() - 1;
    if (cmd == "sleep" && argc == 1) {
      const auto d = parseSleep(st.words[1]);
      if (!d) return std::nullopt;
      o.decisive = true;
      if (*d < 0) {
        o.forever = true;
        return o; // nothing after it ever runs
      }
      o.run = addSaturating(o.run, *d);
    } else if (cmd == "exit" && argc <= 1) {
      o.decisive = true;
      if (argc == 1) {
        const auto code = parseExit(st.words[1]);
        if (!code) return std::nullopt;
        o.exitCode = *code;
      } else {
        o.exitCode = 0; // bare exit: the last command's status, and every accepted command succeeds
      }
      return o;
    } else if (cmd == "echo") {
      // Options (-n, -e) and backslashes (which dash's echo interprets) make the output uncertain.
      for (std::size_t i = 1; i < st.words.size(); ++i) {
        const std::string& w = st.words[i];
        if ((i == 1 && !w.empty() && w[0] == '-') || w.find('\\') != std::string::npos)
          o.printedKnown = false;
        o.printed += (i > 1 ? " " : "") + w;
      }
      o.printed += '\n';
    } else if (cmd == "true" || cmd == ":") {
      // no effect on time, status or output
    } else if (cmd == "set") {
      for (std::size_t i = 1; i < st.words.size(); ++i) {
        if (!isSetOption(st.words[i])) return std::nullopt;
      }
    } else if (isShell(cmd) && argc == 2 && isDashC(st.words[1]) && nonEmpty == 1 && depth < 3) {
      return runSnippet(st.words[2], depth + 1); // a lone nested `sh -c "..."`
    } else {
      return std::nullopt;
    }
  }
  return o;
}

std::optional<Outcome> runSnippet(std::string_view snippet, int depth) {
  const auto statements = tokenize(snippet);
  if (!statements) return std::nullopt;
  return runStatements(*statements, depth);
}

std::optional<AttemptBehaviour> toBehaviour(const std::optional<Outcome>& o) {
  if (!o || !o->decisive) return std::nullopt;
  AttemptBehaviour b;
  if (o->forever) {
    b.run = std::nullopt;
  } else {
    b.run = o->run;
  }
  b.exitCode = o->exitCode;
  return b;
}

bool isPython(std::string_view program) {
  const std::string_view b = baseName(program);
  if (b == "python" || b == "python3") return true;
  if (b.substr(0, 8) != "python3.") return false;
  return b.size() > 8 && b.substr(8).find_first_not_of("0123456789") == std::string_view::npos;
}

// A Python source made only of `print("literal")` lines (and blank or comment lines): what it prints. Any
// other statement, or a literal with an escape or an f-prefix, is not understood.
std::optional<std::string> pythonPrints(std::string_view source) {
  std::string out;
  while (!source.empty()) {
    const std::size_t eol = source.find('\n');
    std::string_view line = source.substr(0, eol);
    source = eol == std::string_view::npos ? std::string_view() : source.substr(eol + 1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.remove_suffix(1);
    const std::size_t start = line.find_first_not_of(" \t");
    if (start == std::string_view::npos || line[start] == '#') continue;
    if (start != 0) return std::nullopt; // an indented line belongs to a block we do not follow
    if (line.size() < 9 || line.substr(0, 6) != "print(" || line.back() != ')') return std::nullopt;
    const std::string_view literal = line.substr(6, line.size() - 7);
    const char quote = literal.empty() ? '\0' : literal.front();
    if ((quote != '"' && quote != '\'') || literal.size() < 2 || literal.back() != quote) return std::nullopt;
    const std::string_view text = literal.substr(1, literal.size() - 2);
    if (text.find(quote) != std::string_view::npos || text.find('\\') != std::string_view::npos)
      return std::nullopt;
    out.append(text);
    out.push_back('\n');
  }
  return out;
}

// What the main program does, when it is a recognised shell snippet or `sleep N` (not yet required to be
// decisive).
std::optional<Outcome> outcomeOf(const Template& tmpl) {
  if (tmpl.type == TemplateType::Script) {
    // Argo runs `<command...> <file holding source>`; only a bare shell makes the source a shell snippet.
    if (tmpl.command.size() != 1 || !isShell(tmpl.command[0]) || !tmpl.args.empty()) return std::nullopt;
    return runSnippet(tmpl.scriptSource, 0);
  }
  if (tmpl.type != TemplateType::Container) return std::nullopt;
  // Without a command the image's entrypoint runs, which we cannot see.
  if (tmpl.command.empty()) return std::nullopt;
  std::vector<std::string> argv = tmpl.command;
  argv.insert(argv.end(), tmpl.args.begin(), tmpl.args.end());
  if (isShell(argv[0])) {
    // sh -c SNIPPET [$0 [$1 ...]]: the extra operands only set positional parameters, which we reject using.
    if (argv.size() < 3 || !isDashC(argv[1])) return std::nullopt;
    return runSnippet(argv[2], 0);
  }
  if (baseName(argv[0]) == "sleep" && argv.size() == 2) {
    const auto d = parseSleep(argv[1]);
    if (!d) return std::nullopt;
    Outcome o;
    o.decisive = true;
    o.forever = *d < 0;
    o.run = o.forever ? 0 : *d;
    return o;
  }
  return std::nullopt;
}

} // namespace

std::optional<AttemptBehaviour> behaviourFromCommand(const Template& tmpl) {
  return toBehaviour(outcomeOf(tmpl));
}

std::optional<std::string> stdoutFromCommand(const Template& tmpl) {
  if (tmpl.type == TemplateType::Script && tmpl.command.size() == 1 && isPython(tmpl.command[0]) &&
      tmpl.args.empty())
    return pythonPrints(tmpl.scriptSource);
  const auto o = outcomeOf(tmpl);
  if (!o || !o->printedKnown) return std::nullopt;
  return o->printed;
}

} // namespace argosim
