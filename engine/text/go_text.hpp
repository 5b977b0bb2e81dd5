// How Go writes and reads text: strconv.Quote, utf8.EncodeRune/DecodeRuneInString, as Argo's messages need.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace argosim {

// strconv.Quote for the bytes Go escapes in ASCII (`\n`, `\x01`, …); other bytes, UTF-8 included, pass
// through.
std::string goQuote(std::string_view s);

// Appends Go's escape for an ASCII byte that strconv.Quote escapes, other than the quote characters; false
// (and nothing appended) for a byte it keeps as it is.
bool appendGoEscape(std::string& out, unsigned char c);

// encoding/json's Marshal of a string, quotes included: HTML-safe (<, >, & as \u003c, …), Go ≥ 1.22's short
// \b and \f, U+2028/U+2029 escaped, invalid UTF-8 as \ufffd.
std::string goJsonQuote(std::string_view s);

// utf8.EncodeRune: surrogates and values past U+10FFFF become U+FFFD.
void appendUtf8(std::string& out, char32_t rune);

struct DecodedRune {
  char32_t rune = 0;
  std::size_t size = 0; // bytes read: 1 for an invalid byte, 0 at the end of `s`
  bool valid = false;
};

// utf8.DecodeRuneInString at `at`: an invalid or truncated sequence, an overlong form or a surrogate reads as
// one byte of U+FFFD.
DecodedRune decodeUtf8(std::string_view s, std::size_t at);

} // namespace argosim
