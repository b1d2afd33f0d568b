// KoreanSegmenter: the ways to read a run of Hangul as a compound noun.
//
// Korean writes compound nouns with or without spaces: 강화학습 and 강화 학습,
// 대규모언어모델 and 대규모 언어 모델. The query builder asks for the
// segmentations of a query word, keeps those whose parts are all in the index
// vocabulary, and searches them as phrases, so either spelling finds both.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

// Splits of `joined_stem` (a Hangul stem, see korean_stem) into parts of at
// least two syllables: the whole word first, then two parts, then three...;
// for a given number of parts, earlier splits first. At most `max_results`.
// A word that is not all Hangul gives just itself.
//   "강화학습" -> {{"강화학습"}, {"강화", "학습"}}
std::vector<std::vector<std::string>> hangul_segmentations(std::string_view joined_stem,
                                                           size_t max_results);

// True if `term` is non-empty and all Hangul (syllables or jamo): a term the
// segmenter applies to.
bool is_hangul_term(std::string_view term);

}  // namespace papers
