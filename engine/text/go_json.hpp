// Go's encoding/json as Argo uses it: json.Unmarshal into interface{} or json.RawMessage, and json.Marshal's
// text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace argosim {

struct GoJsonMember;

// A JSON value as Go holds it once unmarshalled.
struct GoJson {
  enum class Kind { Null, Bool, Number, String, List, Map };
  Kind kind = Kind::Null;
  bool boolean = false;
  // Number: the float64 strconv.ParseFloat reads (±Inf past float64's range, which only RawMessage keeps).
  double number = 0;
  std::string text; // String: the decoded value (invalid UTF-8 and lone surrogates read as U+FFFD)
  std::vector<GoJson> list;
  std::vector<GoJsonMember> members; // Map: sorted by key, the last of duplicate keys kept, as in a Go map
  // JSON text written as it is in place of the value: a json.RawMessage (compacted, <, >, & and U+2028/U+2029
  // escaped, as json.Marshal writes one) or an integer's digits. Empty: the value is written from its fields.
  std::string raw;
};

struct GoJsonMember {
  std::string key;
  GoJson value;
};

// What the text is unmarshalled into.
enum class GoJsonTarget {
  Interface,  // interface{}: every number a float64; one past float64's range is an error
  RawMessage, // json.RawMessage (wfv1.Item): every value, nested ones too, keeps its text in `raw`
};

// Deepest nesting read (Go allows 10000; this keeps the recursion stack-safe under WebAssembly).
inline constexpr int kMaxGoJsonDepth = 128;

struct GoJsonParse {
  GoJson value;
  std::optional<std::string> error; // encoding/json's words, or argosim's for the nesting limit
};

// json.Unmarshal(text, &target): the syntax is checked first (scanner.go, with its error texts), then the
// value is built; a number out of float64's range is reported only after that, as Go's decoder does.
GoJsonParse parseGoJson(std::string_view text, GoJsonTarget target);

// json.Unmarshal's syntax check alone, building nothing: the first byte of the value (0 when there is none)
// and, when it is a list, its length, so that a caller can refuse a huge list before building it.
struct GoJsonShape {
  std::optional<std::string> error;
  char first = 0;
  std::size_t listLength = 0;
};
GoJsonShape checkGoJson(std::string_view text);

// json.Marshal: compact, map keys sorted, strings as goJsonQuote writes them, floats in encoding/json's
// form ('e' only below 1e-6 or from 1e21, "e-07" as "e-7"). `error` holds Go's error for NaN and ±Inf
// ("json: unsupported value: NaN").
struct GoJsonText {
  std::string text;
  std::optional<std::string> error;
};
GoJsonText marshalGoJson(const GoJson& value);

} // namespace argosim
