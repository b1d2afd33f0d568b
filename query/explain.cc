#include "query/explain.h"

#include <algorithm>

#include "analyzers/schema.h"
#include "query/text_weight.h"

namespace papers {
namespace {

// The paper's unique id term (schema::kIdPrefix), by which one paper is
// picked out: a filter, not a MatchDecider, which the remote backend cannot
// run (query/index_source.h).
std::string id_term_of(const Xapian::Document& doc) {
    auto it = doc.termlist_begin();
    it.skip_to(std::string(schema::kIdPrefix));
    if (it == doc.termlist_end() || (*it).compare(0, schema::kIdPrefix.size(), schema::kIdPrefix))
        return {};
    return *it;
}

// The field a term is in, and its text; an unprefixed term is the
// all-fields copy, and an exact author key is the author field's.
std::pair<std::string, std::string> split_field(const std::string& term) {
    const schema::TermParts parts = schema::classify_term(term);
    if (parts.kind == schema::TermKind::Field)
        return {std::string(parts.field->name), std::string(parts.text)};
    if (parts.kind == schema::TermKind::AuthorKey) return {"author", std::string(parts.text)};
    return {"text", term};
}

// The term's BM25 weight in the one paper with `id_term`: the filter
// weighs nothing and changes no statistic.
double weight_alone(const Xapian::Database& db, const std::string& term,
                    const std::string& id_term) {
    if (id_term.empty()) return 0;
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(text_weight());
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term), Xapian::Query(id_term)));
    const Xapian::MSet mset = enquire.get_mset(0, 1);
    return mset.empty() ? 0 : mset.begin().get_weight();
}

}  // namespace

const char* origin_name(TermOrigin origin) {
    switch (origin) {
        case TermOrigin::Typed:
            return "typed";
        case TermOrigin::KoreanVariant:
            return "korean spelling";
        case TermOrigin::EnglishVariant:
            return "english spelling";
        case TermOrigin::Synonym:
            return "synonym";
        case TermOrigin::WordPair:
            return "phrase";
        case TermOrigin::Related:
            return "related";
    }
    return "typed";
}

Explanation explain_match(const Xapian::Database& db, const Xapian::Enquire& enquire,
                          const Xapian::MSetIterator& it, const TermOrigins& origins,
                          double votes_weight) {
    Explanation explanation;
    const Xapian::Document doc = it.get_document();
    const std::string id_term = id_term_of(doc);
    if (votes_weight > 0)
        explanation.votes_score =
            votes_weight * schema::vote_prior_of_value(doc.get_value(schema::kSlotVotePrior));
    explanation.text_score = std::max(0.0, it.get_weight() - explanation.votes_score);
    for (auto term = enquire.get_matching_terms_begin(it);
         term != enquire.get_matching_terms_end(it); ++term) {
        if (schema::is_filter_term(*term)) continue;
        MatchedTerm matched;
        std::tie(matched.field, matched.term) = split_field(*term);
        const auto origin = origins.find(*term);
        if (origin != origins.end()) matched.origin = origin->second;
        matched.weight = weight_alone(db, *term, id_term);
        explanation.terms.push_back(std::move(matched));
    }
    std::stable_sort(
        explanation.terms.begin(), explanation.terms.end(),
        [](const MatchedTerm& a, const MatchedTerm& b) { return a.weight > b.weight; });
    return explanation;
}

}  // namespace papers
