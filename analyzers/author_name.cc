#include "analyzers/author_name.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "analyzers/text_normalizer.h"

namespace papers {
namespace {

bool is_word_char(UChar32 c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    const int8_t type = u_charType(c);
    return (type >= U_UPPERCASE_LETTER && type <= U_OTHER_LETTER) ||
           type == U_DECIMAL_DIGIT_NUMBER || type == U_NON_SPACING_MARK ||
           type == U_COMBINING_SPACING_MARK;
}

// Hyphens and apostrophes stay inside a name (jean-pierre, o'brien).
bool is_inner_joiner(UChar32 c) {
    return c == '-' || c == '\'' || c == 0x2019 || c == 0x2010;
}

UChar32 code_point_at(std::string_view s, int32_t& i) {
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    return c < 0 ? 0xFFFD : c;
}

// "Zhang, Ge" -> "Ge Zhang". Only with exactly one comma: "A, B, C" is a list.
std::string written_order(std::string_view name) {
    const size_t comma = name.find(',');
    if (comma == std::string_view::npos || name.find(',', comma + 1) != std::string_view::npos) {
        return std::string(name);
    }
    std::string out(name.substr(comma + 1));
    out += ' ';
    out += name.substr(0, comma);
    return out;
}

}  // namespace

std::vector<std::string> author_name_words(std::string_view name) {
    const std::string folded = normalize_text(written_order(name));
    std::vector<std::string> words;
    std::string word;
    for (int32_t i = 0; i < static_cast<int32_t>(folded.size());) {
        const int32_t at = i;
        const UChar32 c = code_point_at(folded, i);
        if (is_word_char(c)) {
            word.append(folded, static_cast<size_t>(at), static_cast<size_t>(i - at));
            continue;
        }
        if (is_inner_joiner(c) && !word.empty() && i < static_cast<int32_t>(folded.size())) {
            int32_t peek = i;
            if (is_word_char(code_point_at(folded, peek))) {
                word += c == '-' || c == 0x2010 ? '-' : '\'';
                continue;
            }
        }
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::string author_key(std::string_view name) {
    std::vector<std::string> words = author_name_words(name);
    std::sort(words.begin(), words.end());
    std::string key;
    for (const std::string& w : words) {
        if (!key.empty()) key += ' ';
        key += w;
    }
    return key;
}

}  // namespace papers
