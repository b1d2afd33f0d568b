// Pseudo-relevance feedback for the papers with only some of the words: the
// best papers of the query are taken as relevant, and the words that best
// tell them apart (their expand set, query/similar.h) rank the rest. A
// Korean query's best papers also write the English of their titles and
// the other spelling of a loanword (긴 동영상 생성 -> long, video, 비디오), so
// the papers that say it in other words rise among those with some of the
// query's words. They only order those papers: a paper without any word of
// the query is not added, so the list stays what it says it is.
//
// Measured with tools/eval/relevance_eval, topic-tune / topic-test nDCG@10
// 0.698 / 0.687 without, 0.726 / 0.709 with (README, Ranking). Ranking the
// papers with every word by it as well gained 0.006 more on topic-tune and
// lost known-item queries (known-ko-join MRR@10 0.992 -> 0.969): those are
// ranked by the query alone.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace papers {

// Papers of the query taken as relevant, terms of their expand set added,
// and what those terms weigh against the query's own.
inline constexpr Xapian::doccount kFeedbackPapers = 10;
inline constexpr Xapian::termcount kFeedbackTerms = 40;
inline constexpr double kFeedbackWeight = 0.5;

struct Feedback {
    Xapian::Query query;             // OR of the terms, scaled; empty when none
    std::vector<std::string> terms;  // best first
};

// The feedback of `query`'s kFeedbackPapers best papers by text relevance.
Feedback query_feedback(const Xapian::Database& db, const Xapian::Query& query);

// `some_words` ordered by `feedback` too, matching the same papers.
Xapian::Query ranked_by_feedback(const Xapian::Query& some_words, const Feedback& feedback);

}  // namespace papers
