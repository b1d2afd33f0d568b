#include "analyzers/korean_pairs.h"

namespace papers {

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

std::optional<std::string> KoreanPairs::next(const Term& term) {
    std::optional<std::string> joined;
    const bool hangul = term.kind == TermKind::Hangul;
    if (previous_hangul_ && hangul && term.position == previous_position_ + 1 &&
        only_spaces_between(text_, previous_end_, term.start))
        joined = previous_stem_ + term.text;
    previous_hangul_ = hangul;
    previous_position_ = term.position;
    previous_end_ = term.end;
    if (hangul) previous_stem_ = term.text;
    return joined;
}

}  // namespace papers
