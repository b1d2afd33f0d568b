// Why a paper matched, for `papers search --explain`: the query terms it
// has, the field each is in, where each came from (typed, another spelling
// of a Korean compound, a glossary synonym), each term's own BM25 weight,
// and the split of the score into text and votes.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "query/text_query.h"

namespace papers {

// Where each term of a query (with its field prefix) came from
// (TextQueryBuilder::origins()); terms not listed are Typed.
using TermOrigins = std::map<std::string, TermOrigin>;

struct MatchedTerm {
    std::string field;  // "title", "details"...; "text" for the unprefixed all-fields copy
    std::string term;   // the indexed form, without the prefix (stemmed)
    TermOrigin origin = TermOrigin::Typed;
    double weight = 0;  // the term's BM25 weight in this paper, alone
};

struct Explanation {
    double text_score = 0;   // the score less the votes component
    double votes_score = 0;  // votes_weight * log(1 + votes)
    std::vector<MatchedTerm> terms;
};

// "typed", "korean spelling", "english spelling", "synonym", "phrase",
// "related".
const char* origin_name(TermOrigin origin);

// The explanation of the hit `it` of `enquire`'s last match. `votes_weight`
// is the one the search ran with (0 when it was not ranked by relevance).
Explanation explain_match(const Xapian::Database& db, const Xapian::Enquire& enquire,
                          const Xapian::MSetIterator& it, const TermOrigins& origins,
                          double votes_weight);

}  // namespace papers
