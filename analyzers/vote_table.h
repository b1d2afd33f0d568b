// Every paper's votes by document id, stored as one metadata entry
// (schema::kMetaVoteTable) beside the index it describes. A search that
// weighs many papers by their votes reads it in one lookup instead of
// decoding the votes value stream (at a million papers, ~100 ms a process).
//
// The entry names the revision it was written for: a commit that did not
// write it again leaves it stale, and a stale or missing table is not
// used (the searcher reads the value stream, as before the table existed).
//
// After each commit the writer also saves the table as a file in the
// database's directory (schema::kVoteTableFile), stamped with the
// database's UUID and revision. A search maps it, so it reads the pages it needs and
// nothing else: reading the 2 MB entry cost a search process at a million
// papers 4 ms. A file of another database or revision (a crash between the
// commit and the file, a generation swapped under the reader) is not used:
// the entry is read instead.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace papers {

class VoteTable {
  public:
    // No paper at this document id (never used, or deleted).
    static constexpr int kNoPaper = -1;

    // The table for `db` as it will be once committed (revision
    // db.get_revision() + 1); empty when a paper's votes do not fit
    // (negative, fractional or above 65534). Call it just before commit().
    static std::string pack_for_commit(const Xapian::Database& db);

    // Saves `packed` (from pack_for_commit, now committed) as the table file
    // in `dir`, the directory of `db`: written aside, synced, then renamed
    // over the last one. False when it could not be written (readers then
    // read the entry).
    static bool save_file(const std::string& dir, const Xapian::Database& db,
                          const std::string& packed);

    // The table stored for `db`, if it was written for the revision `db` is
    // at and covers every document id: from the file in `dir` (the
    // directory of `db`) when there is one for it, else from the entry.
    static std::optional<VoteTable> read(const Xapian::Database& db, const std::string& dir = "");

    bool mapped() const { return mapped_; }  // read from the file
    Xapian::docid last_docid() const { return last_docid_; }
    // The votes of `did`, or kNoPaper.
    int votes(Xapian::docid did) const {
        if (did == 0 || did > last_docid_) return kNoPaper;
        const unsigned char* at = table_ + kHeaderBytes + 2 * (did - 1);
        const unsigned value = at[0] | at[1] << 8;
        return value == kNone ? kNoPaper : static_cast<int>(value);
    }

  private:
    // Header: the revision (8 bytes) and the last document id (4 bytes),
    // little-endian; then two bytes per document id from 1. The file holds
    // the database's UUID (kUuidBytes), then the same.
    static constexpr size_t kHeaderBytes = 12;
    static constexpr size_t kUuidBytes = 36;
    static constexpr unsigned kNone = 0xffff;

    // The table in `size` bytes at `table` if it is the one for `db`.
    static std::optional<VoteTable> checked(const Xapian::Database& db,
                                            std::shared_ptr<const void> storage,
                                            const unsigned char* table, size_t size);
    static std::optional<VoteTable> read_file(const Xapian::Database& db, const std::string& dir);

    std::shared_ptr<const void> storage_;  // keeps `table_` alive: a string or a mapping
    const unsigned char* table_ = nullptr;
    Xapian::docid last_docid_ = 0;
    bool mapped_ = false;
};

}  // namespace papers
