#include "query/explain.h"

#include <algorithm>

#include "analyzers/schema.h"
#include "query/text_weight.h"

namespace papers {
namespace {

// Accepts one document: scores a term in one paper without a query on its id.
class OnlyDocument : public Xapian::MatchDecider {
  public:
    explicit OnlyDocument(Xapian::docid id) : id_(id) {}
    bool operator()(const Xapian::Document& doc) const override { return doc.get_docid() == id_; }

  private:
    Xapian::docid id_;
};

// The field a term is in, and its text; an unprefixed term is the
// all-fields copy, and an exact author key is the author field's.
std::pair<std::string, std::string> split_field(const std::string& term) {
    const schema::TermParts parts = schema::classify_term(term);
    if (parts.kind == schema::TermKind::Field)
        return {std::string(parts.field->name), std::string(parts.text)};
    if (parts.kind == schema::TermKind::AuthorKey) return {"author", std::string(parts.text)};
    return {"text", term};
}

double weight_alone(const Xapian::Database& db, const std::string& term, Xapian::docid id) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(text_weight());
    enquire.set_query(Xapian::Query(term));
    const OnlyDocument only(id);
    const Xapian::MSet mset = enquire.get_mset(0, 1, nullptr, &only);
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
        matched.weight = weight_alone(db, *term, *it);
        explanation.terms.push_back(std::move(matched));
    }
    std::stable_sort(
        explanation.terms.begin(), explanation.terms.end(),
        [](const MatchedTerm& a, const MatchedTerm& b) { return a.weight > b.weight; });
    return explanation;
}

}  // namespace papers
