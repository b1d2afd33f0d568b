// What an index run did, for the CLI's report (text or JSON).
#pragma once

#include <cstddef>
#include <vector>

#include "indexer/digest_parser.h"
#include "indexer/paper_list.h"

namespace papers {

struct IndexReport {
    size_t files_seen = 0;
    size_t files_indexed = 0;
    size_t files_unchanged = 0;
    size_t files_failed = 0;         // unreadable, or no digest date
    size_t files_removed = 0;        // indexed once, gone from an input directory now
    size_t papers_indexed = 0;       // documents written (new or changed)
    size_t papers_total = 0;         // documents in the index afterwards
    std::vector<ParseIssue> issues;  // reported and skipped blocks and files
    // Where an input directory holds upstream's papers_list.csv: the papers
    // it lists, and those of them that no digest has a block for.
    size_t listed = 0;
    std::vector<ListedPaper> listed_absent;
};

}  // namespace papers
