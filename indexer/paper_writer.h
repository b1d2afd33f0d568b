// Writes papers into one Xapian database, one document per arXiv id: a
// paper's occurrences in several digest files are merged into one document
// (document_builder.h), and the spelling table counts each word once per
// paper. The incremental writer (index_writer.cc) has one; a fresh build
// (sharded_build.h) has one per shard.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/document_data.h"
#include "indexer/index_writer.h"

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

// Reads digest files into one database, file by file, through a PaperWriter.
// Counts into `report`; the papers written are added when it is destroyed.
class FileWriter {
  public:
    // `flush_bytes`: commit whenever Xapian buffers about that much (0: only
    // at the end, as one transaction needs).
    FileWriter(Xapian::WritableDatabase& db, IndexReport& report, size_t flush_bytes)
        : db_(db), report_(report), papers_(db), flush_bytes_(flush_bytes) {}
    ~FileWriter() { report_.papers_indexed += papers_.papers_written(); }

    // `force`: read the file even if its size and time are unchanged.
    void index_file(const std::string& path, bool force);
    // Files under `directory` that were indexed once and are gone now: their
    // papers are retracted (a paper another file still has stays). `present`:
    // the digests found there now, sorted, which need no check.
    void forget_missing_files(const std::string& directory,
                              const std::vector<std::string>& present);
    void commit() { papers_.commit(); }

  private:
    Xapian::WritableDatabase& db_;
    IndexReport& report_;
    PaperWriter papers_;
    size_t flush_bytes_;
};

// The flush policy of a build no reader sees yet: how many bytes of buffered
// changes (pending_bytes(), summed over shards) a writer may hold before it
// commits. $PAPERS_INDEX_MEMORY_MB, else 256 MiB. A live index run is one
// transaction and cannot flush; a nightly update is a day or two of papers.
size_t index_memory_bytes();

// What every index run writes last, before its commit: the glossary synonyms
// learned from `glossary_source`'s XG terms (the whole index: with shards,
// all of them), the schema version and the time of the update.
void finish_index_run(Xapian::WritableDatabase& db, const Xapian::Database& glossary_source);

// Writes the vote table for `db` as its next commit will leave it
// (analyzers/vote_table.h): call it just before the commit that publishes
// the index, after every document change (a sharded build: after merging).
// Returns the table, for VoteTable::save_file() once that commit is done.
std::string store_vote_table(Xapian::WritableDatabase& db);

// Reports the papers a papers_list.csv lists that the index does not hold.
void check_paper_list(const Xapian::Database& db, const std::string& path, IndexReport& report);

}  // namespace papers
