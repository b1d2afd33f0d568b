// Writes papers into one Xapian database, one document per arXiv id: a
// paper's occurrences in several digest files are merged into one document
// (document_builder.h), and the spelling table counts each word once per
// paper. The incremental writer (file_writer.h) has one; a fresh build
// (sharded_build.h) has one per shard, and moves papers between them.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/document_data.h"

namespace papers {

class PaperWriter {
  public:
    explicit PaperWriter(Xapian::WritableDatabase& db) : db_(db) {}

    // The paper as read from `path` now (replacing what `path` said before).
    void put_occurrence(const Paper& paper, const std::string& path);
    // `path` no longer has the paper `id`; it is deleted when no file has it.
    void retract_occurrence(const std::string& id, const std::string& path);

    // The paper as stored: its merged record and every occurrence.
    std::optional<StoredPaper> load(const std::string& id);
    // Every occurrence of the paper as stored (one when it has one); none
    // when it is not stored.
    std::vector<Paper> occurrences(const std::string& id);
    // Adds occurrences read elsewhere (another shard) to the paper's own.
    void add_occurrences(const std::string& id, const std::vector<Paper>& more);
    // Deletes the paper whatever files have it (it moved to another shard).
    void remove(const std::string& id);

    size_t papers_written() const { return papers_written_; }
    // About how many bytes Xapian holds in memory for what was written since
    // the last commit (a rough, deliberately generous estimate), for a flush
    // policy in bytes; reset by commit().
    size_t pending_bytes() const { return pending_bytes_; }
    void commit();

  private:
    void store(const std::string& id, std::vector<Paper> occurrences);
    void forget_spelling(const std::string& id);
    std::vector<Paper> others(const std::string& id, const std::string& path);

    Xapian::WritableDatabase& db_;
    Analyzer analyzer_;
    size_t papers_written_ = 0;
    size_t pending_bytes_ = 0;
};

}  // namespace papers
