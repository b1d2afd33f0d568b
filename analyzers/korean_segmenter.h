// The ways to read a run of Hangul as a compound noun.
//
// Korean writes compound nouns with or without spaces: 강화학습 and 강화 학습,
// 대규모언어모델 and 대규모 언어 모델. The query builder asks for the splits of
// a query compound into words the index knows, and searches each as a
// phrase, so either spelling finds both.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

using IsKnownWord = std::function<bool(const std::string& word)>;

// Splits of `joined` (Hangul stems run together) into parts of at least two
// syllables, each of which `known` accepts: fewest parts first (the whole
// word, if known, comes first), at most `max_results`.
//   "강화학습" with 강화, 학습 and 강화학습 known -> {{"강화학습"}, {"강화", "학습"}}
std::vector<std::vector<std::string>> known_splits(std::string_view joined, size_t max_results,
                                                   const IsKnownWord& known);

}  // namespace papers
