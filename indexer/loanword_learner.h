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

// A candidate is kept when at least kLoanwordMinPapers papers
// (analyzers/loanwords.h) write both words and they are at least
// kLoanwordShare of the Korean word's papers.
// A skeleton shorter than kLoanwordShortSkeleton (비디오 / video: "pt")
// matches many words, and needs kLoanwordShortMinPapers and
// kLoanwordShortShare; one of a single consonant is never enough.
inline constexpr double kLoanwordShare = 0.5;
inline constexpr size_t kLoanwordShortSkeleton = 3;
inline constexpr size_t kLoanwordShortMinPapers = 5;
inline constexpr double kLoanwordShortShare = 0.7;

struct Loanword {
    std::string korean_stem;   // "토크나이저"
    std::string english_stem;  // "token"
    std::string skeleton;      // "tknj"
    size_t papers = 0;         // papers writing both
    size_t korean_papers = 0;  // papers writing the Korean word
};

// The loanwords `db` supports, the best English stem for each Korean word.
std::vector<Loanword> learned_loanwords(const Xapian::Database& db, const Analyzer& analyzer);

}  // namespace papers
