#include "analyzers/word_pairs.h"

#include "analyzers/utf8.h"

namespace papers {
namespace {

enum class Script { Korean, English, Other };

// By the first code point: Hangul syllables, or Latin, Greek, Cyrillic and
// digits (one- and two-byte UTF-8), which the Analyzer gives as words.
Script script_of(std::string_view term) {
    if (term.empty()) return Script::Other;
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(term[i]); };
    if (byte(0) < 0x80) return Script::English;
    if (byte(0) >= 0xC2 && byte(0) < 0xE0) return Script::English;
    return hangul_syllable_at(term, 0) ? Script::Korean : Script::Other;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// English words pair across spaces or one joiner of a mixed token.
bool english_gap(std::string_view text, uint32_t from, uint32_t to) {
    if (from >= to || to > text.size()) return false;
    if (to == from + 1 && std::string_view("-_./").find(text[from]) != std::string_view::npos)
        return true;
    for (uint32_t i = from; i < to; ++i)
        if (!is_space(text[i])) return false;
    return true;
}

}  // namespace

std::optional<std::string> pair_term(std::string_view first, std::string_view second) {
    const Script script = script_of(first);
    if (script == Script::Other || script_of(second) != script) return std::nullopt;
    std::string pair(first);
    if (script == Script::English) pair += ' ';
    pair += second;
    return pair;
}

bool only_spaces_between(std::string_view text, uint32_t from, uint32_t to) {
    if (from > to || to > text.size()) return false;
    for (uint32_t i = from; i < to; ++i)
        if (text[i] != ' ' && text[i] != '\t') return false;
    return true;
}

bool is_korean_pair(std::string_view text, const Term& first, const Term& second) {
    return first.kind == TermKind::Hangul && second.kind == TermKind::Hangul &&
           second.position == first.position + 1 &&
           only_spaces_between(text, first.end, second.start);
}

std::optional<std::string> WordPairs::next(const Term& term) {
    if (term.kind == TermKind::Compound) return std::nullopt;
    std::optional<std::string> pair;
    if (have_previous_ && term.position == previous_position_ + 1) {
        const bool korean = term.kind == TermKind::Hangul;
        const bool apart = korean ? only_spaces_between(text_, previous_end_, term.start)
                                  : english_gap(text_, previous_end_, term.start);
        if (apart) pair = pair_term(previous_text_, term.text);
    }
    have_previous_ = true;
    previous_position_ = term.position;
    previous_end_ = term.end;
    previous_text_ = term.text;
    return pair;
}

}  // namespace papers
