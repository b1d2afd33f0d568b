// The write side: turns digest files into Xapian documents, one per arXiv id,
// incrementally (a file whose size, mtime and content hash are unchanged is
// skipped) and idempotently (replace_document on the unique id term).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "analyzers/error.h"
#include "indexer/digest_parser.h"
#include "indexer/paper_list.h"

namespace papers {

struct IndexRequest {
    std::string db_path;
    std::vector<std::string> inputs;  // digest files or directories (recursive, *.md;
                                      // a papers_list.csv found there is checked too)
    bool force = false;               // re-index unchanged files too
};

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

// Called once per file as it is processed (for progress display).
using IndexProgress = std::function<void(const std::string& file, size_t done, size_t total)>;

// Error kinds: BadInput (an input path does not exist), IndexError.
Result<IndexReport> index_paths(const IndexRequest& request, const IndexProgress& progress = {});

}  // namespace papers
