// Learns loanwords from the corpus (analyzers/loanwords.h): a Korean word of
// the spelling table and an English one whose consonant skeletons agree
// (토크나이저 / tokenizer: "tknj") are a candidate, kept when the papers
// writing the Korean word mostly write the English one too. Sound alone
// pairs 데이터 with "date"; the papers do not.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/loanwords.h"

namespace papers {

// The papers are mostly Korean, so most papers writing 토크나이저 do not
// write "tokenizer" too (7 of 23 on the shared corpus); what tells a
// loanword is that they write it far more often than the others do. A
// candidate is kept when at least kLoanwordMinPapers papers
// (analyzers/loanwords.h) write both words, that is at least
// kLoanwordMinLift times as many as if the words were independent, and at
// least kLoanwordKoreanShare of the Korean word's papers and
// kLoanwordEnglishShare of the English word's. A skeleton of fewer than
// kLoanwordShortSkeleton consonants (비디오 / video: "pt") matches many
// words, and needs kLoanwordShortMinPapers and kLoanwordShortMinLift; one
// of a single consonant is never enough. 모델 / model (lift 1.1: nearly
// every paper writes both) is not learned, and need not be.
inline constexpr double kLoanwordMinLift = 2.5;
inline constexpr double kLoanwordKoreanShare = 0.1;
inline constexpr double kLoanwordEnglishShare = 0.05;
inline constexpr size_t kLoanwordShortSkeleton = 3;
inline constexpr size_t kLoanwordShortMinPapers = 5;
inline constexpr double kLoanwordShortMinLift = 4;
// Two words: a learned one and one whose sound matches an English word
// written next to the first's English (포인트 클라우드 / point cloud: "pnt" +
// "klt"). Six consonants rarely agree by chance, and the English pair is
// rare in a Korean corpus (3 papers write "point cloud", 23 포인트 클라우드),
// so one paper writing both pairs is enough.
inline constexpr size_t kLoanwordPairMinPapers = 1;

struct Loanword {
    std::string korean_stem;    // "토크나이저"
    std::string english_stem;   // "token"
    std::string skeleton;       // "tknj"
    size_t papers = 0;          // papers writing both
    size_t korean_papers = 0;   // papers writing the Korean word
    size_t english_papers = 0;  // papers writing the English stem
    double lift = 0;            // papers / (papers expected if independent)
};

// The loanwords `db` supports, the best English stem for each Korean word,
// then the two-word ones.
std::vector<Loanword> learned_loanwords(const Xapian::Database& db, const Analyzer& analyzer);

}  // namespace papers
