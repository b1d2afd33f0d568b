#include "query/feedback.h"

#include "query/similar.h"
#include "query/text_weight.h"

namespace papers {

Feedback query_feedback(const Xapian::Database& db, const Xapian::Query& query) {
    Feedback feedback;
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(text_weight());
    const Xapian::MSet best = enquire.get_mset(0, kFeedbackPapers);
    std::vector<Xapian::docid> papers;
    for (auto it = best.begin(); it != best.end(); ++it) papers.push_back(*it);
    if (papers.empty()) return feedback;
    feedback.terms = topic_terms(db, papers, kFeedbackTerms);
    if (feedback.terms.empty()) return feedback;
    feedback.query = Xapian::Query(
        Xapian::Query::OP_SCALE_WEIGHT,
        Xapian::Query(Xapian::Query::OP_OR, feedback.terms.begin(), feedback.terms.end()),
        kFeedbackWeight);
    return feedback;
}

Xapian::Query ranked_by_feedback(const Xapian::Query& some_words, const Feedback& feedback) {
    if (feedback.query.empty()) return some_words;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, some_words, feedback.query);
}

}  // namespace papers
