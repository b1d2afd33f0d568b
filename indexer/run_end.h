// The end of every index run, in this order, whether it wrote the live
// database in one transaction (index_writer.cc) or a fresh build in shards
// (sharded_build.cc):
//   finish_index_run   the glossary synonyms, the schema version, the time
//   commit_with_votes  the spelling and synonym tables' export (for remote
//                      readers), the vote table, the commit, the table as a file
//   count_papers       the papers in the index, and those a papers_list.csv
//                      lists that it does not hold
#pragma once

#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

#include "indexer/index_report.h"

namespace papers {

// What every index run writes last, before its commit: the glossary synonyms
// learned from `glossary_source`'s XG terms (the whole index: with shards,
// all of them), the schema version and the time of the update.
void finish_index_run(Xapian::WritableDatabase& db, const Xapian::Database& glossary_source);

// Writes the export of the spelling and synonym tables (analyzers/
// lexicon_export.h) and the vote table for `db` as the commit leaves it
// (analyzers/vote_table.h), commits (`commit`: db.commit() when empty), then saves the
// table as a file in `path`, the database's directory. The commit that
// publishes the index, after every document change (a sharded build: after
// merging and compacting).
void commit_with_votes(Xapian::WritableDatabase& db, const std::string& path,
                       const std::function<void()>& commit = {});

// Sets report.papers_total, and reports the papers each papers_list.csv of
// `paper_lists` lists that the index does not hold.
void count_papers(const Xapian::Database& db, const std::vector<std::string>& paper_lists,
                  IndexReport& report);

}  // namespace papers
