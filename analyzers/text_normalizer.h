// TextNormalizer: the one place where text is folded for matching.
//
//   NFKC + Unicode case folding (ICU's NFKC_Casefold: "ＧＰＴ" -> "gpt", "ß" -> "ss")
//   then diacritics removed ("José" -> "jose", "naïve" -> "naive").
//
// Hangul syllables always come out precomposed, so Korean terms stay what a
// user types. Input must be valid UTF-8 (see sanitize_utf8).
#pragma once

#include <string>
#include <string_view>

namespace papers {

// Writes the normalised form of `in` to `out` (replacing its contents).
// ASCII and Hangul-only input takes a fast path that never touches ICU.
void normalize_text(std::string_view in, std::string& out);

std::string normalize_text(std::string_view in);

}  // namespace papers
