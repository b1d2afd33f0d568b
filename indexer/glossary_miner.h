// Mines `한국어 용어(English term)` pairs from summary text for the glossary
// (analyzers/glossary.h), as the summaries write them:
//   확산 모델(diffusion models)의            -> 확산 모델 / diffusion models
//   강화 학습(Reinforcement Learning, RL)    -> 강화 학습 / reinforcement learning
//
// The Korean side is the run of Hangul words right before "(" (one space
// allowed before it). How many of those words belong to the term is not
// decided here: every span of 1..N trailing words is a candidate, N being at
// most the English word count ("pre-trained" counts 2) and at most 4, and
// the corpus counts pick the best-supported span (learned_glossary). A run
// stops at a word that carries a particle or ending ("위한", "모델의") or
// modifies the term ("새로운", "특히"): terms are nouns. A span must have
// more syllables than the English has words: a Korean term that short is
// only part of the translation ("연구" for "ablation studies", "키" for "key").
//
// Rejected as noise: parentheses holding Hangul, digits first, URLs, any
// punctuation but "-" and "'", more than 6 words, or only an abbreviation
// ("(RL)", "(LLMs)"). An abbreviation after the term ("..., RL") is
// dropped: abbreviations are ambiguous across papers, the full term is not.
#pragma once

#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/glossary.h"

namespace papers {

// Candidate pairs in `text` (valid UTF-8), keys analysed with `analyzer`.
// A pair may repeat; the caller adds each as a boolean term.
std::vector<GlossaryPair> mine_glossary_pairs(std::string_view text, const Analyzer& analyzer);

}  // namespace papers
