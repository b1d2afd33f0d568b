// What every read operation of a Searcher works with: the database as open
// now, the analyzer, the papers already read and the vote priors of that
// database (query/searcher.cc owns them; none is thread-safe).
#pragma once

#include <xapian.h>

#include <memory>

#include "analyzers/analyzer.h"
#include "query/paper_cache.h"
#include "query/vote_prior.h"

namespace papers {

struct ReadContext {
    const Xapian::Database& db;
    const Analyzer& analyzer;
    PaperCache& papers;
    const std::shared_ptr<VotePriorTable>& priors;
    // Remote or shards (query/index_source.h): votes weigh with a posting
    // source a stock server knows.
    const bool& portable_prior;
};

}  // namespace papers
