#include "query/lookups.h"

#include <set>

#include "analyzers/arxiv_id.h"
#include "analyzers/author_name.h"
#include "analyzers/document_data.h"
#include "analyzers/schema.h"
#include "query/author_lookup.h"
#include "query/search_ladder.h"
#include "query/similar.h"

namespace papers {
namespace {

constexpr size_t kSuggestions = 5;
// Terms of a paper's expand set that `similar` searches for: enough to cover
// its topic in both languages, few enough that one shared rare word does not
// decide.
constexpr Xapian::termcount kSimilarTerms = 30;

// `entry` contains the term: its Korean stems as a substring of the Korean
// key (spacing varies), its English stems as whole words of the English key.
bool glossary_match(const GlossaryEntry& entry, const GlossaryKeys& term) {
    if (!term.korean.empty() && entry.korean_key.find(term.korean) != std::string::npos)
        return true;
    return !term.english.empty() &&
           (" " + entry.english_key + " ").find(" " + term.english + " ") != std::string::npos;
}

// The name as written upstream for an author key.
std::string display_name(const Xapian::Database& db, const std::string& key) {
    const std::string term = schema::author_key_term(key);
    auto it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return key;
    for (const auto& author : from_document_data(db.get_document(*it).get_data()).paper.authors)
        if (author_key(author) == key) return author;
    return key;
}

}  // namespace

Result<SimilarResults> find_similar(const ReadContext& context, const std::string& arxiv_id,
                                    const Ranking& ranking) {
    const Xapian::Database& db = context.db;
    auto paper = find_paper(context, arxiv_id);
    if (!paper) return paper.error();
    SimilarResults results;
    auto similar = similar_query(db, schema::id_term(paper->arxiv_id), kSimilarTerms);
    results.paper = std::move(*paper);
    if (!similar || similar->query.empty()) return results;
    results.terms = std::move(similar->terms);
    const Attempt attempt = run_attempt(context, similar->query, Strictness::AnyWord, {}, ranking);
    results.total = attempt.total;
    results.hits = attempt_hits(context, attempt, ranking);
    return results;
}

Result<AuthorResults> find_author(const ReadContext& context, const std::string& name,
                                  size_t limit) {
    const Xapian::Database& db = context.db;
    AuthorResults results;
    results.query = name;
    const std::string key = author_key(name);
    if (key.empty()) return Error{ErrorKind::BadQuery, "no author name given"};
    const std::string term = schema::author_key_term(key);
    if (!db.term_exists(term)) {
        for (const auto& near : nearest_author_keys(db, key, kSuggestions))
            results.suggestions.push_back(display_name(db, near));
        return results;
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(term));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::kSlotDate, true);  // newest first
    Xapian::MSet mset = enquire.get_mset(0, limit ? limit : db.get_doccount());
    results.total = mset.get_matches_estimated();
    std::set<std::string> seen;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit = context.papers.hit(it, {}, context.analyzer);
        for (const auto& author : hit.paper.authors)
            if (author_key(author) == key && seen.insert(author).second)
                results.matched_names.push_back(author);
        results.hits.push_back(std::move(hit));
    }
    return results;
}

Result<Paper> find_paper(const ReadContext& context, const std::string& arxiv_id) {
    const Xapian::Database& db = context.db;
    const std::string id = canonical_arxiv_id(arxiv_id);
    const std::string term = schema::id_term(id);
    auto it = db.postlist_begin(term);
    if (it == db.postlist_end(term))
        return Error{ErrorKind::NotFound, "no paper with arXiv id '" + id + "' in the index"};
    return from_document_data(db.get_document(*it).get_data()).paper;
}

Result<GlossaryResults> find_glossary(const ReadContext& context, const std::string& term,
                                      size_t limit) {
    GlossaryResults results;
    results.term = term;
    const GlossaryKeys keys = glossary_keys(term, context.analyzer);
    if (!term.empty() && keys.korean.empty() && keys.english.empty())
        return Error{ErrorKind::BadQuery, "the term has no words"};
    for (auto& entry : learned_glossary(context.db)) {
        if (!term.empty() && !glossary_match(entry, keys)) continue;
        ++results.total;
        if (limit == 0 || results.entries.size() < limit)
            results.entries.push_back(std::move(entry));
    }
    return results;
}

Result<IndexStats> index_stats(const ReadContext& context, uint64_t index_bytes) {
    const Xapian::Database& db = context.db;
    IndexStats stats;
    stats.papers = db.get_doccount();
    const std::string day(schema::kDayPrefix), author(schema::kAuthorKeyPrefix);
    for (auto it = db.allterms_begin(day); it != db.allterms_end(day); ++it) ++stats.days;
    for (auto it = db.allterms_begin(author); it != db.allterms_end(author); ++it) ++stats.authors;
    const auto iso = [](const std::string& value) {
        const auto day = schema::day_of_date_value(value);
        return day ? format_day(*day) : value;
    };
    if (stats.papers > 0) {
        stats.first_day = iso(db.get_value_lower_bound(schema::kSlotDate));
        stats.last_day = iso(db.get_value_upper_bound(schema::kSlotDate));
    }
    stats.index_bytes = index_bytes;
    stats.updated = db.get_metadata(std::string(schema::kMetaLastUpdate));
    return stats;
}

}  // namespace papers
