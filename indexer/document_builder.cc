#include "indexer/document_builder.h"

#include <algorithm>
#include <string>

#include "analyzers/author_name.h"
#include "analyzers/schema.h"
#include "analyzers/spelling_word.h"
#include "analyzers/word_pairs.h"
#include "indexer/glossary_miner.h"

namespace papers {
namespace {

// Positions of different fields (and of different authors) are kept apart so
// that a phrase never matches across them.
constexpr Xapian::termpos kFieldGap = 100;

class TermWriter {
  public:
    TermWriter(Xapian::Document& doc, const Analyzer& analyzer, SpellingWords* spelling)
        : doc_(doc), analyzer_(analyzer), spelling_(spelling) {}

    void add_text(const schema::Field& field, std::string_view text) {
        Xapian::termpos last = base_;
        // Author names are not words to suggest: `papers author` has its own.
        SpellingWords* spelling = field.analysis == schema::Analysis::Text ? spelling_ : nullptr;
        WordPairs pairs(text);
        analyzer_.analyze(text, [&](const Term& term) {
            const Xapian::termpos pos = base_ + term.position;
            add(field, term.text, pos);
            // Unprefixed only: a field's phrase is its words filtered by the
            // pair (analyzers/word_pairs.h).
            if (const auto pair = pairs.next(term); pair && field.free_text)
                doc_.add_posting(*pair, pos - 1, field.wdf_inc);
            if (spelling && is_spelling_word(term)) spelling->insert(term.word);
            last = std::max(last, pos);
        });
        base_ = last + kFieldGap;
    }

  private:
    void add(const schema::Field& field, const std::string& text, Xapian::termpos pos) {
        if (field.positions)
            doc_.add_posting(std::string(field.prefix) + text, pos, field.wdf_inc);
        else
            doc_.add_term(std::string(field.prefix) + text, field.wdf_inc);
        if (field.free_text) doc_.add_posting(text, pos, field.wdf_inc);
    }

    Xapian::Document& doc_;
    const Analyzer& analyzer_;
    SpellingWords* spelling_;
    Xapian::termpos base_ = 0;
};

// One boolean term per glossary pair the summaries mention: the pair's paper
// count is then its term frequency (analyzers/glossary.h).
void add_glossary_terms(Xapian::Document& doc, const Paper& paper, const Analyzer& analyzer) {
    for (const auto& section : paper.sections)
        for (const auto& pair : mine_glossary_pairs(section.text, analyzer))
            if (auto term = glossary_term(pair)) doc.add_boolean_term(*term);
}

}  // namespace

Xapian::Document build_document(const StoredPaper& stored, const Analyzer& analyzer,
                                SpellingWords* spelling) {
    const Paper& paper = stored.paper;
    Xapian::Document doc;
    TermWriter writer(doc, analyzer, spelling);

    writer.add_text(*schema::find_field("title"), paper.title);
    const schema::Field& author_field = *schema::find_field("author");
    for (const auto& author : paper.authors) {
        writer.add_text(author_field, author);
        // A "name" too long for a term is not one anybody will look up.
        const std::string key = author_key(author);
        const std::string term = schema::author_key_term(key);
        if (!key.empty() && term.size() <= schema::kMaxTermBytes) doc.add_boolean_term(term);
    }
    for (const auto& section : paper.sections)
        writer.add_text(schema::field_for_section(section.name), section.text);
    add_glossary_terms(doc, paper, analyzer);

    doc.add_boolean_term(schema::id_term(paper.arxiv_id));
    for (const auto& term : schema::date_terms(paper.date)) doc.add_boolean_term(term);
    doc.add_value(schema::kSlotDate, schema::date_value(paper.date));
    const int votes = std::max(0, paper.votes.value_or(0));
    for (const int band : schema::vote_bands(votes))
        doc.add_boolean_term(schema::vote_band_term(band));
    doc.add_value(schema::kSlotVotes, schema::votes_value(votes));
    doc.add_value(schema::kSlotVotePrior, schema::vote_prior_value(votes));
    doc.set_data(to_document_data(stored));
    return doc;
}

Paper merge_occurrences(const std::vector<Paper>& occurrences) {
    std::vector<const Paper*> by_date;
    for (const auto& paper : occurrences) by_date.push_back(&paper);
    std::stable_sort(by_date.begin(), by_date.end(), [](const Paper* a, const Paper* b) {
        return std::tie(a->date, a->source_file) < std::tie(b->date, b->source_file);
    });
    Paper merged = *by_date.front();
    for (const Paper* other : by_date) {
        if (other->votes && (!merged.votes || *other->votes > *merged.votes))
            merged.votes = other->votes;
        if (merged.authors.empty()) merged.authors = other->authors;
        if (merged.sections.empty()) merged.sections = other->sections;
    }
    return merged;
}

}  // namespace papers
