// KoreanStemmer: a Hangul word -> its stem, by longest-match suffix stripping.
//
// Korean glues particles (조사) and verb endings (어미) to words, so
//   모델을, 모델은, 모델들은, 모델에서는            -> 모델
//   제안합니다, 제안했습니다, 제안된, 제안하는      -> 제안
//   학습시키는, 학습하여, 학습된                     -> 학습
//   효율적인, 효율적으로                             -> 효율
// The tables, the rules that keep nouns like 평가, 정확도 and 파이프라인
// whole, and the corpus counts behind them are in korean_stemmer.cc.
//
// Index and query text go through the same function, so what matters most
// is that every form of a word lands on one term.
#pragma once

#include <string_view>

namespace papers {

// `word` is one run of Hangul, already normalised (see text_normalizer.h).
// Returns a prefix of `word`: the stem, or "" when the word is only particles
// ("들은" glued to a Latin word, a lone "의") or a function word ("및").
std::string_view korean_stem(std::string_view word);

}  // namespace papers
