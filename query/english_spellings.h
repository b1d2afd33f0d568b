// English terms in any spelling: "fine-tuning", "fine tuning" and
// "finetuning", "GPT-4" and "GPT4". Summaries write a term all three ways
// (on the shared corpus: 71 papers hyphenate fine-tuning, 417 write
// finetuning), and a user types whichever comes to mind. How a query uses
// them is query/text_query.h's; this file finds the other spellings from
// the words and the index.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

#include "analyzers/analyzer.h"

namespace papers {

// The term of two words written together ("fine" + "tuning" -> the stem of
// "finetuning"), when the analyser reads them as one word.
std::optional<std::string> joined_term(const Analyzer& analyzer, std::string_view first,
                                       std::string_view second);

// The two words a typed word is written together from, as terms ("gpt4" ->
// "gpt", "4"; "finetuning" -> "fine", "tune"): the split whose pair
// (analyzers/word_pairs.h) the most papers write, when at least
// kMinSplitPapers do and at least one in kSplitShare of the word's own.
// "another" is not "an other": the papers writing that pair are a sliver of
// those writing the word.
struct SplitWord {
    std::string first, second;
};
inline constexpr Xapian::doccount kMinSplitPapers = 2;
inline constexpr Xapian::doccount kSplitShare = 50;
std::optional<SplitWord> split_word(const Analyzer& analyzer, const Xapian::Database& db,
                                    std::string_view word, std::string_view term);

}  // namespace papers
