#include "engine/sim/fan_out.hpp"

#include "engine/sim/when_condition.hpp"
#include "engine/text/go_json.hpp"
#include "engine/text/go_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

namespace argosim {
namespace {

// ---------------------------------------------------------------------------------------------------------------
// An item as Argo holds it (item.go Item, a json.RawMessage), and what item.go GetType, GetStrVal, GetMapVal
// and GetListVal read from it.

enum class ItemType { Number, String, Bool, Map, List };

ItemType itemType(const GoJson& item) {
  switch (item.kind) {
  case GoJson::Kind::Number:
    // A number strconv.ParseFloat rejects (beyond float64's range) is no Number, and nothing else accepts it
    // either, so it is a String whose GetStrVal is "".
    return std::isinf(item.number) ? ItemType::String : ItemType::Number;
  case GoJson::Kind::String:
    return ItemType::String;
  case GoJson::Kind::Bool:
    return ItemType::Bool;
  case GoJson::Kind::Map:
    return ItemType::Map;
  case GoJson::Kind::List:
  case GoJson::Kind::Null: // `null` unmarshals into a list without error
    return ItemType::List;
  }
  return ItemType::String;
}

// util/json Fix: undoes the HTML escaping for display.
std::string fixJson(std::string s) {
  static const std::pair<std::string_view, char> kEscapes[] = {
      {"\\u003c", '<'}, {"\\u003e", '>'}, {"\\u0026", '&'}};
  for (const auto& [esc, ch] : kEscapes) {
    std::size_t pos = 0;
    while ((pos = s.find(esc, pos)) != std::string::npos) {
      s.replace(pos, esc.size(), 1, ch);
      pos += 1;
    }
  }
  return s;
}

// item.go Item.String (what %v prints): the JSON text, without the quotes of a string.
std::string itemString(const GoJson& item) {
  if (item.raw.size() >= 2 && item.raw.front() == '"')
    return fixJson(item.raw.substr(1, item.raw.size() - 2));
  return fixJson(item.raw);
}

// json.Marshal of GetMapVal / GetListVal: the container written anew around its members' own texts. Both
// start from an empty container, so `null` is written as `[]`.
std::string marshalContents(GoJson item, GoJson::Kind kind) {
  item.kind = kind;
  item.raw.clear();
  return marshalGoJson(item).text;
}

// A withItems value (from YAML) as the Kubernetes API hands it to the controller: encoding/json's text, with
// integers as written (YAML's int64) and floats in Go's form.
std::optional<std::string> fromYaml(const nlohmann::json& j, GoJson& out, int depth) {
  if (depth > kMaxGoJsonDepth)
    return "argosim: an item is nested deeper than " + std::to_string(kMaxGoJsonDepth) + " levels";
  switch (j.type()) {
  case nlohmann::json::value_t::boolean:
    out.kind = GoJson::Kind::Bool;
    out.boolean = j.get<bool>();
    break;
  case nlohmann::json::value_t::number_integer:
    out.kind = GoJson::Kind::Number;
    out.number = j.get<double>();
    out.raw = std::to_string(j.get<std::int64_t>());
    break;
  case nlohmann::json::value_t::number_unsigned:
    out.kind = GoJson::Kind::Number;
    out.number = j.get<double>();
    out.raw = std::to_string(j.get<std::uint64_t>());
    break;
  case nlohmann::json::value_t::number_float:
    out.kind = GoJson::Kind::Number;
    out.number = j.get<double>();
    break;
  case nlohmann::json::value_t::string:
    out.kind = GoJson::Kind::String;
    out.text = j.get<std::string>();
    break;
  case nlohmann::json::value_t::array:
    out.kind = GoJson::Kind::List;
    for (const auto& e : j) {
      out.list.emplace_back();
      if (auto err = fromYaml(e, out.list.back(), depth + 1)) return err;
    }
    break;
  case nlohmann::json::value_t::object:
    out.kind = GoJson::Kind::Map;
    for (const auto& [k, v] : j.items()) { // nlohmann's object is a sorted map without duplicates
      out.members.push_back(GoJsonMember{k, {}});
      if (auto err = fromYaml(v, out.members.back().value, depth + 1)) return err;
    }
    break;
  default: // null (and nlohmann's binary/discarded, which YAML cannot produce)
    out.kind = GoJson::Kind::Null;
    break;
  }
  if (!out.raw.empty()) return std::nullopt;
  GoJsonText text = marshalGoJson(out);
  if (text.error) return text.error;
  out.raw = std::move(text.text);
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------------------
// operator.go processItem and generateNodeName.

FanOutItem processItem(const std::string& name, std::size_t index, const GoJson& item) {
  FanOutItem out;
  std::string desc;
  switch (itemType(item)) {
  case ItemType::Number:
  case ItemType::Bool:
    out.params["item"] = itemString(item);
    desc = itemString(item);
    break;
  case ItemType::String:
    out.params["item"] = item.text;
    desc = itemString(item);
    break;
  case ItemType::Map: {
    // "key:value" pairs sorted as whole strings (not by key), joined by commas.
    std::vector<std::string> vals;
    for (const auto& [key, val] : item.members) {
      out.params["item." + key] = itemString(val);
      vals.push_back(key + ":" + itemString(val));
    }
    out.params["item"] = marshalContents(item, GoJson::Kind::Map);
    std::sort(vals.begin(), vals.end());
    for (std::size_t i = 0; i < vals.size(); ++i)
      desc += (i ? "," : "") + vals[i];
    break;
  }
  case ItemType::List: {
    out.params["item"] = marshalContents(item, GoJson::Kind::List);
    // fmt.Sprint of []Item: elements by Item.String, space-separated, in brackets.
    desc = "[";
    for (std::size_t i = 0; i < item.list.size(); ++i)
      desc += (i ? " " : "") + itemString(item.list[i]);
    desc += "]";
    break;
  }
  }
  desc.erase(std::remove_if(desc.begin(), desc.end(), [](char c) { return c == '(' || c == ')'; }),
             desc.end());
  out.name = name + "(" + std::to_string(index) + ":" + desc + ")";
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// operator.go expandSequence.

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// strconv.Atoi (64-bit int): optional sign, decimal digits; the first problem from the left is reported.
std::optional<std::string> goAtoi(std::string_view text, std::int64_t& value) {
  const std::string prefix = "strconv.Atoi: parsing " + goQuote(text) + ": ";
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  if (i == text.size()) return prefix + "invalid syntax";
  std::uint64_t magnitude = 0;
  const std::uint64_t limit = negative ? 9223372036854775808ULL : 9223372036854775807ULL;
  bool overflow = false;
  for (; i < text.size(); ++i) {
    if (!isDigit(text[i])) return prefix + "invalid syntax";
    const auto d = static_cast<std::uint64_t>(text[i] - '0');
    if (!overflow && (magnitude > (limit - d) / 10)) overflow = true;
    if (overflow) continue;
    magnitude = magnitude * 10 + d;
  }
  if (overflow) return prefix + "value out of range";
  value = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
  return std::nullopt;
}

constexpr std::size_t kMaxFormatWidth = 1000; // Go allows up to 1e6; wider pads are not simulated

std::string toBase(std::uint64_t v, unsigned base, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  if (v == 0) return "0";
  std::string out;
  while (v) {
    out.push_back(digits[v % base]);
    v /= base;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// fmt.Sprintf(format, i) for one int argument, without handing the user's format to printf: flags (+ - # 0
// space), width, precision and the verbs fmt accepts for integers (d v b o O x X c q U); any other verb,
// missing or extra argument is written the way fmt reports it ("%!s(int=5)", "%!d(MISSING)", "%!(EXTRA
// int=5)", "%!(NOVERB)").
std::optional<std::string> goSprintfInt(std::string_view format, std::int64_t value, std::string& out) {
  bool used = false;
  const std::string argText = "int=" + std::to_string(value);
  std::size_t i = 0;
  while (i < format.size()) {
    const char ch = format[i];
    if (ch != '%') {
      out.push_back(ch);
      ++i;
      continue;
    }
    ++i;
    bool plus = false, minus = false, sharp = false, zero = false, space = false;
    for (; i < format.size(); ++i) {
      const char f = format[i];
      if (f == '+')
        plus = true;
      else if (f == '-')
        minus = true;
      else if (f == '#')
        sharp = true;
      else if (f == '0')
        zero = true;
      else if (f == ' ')
        space = true;
      else
        break;
    }
    std::size_t width = 0, precision = 0;
    bool hasWidth = false, hasPrecision = false;
    auto readNumber = [&](std::size_t& n) {
      bool any = false;
      while (i < format.size() && isDigit(format[i])) {
        n = std::min<std::size_t>(n * 10 + static_cast<std::size_t>(format[i] - '0'), 10000000);
        ++i;
        any = true;
      }
      return any;
    };
    hasWidth = readNumber(width);
    if (i < format.size() && format[i] == '.') {
      ++i;
      hasPrecision = true;
      readNumber(precision);
    }
    if (width > kMaxFormatWidth || precision > kMaxFormatWidth)
      return "argosim: withSequence format width or precision above " + std::to_string(kMaxFormatWidth) +
             " is not simulated";
    if (i >= format.size()) {
      out += "%!(NOVERB)";
      break;
    }
    // The verb: one UTF-8 character.
    std::size_t verbLen = 1;
    const auto v0 = static_cast<unsigned char>(format[i]);
    if (v0 >= 0xC0) verbLen = v0 >= 0xF0 ? 4 : v0 >= 0xE0 ? 3 : 2;
    verbLen = std::min(verbLen, format.size() - i);
    const std::string verb(format.substr(i, verbLen));
    i += verbLen;
    if (verb == "%") {
      out.push_back('%');
      continue;
    }
    if (used) {
      out += "%!" + verb + "(MISSING)";
      continue;
    }
    used = true;
    const char v = verb.size() == 1 ? verb[0] : '\0';
    const bool negative = value < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    std::string body;
    const bool integerVerb = v == 'd' || v == 'v' || v == 'b' || v == 'o' || v == 'O' || v == 'x' || v == 'X';
    if (integerVerb && hasPrecision && precision == 0 && magnitude == 0) {
      // fmtInteger: a zero with precision 0 prints nothing, not even a sign or prefix, only the padding.
    } else if (integerVerb) {
      const unsigned base = (v == 'b') ? 2 : (v == 'o' || v == 'O') ? 8 : (v == 'x' || v == 'X') ? 16 : 10;
      std::string digits = toBase(magnitude, base, v == 'X');
      if (hasPrecision && digits.size() < precision) digits.insert(0, precision - digits.size(), '0');
      std::string prefix;
      if (v == 'O')
        prefix = "0o";
      else if (sharp && v == 'b')
        prefix = "0b";
      else if (sharp && (v == 'o') && (digits.empty() || digits[0] != '0'))
        prefix = "0";
      else if (sharp && v == 'x')
        prefix = "0x";
      else if (sharp && v == 'X')
        prefix = "0X";
      const std::string sign = negative ? "-" : plus ? "+" : space ? " " : "";
      // fmt (format.go fmtInteger) zero-pads only without '-' and without a precision, to the width less the
      // sign: a 0x prefix comes on top ("%#08x" of 255 is 0x000000ff).
      if (zero && !minus && !hasPrecision && hasWidth && sign.size() + digits.size() < width)
        digits.insert(0, width - sign.size() - digits.size(), '0');
      body = sign + prefix + digits;
    } else if (v == 'c' || v == 'q' || v == 'U') {
      const bool valid = value >= 0 && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
      const auto cp = static_cast<std::uint32_t>(valid ? value : 0xFFFD);
      if (v == 'U') {
        std::string hex =
            toBase(static_cast<std::uint64_t>(value), 16, true); // fmtUnicode takes uint64(value)
        if (hasPrecision && hex.size() < precision) hex.insert(0, precision - hex.size(), '0');
        if (hex.size() < 4) hex.insert(0, 4 - hex.size(), '0');
        body = "U+" + hex;
        if (sharp && valid) {
          body += " '";
          appendUtf8(body, cp);
          body += "'";
        }
      } else if (v == 'c') {
        appendUtf8(body, cp);
      } else {
        body = "'";
        if (cp == '\'' || cp == '\\') {
          body += '\\';
          body.push_back(static_cast<char>(cp));
        } else if (cp >= 0x20 && cp < 0x7F) {
          body.push_back(static_cast<char>(cp));
        } else if (cp < 0x80) {
          body += goQuote(std::string(1, static_cast<char>(cp))).substr(1);
          body.pop_back();
        } else {
          appendUtf8(body, cp); // printable non-ASCII assumed
        }
        body += "'";
      }
    } else {
      out += "%!" + verb + "(" + argText + ")";
      continue;
    }
    if (hasWidth && body.size() < width) {
      if (minus)
        body.append(width - body.size(), ' ');
      else
        body.insert(0, width - body.size(), ' ');
    }
    out += body;
  }
  if (!used) out += "%!(EXTRA " + argText + ")";
  return std::nullopt;
}

std::string sequenceText(const IntOrString& v, const Params& scope) {
  return v.isString ? substituteParams(v.stringValue, scope) : std::to_string(v.intValue);
}

std::string limitError(const std::string& count, std::size_t maxItems) {
  return "fan-out of " + count + " items exceeds the simulator's limit of " + std::to_string(maxItems);
}

// expandSequence: the items, or Go's error; `limitHit` marks our own limit (not subject to the `when`
// fallback).
std::optional<std::string> expandSequence(const Sequence& seq, const Params& scope, std::size_t maxItems,
                                          std::vector<GoJson>& items, bool& limitHit) {
  std::int64_t start = 0, end = 0;
  if (seq.start) {
    if (auto e = goAtoi(sequenceText(*seq.start, scope), start)) return e;
  }
  if (seq.end) {
    if (auto e = goAtoi(sequenceText(*seq.end, scope), end)) return e;
  } else if (seq.count) {
    std::int64_t count = 0;
    if (auto e = goAtoi(sequenceText(*seq.count, scope), count)) return e;
    if (count == 0) return std::nullopt;
    // start + count - 1 in Go's wrapping int arithmetic.
    end =
        static_cast<std::int64_t>(static_cast<std::uint64_t>(start) + static_cast<std::uint64_t>(count) - 1);
  } else {
    return std::string("neither end nor count was specified in withSequence");
  }
  const bool ascending = start <= end;
  const std::uint64_t span = ascending ? static_cast<std::uint64_t>(end) - static_cast<std::uint64_t>(start)
                                       : static_cast<std::uint64_t>(start) - static_cast<std::uint64_t>(end);
  if (span >= maxItems) {
    limitHit = true;
    return limitError(span == UINT64_MAX ? "18446744073709551616" : std::to_string(span + 1), maxItems);
  }
  std::string format = seq.format ? substituteParams(seq.format->value, scope) : std::string();
  if (format.empty()) format = "%d";
  for (std::uint64_t k = 0; k <= span; ++k) {
    const auto i = static_cast<std::int64_t>(ascending ? static_cast<std::uint64_t>(start) + k
                                                       : static_cast<std::uint64_t>(start) - k);
    std::string text = "\"";
    if (auto e = goSprintfInt(format, i, text)) {
      limitHit = true; // our refusal, not Go's
      return e;
    }
    text += '"';
    // wfv1.ParseItem: the formatted text, in quotes, is read as JSON.
    GoJsonParse item = parseGoJson(text, GoJsonTarget::RawMessage);
    if (item.error) return item.error;
    items.push_back(std::move(item.value));
  }
  return std::nullopt;
}

std::string trimSpace(std::string_view s) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
  };
  while (!s.empty() && space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && space(s.back()))
    s.remove_suffix(1);
  return std::string(s);
}

// expandStep's fallback: an unreadable list is no error when the call will not run anyway.
bool whenIsFalse(const Invocation& call, const Params& scope) {
  if (!call.when) return false;
  const auto r = evaluateWhen(substituteParams(call.when->value, scope));
  return r.ok && !r.value;
}

} // namespace

bool shouldExpand(const Invocation& call, const Params& scope) {
  if (call.withItems && !call.withItems->empty()) return true;
  if (call.withParam && !substituteParams(call.withParam->value, scope).empty()) return true;
  return call.withSequence.has_value();
}

FanOutResult expandFanOut(const Invocation& call, const Params& scope, std::size_t maxItems) {
  FanOutResult r;
  std::vector<GoJson> items;
  const std::string& name = call.name.value;

  if (call.withItems && !call.withItems->empty()) {
    if (call.withItems->size() > maxItems) {
      r.error = limitError(std::to_string(call.withItems->size()), maxItems);
      return r;
    }
    for (const auto& v : *call.withItems) {
      GoJson item;
      if (auto e = fromYaml(v.value, item, 0)) {
        r.error = *e;
        return r;
      }
      items.push_back(std::move(item));
    }
  } else if (call.withParam && !substituteParams(call.withParam->value, scope).empty()) {
    const std::string text = substituteParams(call.withParam->value, scope);
    auto parseError = [&](const std::string& detail) {
      r.error = "withParam value could not be parsed as a JSON list: " + trimSpace(text) + ": " + detail;
    };
    // First only check it and count the elements, so a huge list is refused before anything is built.
    const GoJsonShape shape = checkGoJson(text);
    const char kind = shape.first;
    std::optional<std::string> detail = shape.error;
    if (!detail && kind != '[' && kind != 'n') {
      const char* what = kind == '{'                    ? "object"
                         : kind == '"'                  ? "string"
                         : (kind == 't' || kind == 'f') ? "bool"
                                                        : "number";
      detail = std::string("json: cannot unmarshal ") + what + " into Go value of type []v1alpha1.Item";
    }
    if (detail) {
      if (whenIsFalse(call, scope)) {
        r.ok = true;
        return r;
      }
      parseError(*detail);
      return r;
    }
    if (kind == '[') { // `null` is an empty list to Go
      if (shape.listLength > maxItems) {
        r.error = limitError(std::to_string(shape.listLength), maxItems);
        return r;
      }
      items = std::move(parseGoJson(text, GoJsonTarget::RawMessage).value.list);
    }
  } else if (call.withSequence) {
    bool limitHit = false;
    if (auto e = expandSequence(*call.withSequence, scope, maxItems, items, limitHit)) {
      if (!limitHit && whenIsFalse(call, scope)) {
        r.ok = true;
        return r;
      }
      r.error = *e;
      return r;
    }
  } else {
    r.error = "expandStep() was called with withItems and withParam empty";
    return r;
  }

  r.items.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i)
    r.items.push_back(processItem(name, i, items[i]));
  r.ok = true;
  return r;
}

} // namespace argosim
