// The papers of one open database a Searcher showed last, by document id:
// their records as read from the document data and, when a snippet was cut
// from one, its summary as the Analyzer reads it. Reading the data and
// analysing the summary are most of the cost of a hit, and the same papers
// come back page after page. Emptied whenever the database may have changed.
#pragma once

#include <xapian.h>

#include <list>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "analyzers/analyzer.h"
#include "query/search_results.h"
#include "query/snippet.h"

namespace papers {

class PaperCache {
  public:
    // The hit for a match: its paper, and a snippet of it with `terms`
    // highlighted (none: the summary's start).
    Hit hit(const Xapian::MSetIterator& match, const std::set<std::string>& terms,
            const Analyzer& analyzer);

    void clear();

  private:
    struct Entry {
        Paper paper;
        std::optional<SnippetSource> source;  // analysed on first use
    };

    // The entry for the match's document, read from it when not kept.
    Entry& get(const Xapian::MSetIterator& match);

    using Order = std::list<std::pair<Xapian::docid, Entry>>;  // most recently used first
    Order order_;
    std::unordered_map<Xapian::docid, Order::iterator> index_;
};

}  // namespace papers
