// The baseline every relevance number is compared with: plain Xapian 1.4,
// TermGenerator and QueryParser with FLAG_CJK_NGRAM, the English stemmer,
// default op AND. One document per paper, every text field (title,
// authors, sections) through one TermGenerator; the arXiv id is a Q term
// and the document data.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "analyzers/paper.h"

namespace papers::eval {

// Writes the baseline index of `papers_list` into `db_dir` (created).
void build_baseline_index(const std::filesystem::path& db_dir,
                          const std::vector<Paper>& papers_list);

// The arXiv ids of the best `limit` matches of `query`, best first.
std::vector<std::string> search_baseline(const Xapian::Database& db, const std::string& query,
                                         size_t limit);

}  // namespace papers::eval
