// Loanwords: Hangul transliterations of English terms (토크나이저 =
// tokenizer, 포인트 클라우드 = point cloud). The corpus rarely writes them as
// `한국어(English)` pairs, so the glossary (analyzers/glossary.h) misses them;
// they are found by sound instead. Both spellings are reduced to a consonant
// skeleton: Hangul through its romanisation (the writing system, computed
// from the syllable's code point, no word list), English through a few
// spelling-to-sound rules. Equal skeletons make a candidate pair, which the
// indexer keeps only when the papers confirm it (indexer/loanword_learner.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace papers {

// The Latin letters of the Hangul syllables of `text` (Revised Romanisation,
// initial ㅇ silent, finals as pronounced alone): 토크나이저 -> "tokeunaijeo".
// Anything that is not a precomposed Hangul syllable is left out.
std::string romanize_hangul(std::string_view text);

// The consonant skeleton of a sound spelling, in nine classes: p (b p f v),
// t (d t), k (g k c q), s, j (j z ch), m, n, l (l r), h. Vowels, y and w
// are dropped; a letter repeated without a vowel between counts once. A
// word that starts with a vowel starts its skeleton with 'a', so that 입술
// ("ipsul") is not "facial". "tokeunaijeo" -> "tknj", "eotensyeon" -> "atnsn".
std::string consonant_skeleton(std::string_view latin);

// How many consonants a skeleton holds (its leading 'a' is none).
size_t skeleton_consonants(std::string_view skeleton);

// The skeleton of an English word (lower case ASCII letters), after the
// spelling rules Hangul transliteration follows: "tion" and "sh" sound s,
// "ture" ch, c and g before e i y sound s and j, "ph" f, "th" s, x ks,
// and r is silent before a consonant or at the end ("benchmark",
// "transformer"). "tokenizer" -> "tknj".
std::string english_skeleton(std::string_view word);

// The skeleton of a Korean word: consonant_skeleton(romanize_hangul(word)).
std::string korean_skeleton(std::string_view word);

// The synonym keys of a learned loanword (schema::kLoanwordKey): the other
// language's stems of a word, and the English stems of a skeleton, so that
// an unseen spelling variant (토커나이저 for 토크나이저) finds them.
std::string loanword_key(std::string_view stem);
std::string loanword_skeleton_key(std::string_view skeleton);

// A Korean word fewer papers write than this is not learned, and may be an
// unseen spelling of one that is (indexer/loanword_learner.h).
inline constexpr size_t kLoanwordMinPapers = 2;

// Skeletons of fewer consonants match too many words to be read at query time.
inline constexpr size_t kMinQuerySkeleton = 3;

}  // namespace papers
