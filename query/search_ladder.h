// How a search is run: the query as typed, then ever looser readings of it
// until one matches (Korean words apart, the spelling suggestion, any word),
// each counted (exactly up to a point) and ranked one page at a time: by
// relevance with the votes prior, or sorted by votes within a vote band or
// by date; papers with only some of the words fill a page that the papers
// with all of them leave short.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "query/paper_cache.h"
#include "query/query_parser.h"
#include "query/search_results.h"
#include "query/vote_prior.h"

namespace papers {

// What every read operation of a Searcher works with: the database as open
// now, the analyzer, the papers already read and the vote priors of that
// database (query/searcher.cc owns them; none is thread-safe).
struct ReadContext {
    const Xapian::Database& db;
    const Analyzer& analyzer;
    PaperCache& papers;
    const std::shared_ptr<VotePriorTable>& priors;
    // Remote or shards (query/index_source.h): votes weigh with a posting
    // source a stock server knows.
    const bool& portable_prior;
};

// One reading of a query, the Enquire that ran it (for explanations) and
// what it matched.
struct Attempt {
    Xapian::Query query;
    Xapian::Enquire enquire;
    Xapian::MSet mset;
    Strictness strictness = Strictness::Compounds;
    std::vector<QueryTermOrigin> origins;
    Xapian::doccount total = 0;  // matches: exact up to a few thousand
    bool exact = true;           // false: `total` is Xapian's estimate
    bool matched() const { return total > 0; }
};

// Runs `query` ranked as `ranking` says, keeping what explanations need.
Attempt run_attempt(const ReadContext& context, Xapian::Query query, Strictness level,
                    std::vector<QueryTermOrigin> origins, const Ranking& ranking);

// The hits of an attempt's page, highlighted, explained if asked.
std::vector<Hit> attempt_hits(const ReadContext& context, const Attempt& attempt,
                              const Ranking& ranking);

// Error kind: BadQuery (message from the query parser).
Result<SearchResults> run_search(const ReadContext& context, const SearchRequest& request);

}  // namespace papers
