#include "analyzers/utf8.h"

#include <cstdint>

namespace papers {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if invalid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
size_t valid_sequence_length(std::string_view s, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
    const uint8_t b0 = byte(i);
    if (b0 < 0x80) return 1;
    size_t len;
    uint32_t cp;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
    if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
    return len;
}

// Decodes the code point of a valid sequence of length `len` at s[i].
uint32_t decode(std::string_view s, size_t i, size_t len) {
    const auto b = [&](size_t k) { return static_cast<uint8_t>(s[i + k]); };
    switch (len) {
        case 1:
            return b(0);
        case 2:
            return ((b(0) & 0x1Fu) << 6) | (b(1) & 0x3Fu);
        case 3:
            return ((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
        default:
            return ((b(0) & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) |
                   (b(3) & 0x3Fu);
    }
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

std::string sanitize_utf8(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (size_t i = 0; i < in.size();) {
        const size_t len = valid_sequence_length(in, i);
        if (len == 0) {
            out += kReplacement;
            ++i;
        } else {
            out.append(in.data() + i, len);
            i += len;
        }
    }
    return out;
}

bool is_valid_utf8(std::string_view in) {
    for (size_t i = 0; i < in.size();) {
        const size_t len = valid_sequence_length(in, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

void append_utf8(std::string& out, uint32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string printable(std::string_view in) {
    static const char* const kHex = "0123456789abcdef";
    std::string out;
    out.reserve(in.size());
    for (size_t i = 0; i < in.size();) {
        size_t len = valid_sequence_length(in, i);
        if (len == 0) {  // defensive: callers should have sanitised already
            out += kReplacement;
            ++i;
            continue;
        }
        const uint32_t cp = decode(in, i, len);
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            out += ' ';
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            // Control characters from input (ESC sequences, BEL...) are shown,
            // not obeyed: "\x1b" prints as the four characters \x1b.
            out += "\\x";
            if (cp > 0xFF) out += kHex[(cp >> 12) & 0xF], out += kHex[(cp >> 8) & 0xF];
            out += kHex[(cp >> 4) & 0xF];
            out += kHex[cp & 0xF];
        } else if (cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
                   (cp >= 0x2066 && cp <= 0x2069)) {
            // Line separators and bidi overrides can rearrange a terminal line.
            out += ' ';
        } else {
            out.append(in.data() + i, len);
        }
        i += len;
    }
    return out;
}

}  // namespace papers
