#include "engine/parse/yaml_encoding.hpp"

#include <cstdint>
#include <cstdio>
#include <string>

namespace argosim::parse_detail {
namespace {

std::string hexByte(unsigned char byte) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", byte);
  return buf;
}

std::string codePoint(std::uint32_t value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(value));
  return buf;
}

// YAML 1.1 §5.1 c-printable, the set go-yaml's reader lets through (CR is already LF here).
bool printable(std::uint32_t c) {
  return c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x20 && c <= 0x7E) || c == 0x85 ||
         (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

struct Decoded {
  std::uint32_t value = 0;
  std::size_t length = 1;
  const char* problem = nullptr; // go-yaml's words when the bytes are not UTF-8
  std::string detail;
};

// One UTF-8 sequence at text[i], judged in the order go-yaml's reader judges it.
Decoded decodeAt(std::string_view text, std::size_t i) {
  Decoded d;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    d.value = lead;
    return d;
  }
  if ((lead & 0xE0) == 0xC0)
    d.length = 2, d.value = lead & 0x1F;
  else if ((lead & 0xF0) == 0xE0)
    d.length = 3, d.value = lead & 0x0F;
  else if ((lead & 0xF8) == 0xF0)
    d.length = 4, d.value = lead & 0x07;
  else {
    d.problem = "invalid leading UTF-8 octet";
    d.detail = hexByte(lead);
    return d;
  }
  if (text.size() - i < d.length) {
    d.problem = "incomplete UTF-8 octet sequence";
    d.detail = hexByte(lead);
    return d;
  }
  for (std::size_t k = 1; k < d.length; ++k) {
    const unsigned char trail = byte(i + k);
    if ((trail & 0xC0) != 0x80) {
      d.problem = "invalid trailing UTF-8 octet";
      d.detail = hexByte(trail);
      return d;
    }
    d.value = (d.value << 6) | (trail & 0x3F);
  }
  // An overlong form (a character written with more bytes than it needs) is refused, as Go's reader does.
  const std::uint32_t smallest = d.length == 2 ? 0x80 : d.length == 3 ? 0x800 : 0x10000;
  if (d.value < smallest) {
    d.problem = "invalid length of a UTF-8 sequence";
    d.detail = hexByte(lead);
  } else if ((d.value >= 0xD800 && d.value <= 0xDFFF) || d.value > 0x10FFFF) {
    d.problem = "invalid Unicode character";
    d.detail = codePoint(d.value);
  }
  return d;
}

} // namespace

bool checkYamlCharacters(std::string_view text, Diagnostics& diagnostics) {
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") return true;
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < text.size();) {
    Decoded d = decodeAt(text, i);
    std::string message;
    if (d.problem)
      message = std::string(d.problem) + " (" + d.detail + "): Kubernetes reads manifests as UTF-8 only";
    else if (!printable(d.value))
      message = "control characters are not allowed (" + codePoint(d.value) +
                "): Kubernetes' YAML reader refuses the text";
    if (!message.empty()) {
      diagnostics.push_back({Severity::Error, {line, column}, "", std::move(message)});
      return false;
    }
    if (d.value == '\n')
      ++line, column = 1;
    else
      column += static_cast<int>(d.length);
    i += d.length;
  }
  return true;
}

} // namespace argosim::parse_detail
