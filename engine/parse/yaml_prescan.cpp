#include "engine/parse/yaml_prescan.hpp"

#include "engine/parse/yaml_encoding.hpp"

#include <vector>

namespace argosim::parse_detail {
namespace {

void addError(Diagnostics& diagnostics, int line, int column, std::string message) {
  diagnostics.push_back({Severity::Error, {line, column}, "", std::move(message)});
}

std::string normalise(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      // YAML treats CR, LF and CRLF alike as one line break; yaml-cpp is only certain about LF.
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

bool isBlank(char c) {
  return c == ' ' || c == '\t';
}

// One pass over the text, line by line, tracking what changes the nesting yaml-cpp will recurse into:
// block indentation levels, `- `/`? ` indicators written on one line, and flow brackets. Quoted scalars,
// comments and block-scalar bodies are skipped so that brackets inside strings do not count. The estimate may
// be too high (a deeply indented multi-line plain scalar) but is never lower than the true nesting.
class DepthScanner {
public:
  DepthScanner(const Limits& limits, Diagnostics& diagnostics) : limits_(limits), diagnostics_(diagnostics) {}

  bool scan(const std::string& text) {
    std::size_t start = 0;
    int lineNo = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      ++lineNo;
      if (!scanLine(std::string_view(text).substr(start, end - start), lineNo)) return false;
      if (end == text.size()) break;
      start = end + 1;
    }
    return !unclosedQuote();
  }

private:
  void openQuote(char quote, int line, int column) {
    (quote == '"' ? inDouble_ : inSingle_) = true;
    quoteKind_ = quote;
    quoteLine_ = line;
    quoteColumn_ = column;
  }

  const char* quoteName() const { return quoteKind_ == '"' ? "double" : "single"; }

  void closeQuote(int line, bool& afterNode, bool& afterLongQuote) {
    inDouble_ = inSingle_ = false;
    afterNode = flowDepth_ == 0;
    afterLongQuote = afterNode && line != quoteLine_;
  }

  // A quoted scalar still open at the end of the text: go-yaml stops with "found unexpected end of stream",
  // yaml-cpp either reports the end of the enclosing map at the end of the text or, for a single quote, takes
  // the rest of the text as the string. Neither points at the cause, the opening quote.
  bool unclosedQuote() {
    if (!inDouble_ && !inSingle_) return false;
    addError(diagnostics_, quoteLine_, quoteColumn_,
             std::string("YAML syntax error: this ") + quoteName() +
                 "-quoted string is never closed (no matching " + quoteKind_ +
                 " before the end of the text)");
    return true;
  }

  bool tooDeep(int line, int column) {
    int depth = static_cast<int>(indents_.size()) + compact_ + flowDepth_;
    if (depth <= limits_.maxNestingDepth) return false;
    addError(diagnostics_, line, column,
             "YAML nested deeper than " + std::to_string(limits_.maxNestingDepth) +
                 " levels: the input is refused before parsing (limit maxNestingDepth)");
    return true;
  }

  bool scanLine(std::string_view line, int lineNo) {
    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ')
      ++indent;
    std::size_t firstContent = indent;
    while (firstContent < line.size() && isBlank(line[firstContent]))
      ++firstContent;
    bool blank = firstContent >= line.size();

    if (blockScalarParent_ >= 0) {
      if (blank || static_cast<int>(indent) > blockScalarParent_) return true; // the scalar's text
      blockScalarParent_ = -1;
    }
    if (plainScalarParent_ >= 0) {
      // A plain value's continuation line, more indented than its key or dash, is text whatever it starts
      // with
      // (`'tis` is no quote there); a comment line ends the value.
      // yaml-cpp 0.7 loops forever on a continuation that starts with ',', so that one is still checked
      // below.
      if (blank || (static_cast<int>(indent) > plainScalarParent_ && line[firstContent] != '#' &&
                    line[firstContent] != ','))
        return true;
      plainScalarParent_ = -1;
    }
    bool inQuote = inDouble_ || inSingle_;
    if (!inQuote && flowDepth_ == 0 && !blank) {
      if (firstContent != indent && line[firstContent] != '#') {
        addError(diagnostics_, lineNo, static_cast<int>(indent) + 1,
                 "tab character in indentation: YAML indents with spaces only");
        return false;
      }
      if (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") {
        if (line.size() == 3 || isBlank(line[3])) {
          indents_.clear();
          indent = 3;
        }
      }
      if (line[firstContent] != '#') {
        while (!indents_.empty() && indents_.back() > static_cast<int>(indent))
          indents_.pop_back();
        if (indents_.empty() || indents_.back() < static_cast<int>(indent))
          indents_.push_back(static_cast<int>(indent));
      }
    }
    compact_ = 0;
    bool nodeStart = !inQuote;
    // A node just ended (a flow collection, quoted scalar or alias) in block context: only `:`, `#` or the
    // end of the line may follow. yaml-cpp 0.7 loops forever on a `,` here at the top level, so it is refused
    // first.
    bool afterNode = false;
    // The node that just ended is a quoted scalar that opened on an earlier line: when text other than `:`
    // follows it, the likelier mistake is a missing closing quote far above, which yaml-cpp reports only
    // where the map it swallowed ends.
    bool afterLongQuote = false;
    int parentCol = static_cast<int>(indent);
    bool valuePosition = false; // after `key: ` or `- ` on this line: a plain scalar here is a value
    for (std::size_t i = inQuote ? 0 : indent; i < line.size(); ++i) {
      char c = line[i];
      char next = i + 1 < line.size() ? line[i + 1] : ' ';
      int column = static_cast<int>(i) + 1;
      if (inDouble_) {
        if (c == '\\')
          ++i;
        else if (c == '"')
          closeQuote(lineNo, afterNode, afterLongQuote);
        continue;
      }
      if (inSingle_) {
        if (c == '\'') {
          if (next == '\'')
            ++i;
          else
            closeQuote(lineNo, afterNode, afterLongQuote);
        }
        continue;
      }
      if (isBlank(c)) continue;
      if (c == '#' && (i == 0 || isBlank(line[i - 1]))) break;
      if (nodeStart && (c == '&' || c == '!')) { // anchor or tag before a node: the node has not started yet
        // Tag and anchor characters exclude the flow indicators (YAML 1.2 ns-tag-char, ns-anchor-char). In a
        // flow collection one ends the token; in block context yaml-cpp 0.7 loops without end on a tag or
        // anchor followed by ',' ("!,"), so a flow indicator there is refused.
        while (i + 1 < line.size() && !isBlank(line[i + 1])) {
          const char inside = line[i + 1];
          if (inside == ',' || inside == '[' || inside == ']' || inside == '{' || inside == '}') {
            if (flowDepth_ > 0) break;
            addError(diagnostics_, lineNo, static_cast<int>(i + 2),
                     std::string("YAML syntax error: '") + inside + "' inside a tag or anchor");
            return false;
          }
          ++i;
        }
        continue;
      }
      if (flowDepth_ > 0) {
        if (c == '[' || c == '{') {
          ++flowDepth_;
          if (tooDeep(lineNo, column)) return false;
          nodeStart = true;
        } else if (c == ']' || c == '}') {
          --flowDepth_;
          nodeStart = false;
          afterNode = flowDepth_ == 0;
        } else if (c == ',' || c == ':' || c == '?') {
          nodeStart = true;
        } else if (nodeStart && (c == '"' || c == '\'')) {
          openQuote(c, lineNo, column);
        } else {
          nodeStart = false;
        }
        continue;
      }
      if (c == ',' && (nodeStart || afterNode)) {
        addError(diagnostics_, lineNo, column, "YAML syntax error: ',' outside a [ ] or { } collection");
        return false;
      }
      if (afterLongQuote && c != ':' && c != '#') {
        addError(diagnostics_, quoteLine_, quoteColumn_,
                 std::string("YAML syntax error: this ") + quoteName() + "-quoted string runs on to line " +
                     std::to_string(lineNo) + ", where text follows its end: is its closing quote missing?");
        return false;
      }
      if (c == ':') afterNode = false, afterLongQuote = false;
      if (nodeStart) {
        if (c == '*') { // an alias: its name, then the node has ended
          while (i + 1 < line.size() && !isBlank(line[i + 1]) && line[i + 1] != ',')
            ++i;
          nodeStart = false;
          afterNode = true;
          continue;
        }
        if ((c == '-' || c == '?') && isBlank(next)) {
          ++compact_;
          parentCol = column - 1;
          valuePosition = true;
          if (tooDeep(lineNo, column)) return false;
          continue;
        }
        if (c == '[' || c == '{') {
          flowDepth_ = 1;
          if (tooDeep(lineNo, column)) return false;
          continue;
        }
        if (c == '|' || c == '>') {
          blockScalarParent_ = parentCol;
          return true;
        }
        if (valuePosition && flowDepth_ == 0 && c != '"' && c != '\'' && c != '#')
          plainScalarParent_ = parentCol;
        nodeStart = false;
        parentCol = column - 1;
        if (c == '"' || c == '\'') openQuote(c, lineNo, column);
        continue;
      }
      if (c == ':' && isBlank(next)) {
        nodeStart = true;
        valuePosition = true;
        plainScalarParent_ = -1; // what came before was a key
      }
    }
    return !tooDeep(lineNo, 1);
  }

  const Limits& limits_;
  Diagnostics& diagnostics_;
  std::vector<int> indents_;
  int compact_ = 0;
  int flowDepth_ = 0;
  int blockScalarParent_ = -1;
  int plainScalarParent_ = -1; // a plain value may go on, on lines more indented than this column
  bool inDouble_ = false;
  bool inSingle_ = false;
  char quoteKind_ = '"'; // the quoted scalar in progress (or the last one) and where it opened
  int quoteLine_ = 0;
  int quoteColumn_ = 0;
};

} // namespace

PrescanResult prescanYaml(std::string_view text, const Limits& limits, Diagnostics& diagnostics) {
  PrescanResult result;
  if (text.size() > limits.maxInputBytes) {
    addError(diagnostics, 1, 1,
             "input is " + std::to_string(text.size()) + " bytes, more than the limit of " +
                 std::to_string(limits.maxInputBytes));
    result.ok = false;
    return result;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    diagnostics.push_back({Severity::Info, {1, 1}, "", "UTF-8 byte-order mark at the start ignored"});
    text.remove_prefix(3);
  }
  result.text = normalise(text);
  // Both checks run even when the first fails, so that each problem they find is reported at once.
  const bool characters = checkYamlCharacters(result.text, diagnostics);
  DepthScanner scanner(limits, diagnostics);
  const bool structure = scanner.scan(result.text);
  result.ok = characters && structure;
  return result;
}

} // namespace argosim::parse_detail
