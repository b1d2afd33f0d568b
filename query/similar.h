// "More like this" by Xapian's relevance feedback: the paper alone is the
// relevance set; the terms that best tell it apart from the rest of the
// index (its expand set, ESet) become an OR query for the other papers.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace papers {

struct SimilarQuery {
    Xapian::Query query;             // matches other papers, never the paper itself
    std::vector<std::string> terms;  // the terms it is made of, best first
};

// The `max_terms` free-text terms that best tell `papers` apart from the
// rest of the index (their expand set), best first: Korean and English words
// of the titles and sections; not ids, dates, author keys, field-prefixed
// copies, numbers, author names or words no other paper has.
std::vector<std::string> topic_terms(const Xapian::Database& db,
                                     const std::vector<Xapian::docid>& papers,
                                     Xapian::termcount max_terms);

// The query for papers like the one with id term `id_term`: its `max_terms`
// best free-text terms (Korean and English words of the title and sections;
// not ids, dates, author keys, field-prefixed copies, numbers or author
// names). nullopt when no paper has that id.
std::optional<SimilarQuery> similar_query(const Xapian::Database& db, const std::string& id_term,
                                          Xapian::termcount max_terms);

}  // namespace papers
