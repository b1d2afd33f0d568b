// UTF-8 hygiene: everything downstream of input sees valid UTF-8, and nothing
// from input reaches a terminal as a raw control character.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace papers {

// Returns `in` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string sanitize_utf8(std::string_view in);

// True if `in` is entirely valid UTF-8.
bool is_valid_utf8(std::string_view in);

// Appends code point `cp` as UTF-8; surrogates and values above U+10FFFF
// become U+FFFD.
void append_utf8(std::string& out, uint32_t cp);

// For display: C0/C1 control characters become visible escapes (ESC prints
// as the four characters \x1b), tabs, newlines and bidi overrides become a
// space. Invalid UTF-8 becomes U+FFFD.
std::string printable(std::string_view in);

}  // namespace papers
