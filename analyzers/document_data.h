// The document data stored with each paper in the index: everything a result
// line or `papers show` needs, as JSON (nlohmann-json). Written by the
// indexer, read by the query side; this is the only place that knows its shape.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/paper.h"

namespace papers {

struct StoredPaper {
    Paper paper;  // the merged record shown to users
    // Every digest occurrence the record was merged from (a paper can appear
    // on several days); kept so re-indexing one file can re-merge the rest.
    std::vector<Paper> occurrences;
};

std::string to_document_data(const StoredPaper& stored);

// Throws std::runtime_error if `data` is not what to_document_data wrote.
StoredPaper from_document_data(std::string_view data);
// Only the merged record, for display: the occurrences are not read (nor checked).
Paper paper_from_document_data(std::string_view data);

}  // namespace papers
