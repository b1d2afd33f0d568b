// UTF-8 hygiene: everything downstream of input sees valid UTF-8, and nothing
// from input reaches a terminal as a raw control character.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace papers {

// The precomposed Hangul syllables, U+AC00..U+D7A3 (19 initials x 21
// medials x 28 finals), each three bytes of UTF-8.
inline constexpr char32_t kFirstHangulSyllable = 0xAC00;
inline constexpr char32_t kLastHangulSyllable = 0xD7A3;
inline constexpr size_t kHangulSyllableCount = kLastHangulSyllable - kFirstHangulSyllable + 1;
inline constexpr size_t kHangulSyllableBytes = 3;

constexpr bool is_hangul_syllable(char32_t c) {
    return c >= kFirstHangulSyllable && c <= kLastHangulSyllable;
}

// The Hangul syllable whose UTF-8 starts at text[at], or 0 when there is
// none there (another character, a cut or invalid sequence).
constexpr char32_t hangul_syllable_at(std::string_view text, size_t at) {
    if (at + kHangulSyllableBytes > text.size()) return 0;
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[at + i]); };
    if ((byte(0) & 0xF0) != 0xE0 || (byte(1) & 0xC0) != 0x80 || (byte(2) & 0xC0) != 0x80) return 0;
    const char32_t c = ((byte(0) & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
    return is_hangul_syllable(c) ? c : 0;
}

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
