// Our index as the eval tools use it: built from a corpus directory with
// index_paths, searched through the Searcher like the CLI does.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "query/searcher.h"

namespace papers::eval {

// Indexes `corpus` into `db_dir`; throws with the indexer's message on failure.
void build_our_index(const std::filesystem::path& db_dir, const std::string& corpus);

struct Ranked {
    std::vector<std::string> ids;  // best first
    bool relaxed = false;          // no paper had every word (SearchResults::relaxed)
    size_t every_word = 0;         // the first this many ids have every word (not Hit::partial)
};

// Searcher::search; throws on a search error.
Ranked search_ours(Searcher& searcher, const SearchRequest& request);

// What a search says matched, as a set: the papers with every word; none
// when it was relaxed (not every word matched).
std::vector<std::string> matched_ids(const Ranked& ranked);

// Searcher::author: every paper with that author, newest first.
Ranked author_ours(Searcher& searcher, const std::string& name);

}  // namespace papers::eval
