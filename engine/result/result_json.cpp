// The contract's JSON rendering of a Result (times in seconds since the workflow started).
#include "engine/argosim.hpp"

#include <charconv>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>

namespace argosim {

namespace {
using nlohmann::json;

// Writes the document straight into a string: a fan-out of thousands of pods made building an nlohmann DOM as
// slow as the simulation itself. Strings that need escaping and floats still go through nlohmann's
// serializer, so escaping (invalid UTF-8 replaced, never thrown) and number formatting are nlohmann's. Keys
// are written in the sorted order nlohmann's std::map gave and laid out as `json::dump(indent)` lays them out
// (`indent` < 0: compact), so the bytes are what nlohmann printed before. The text is gathered in a chunk
// that is appended to the result when full: appending to a std::string a few bytes at a time cost more than
// the bytes.
class Writer {
public:
  Writer(std::size_t sizeHint, int indent)
      : serializer_(nlohmann::detail::output_adapter<char>(escaped_), ' ', json::error_handler_t::replace),
        indent_(indent) {
    out_.reserve(sizeHint);
  }

  std::string take() {
    flush();
    return std::move(out_);
  }

  // `name` is one of the short keys below.
  Writer& key(std::string_view name) {
    if (!first_) put(',');
    newline();
    char* at = room(name.size() + 4);
    *at++ = '"';
    std::memcpy(at, name.data(), name.size());
    at += name.size();
    *at++ = '"';
    *at++ = ':';
    if (indent_ >= 0) *at++ = ' ';
    used_ = static_cast<std::size_t>(at - chunk_.get());
    first_ = false;
    return *this;
  }
  void open(char bracket) {
    put(bracket);
    ++depth_;
    first_ = true;
  }
  // An empty container stays `[]` or `{}`, as nlohmann prints it.
  void close(char bracket) {
    --depth_;
    if (!first_) newline();
    put(bracket);
    first_ = false;
  }
  // An element of an array: the comma before all but the first.
  Writer& element() {
    if (!first_) put(',');
    newline();
    first_ = false;
    return *this;
  }

  // Most strings (names, ids, phases) need no escaping and are written as they are, which is what nlohmann
  // writes for them; any other goes through one reused json string value: its buffer is copied into, not
  // allocated, for each string.
  void string(const std::string& s) {
    if (putPlain(s)) return;
    *scratch_.get_ptr<std::string*>() = s;
    serialize(scratch_);
  }
  void integer(long long v) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, v).ptr; // what std::to_string writes
    put(std::string_view(digits, static_cast<std::size_t>(end - digits)));
  }
  void boolean(bool v) { put(v ? std::string_view("true") : std::string_view("false")); }
  void null() { put(std::string_view("null")); }
  // Whole seconds print as integers; anything finer as a decimal.
  void seconds(Nanos t) {
    if (t % kSecond == 0)
      integer(t / kSecond);
    else
      serialize(json(toSeconds(t)));
  }
  void optionalSeconds(const std::optional<Nanos>& t) {
    if (t)
      seconds(*t);
    else
      null();
  }
  template <class T> void optionalInteger(const std::optional<T>& v) {
    if (v)
      integer(*v);
    else
      null();
  }
  void strings(const std::vector<std::string>& list) {
    open('[');
    for (const auto& s : list)
      element().string(s);
    close(']');
  }

private:
  // Printable ASCII but `"` and `\`: the bytes nlohmann's dump_escaped copies unchanged (it escapes those
  // two, control characters, and, without ensure_ascii, nothing else; anything above 0x7E goes the slow way).
  // Writes `s` quoted when it is plain, copying as it checks; leaves the text as it was when not.
  bool putPlain(const std::string& s) {
    if (s.size() + 2 > kChunk) return false;
    char* start = room(s.size() + 2);
    char* at = start;
    *at++ = '"';
    for (const unsigned char c : s) {
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return false;
      *at++ = static_cast<char>(c);
    }
    *at++ = '"';
    used_ += static_cast<std::size_t>(at - start);
    return true;
  }

  void serialize(const json& value) {
    escaped_.clear();
    serializer_.dump(value, false, false, 0);
    put(escaped_);
  }

  void flush() {
    out_.append(chunk_.get(), used_);
    used_ = 0;
  }
  // Room for `n` (at most kChunk) more bytes in the chunk.
  char* room(std::size_t n) {
    if (used_ + n > kChunk) flush();
    return chunk_.get() + used_;
  }
  void put(char c) {
    *room(1) = c;
    ++used_;
  }
  void put(std::string_view s) {
    if (s.size() > kChunk) {
      flush();
      out_.append(s);
      return;
    }
    if (s.empty()) return;
    std::memcpy(room(s.size()), s.data(), s.size());
    used_ += s.size();
  }
  void newline() {
    if (indent_ < 0) return;
    put('\n');
    for (int i = depth_ * indent_; i > 0; --i)
      put(' ');
  }

  static constexpr std::size_t kChunk = 1 << 16;
  std::string out_;
  std::unique_ptr<char[]> chunk_{new char[kChunk]};
  std::size_t used_ = 0; // bytes of the chunk not yet in out_
  std::string escaped_;  // what the serializer writes, then put like the rest
  nlohmann::detail::serializer<json> serializer_;
  json scratch_ = json::string_t();
  int indent_;
  int depth_ = 0;
  bool first_ = true;
};

void writeNode(Writer& w, const NodeRecord& n) {
  w.open('{');
  w.key("attempt").optionalInteger(n.attempt);
  w.key("behaviour").string(n.behaviour);
  w.key("boundaryId").string(n.boundaryId);
  w.key("children").strings(n.children);
  w.key("displayName").string(n.displayName);
  w.key("endedBy").string(n.endedBy);
  w.key("executorDeadline").optionalSeconds(n.executorDeadline);
  w.key("exitCode").optionalInteger(n.exitCode);
  if (n.failedPodRestarts > 0) w.key("failedPodRestarts").integer(n.failedPodRestarts); // omitempty, as Argo
  w.key("finishedAt").optionalSeconds(n.finishedAt);
  w.key("id").string(n.id);
  w.key("message").string(n.message);
  w.key("name").string(n.name);
  w.key("onExit").boolean(n.onExit);
  // Only a node with outputs has the key, as Argo omits a nil outputs.
  if (!n.outputs.empty()) {
    w.key("outputs").open('{');
    if (!n.outputs.parameters.empty()) {
      w.key("parameters").open('[');
      for (const auto& [name, value] : n.outputs.parameters) {
        w.element().open('{');
        w.key("name").string(name);
        w.key("value").string(value);
        w.close('}');
      }
      w.close(']');
    }
    if (n.outputs.result) w.key("result").string(*n.outputs.result);
    w.close('}');
  }
  w.key("parent").string(n.parent);
  w.key("phase").string(n.phase);
  w.key("podActiveDeadlineSeconds").optionalInteger(n.podActiveDeadlineSeconds);
  w.key("runningAt").optionalSeconds(n.runningAt);
  w.key("startedAt").seconds(n.startedAt);
  w.key("templateName").string(n.templateName);
  w.key("type").string(n.type);
  w.close('}');
}

} // namespace

std::string resultToJson(const Result& r, int indent) {
  Writer w(256 + r.nodes.size() * 400 + r.events.size() * 100, indent);
  w.open('{');
  w.key("argoVersion").string(r.argoVersion);
  w.key("deadlines").open('[');
  for (const auto& d : r.deadlines) {
    w.element().open('{');
    w.key("at").seconds(d.at);
    w.key("kind").string(d.kind);
    w.key("node").string(d.node);
    w.close('}');
  }
  w.close(']');
  w.key("diagnostics").open('[');
  for (const auto& d : r.diagnostics) {
    w.element().open('{');
    w.key("column").integer(d.pos.column);
    w.key("line").integer(d.pos.line);
    w.key("message").string(d.message);
    w.key("path").string(d.path);
    w.key("severity").string(severityName(d.severity));
    w.close('}');
  }
  w.close(']');
  w.key("events").open('[');
  for (const auto& e : r.events) {
    w.element().open('{');
    w.key("kind").string(e.kind);
    w.key("message").string(e.message);
    w.key("node").string(e.node);
    w.key("t").seconds(e.t);
    w.close('}');
  }
  w.close(']');
  w.key("nodes").open('[');
  for (const auto& n : r.nodes)
    writeNode(w.element(), n);
  w.close(']');
  w.key("simulated").boolean(r.simulated);
  w.key("startAt").string(r.startAt);
  w.key("workflow").open('{');
  w.key("finishedAt").optionalSeconds(r.workflow.finishedAt);
  w.key("message").string(r.workflow.message);
  w.key("name").string(r.workflow.name);
  w.key("phase").string(r.workflow.phase);
  w.key("startedAt").seconds(r.workflow.startedAt);
  w.close('}');
  w.close('}');
  return w.take();
}

} // namespace argosim
