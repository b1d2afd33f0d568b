#include "query/similar.h"

#include <map>

#include "analyzers/schema.h"
#include "analyzers/word_pairs.h"

namespace papers {
namespace {

bool has_letter(const std::string& term) {
    for (const char c : term) {
        const auto byte = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || byte >= 0x80) return true;
    }
    return false;
}

// Keeps the paper's free-text terms that say what it is about. An author's
// name is indexed as free text too ("zhang"); a term whose every occurrence
// is in the author field would make "similar" mean "shares a surname".
class TopicTerms : public Xapian::ExpandDecider {
  public:
    TopicTerms(const Xapian::Database& db, const std::vector<Xapian::docid>& papers) : db_(db) {
        for (const Xapian::docid paper : papers) add_names(paper);
    }

    bool operator()(const std::string& term) const override {
        if (!schema::is_free_text_term(term) || !has_letter(term)) return false;
        // An English pair (analyzers/word_pairs.h) counts its words again,
        // and of two author names it is a name: likeness is by words.
        if (is_english_pair_term(term)) return false;
        if (db_.get_termfreq(term) < 2) return false;  // in no other paper: finds nothing
        for (const auto& name : names_only_)
            if (name == term) return false;
        return true;
    }

  private:
    void add_names(Xapian::docid paper) {
        std::map<std::string, Xapian::termcount> in_names;
        for (auto it = db_.termlist_begin(paper); it != db_.termlist_end(paper); ++it) {
            const std::string term = *it;  // the parts are views into it
            const schema::TermParts parts = schema::classify_term(term);
            if (parts.kind == schema::TermKind::Field &&
                parts.field->analysis == schema::Analysis::Author && !parts.text.empty())
                in_names[std::string(parts.text)] = it.get_wdf();
        }
        for (auto it = db_.termlist_begin(paper); it != db_.termlist_end(paper); ++it) {
            const auto name = in_names.find(*it);
            if (name != in_names.end() && name->second == it.get_wdf()) names_only_.push_back(*it);
        }
    }

    const Xapian::Database& db_;
    std::vector<std::string> names_only_;
};

}  // namespace

std::vector<std::string> topic_terms(const Xapian::Database& db,
                                     const std::vector<Xapian::docid>& papers,
                                     Xapian::termcount max_terms) {
    const TopicTerms decider(db, papers);
    Xapian::RSet relevant;
    for (const Xapian::docid paper : papers) relevant.add_document(paper);
    Xapian::Enquire enquire(db);
    // Bo1 (divergence from randomness) favours the words a paper repeats over
    // the merely rare ones it mentions once ("video", 확산 over "via", 닮은);
    // its neighbours on the shared corpus were more on topic than with the
    // default TradEWeight (README, papers similar).
    enquire.set_expansion_scheme("bo1");
    const Xapian::ESet eset = enquire.get_eset(max_terms, relevant, &decider);
    std::vector<std::string> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it) terms.push_back(*it);
    return terms;
}

std::optional<SimilarQuery> similar_query(const Xapian::Database& db, const std::string& id_term,
                                          Xapian::termcount max_terms) {
    const auto posting = db.postlist_begin(id_term);
    if (posting == db.postlist_end(id_term)) return std::nullopt;
    SimilarQuery similar;
    similar.terms = topic_terms(db, {*posting}, max_terms);
    if (similar.terms.empty()) return similar;
    const Xapian::Query any_term(Xapian::Query::OP_OR, similar.terms.begin(), similar.terms.end());
    similar.query = Xapian::Query(Xapian::Query::OP_AND_NOT, any_term, Xapian::Query(id_term));
    return similar;
}

}  // namespace papers
