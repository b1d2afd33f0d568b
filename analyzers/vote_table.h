// Every paper's votes by document id, stored as one metadata entry
// (schema::kMetaVoteTable) beside the index it describes. A search that
// weighs many papers by their votes reads it in one lookup instead of
// decoding the votes value stream (at a million papers, ~100 ms a process).
//
// The entry names the revision it was written for: a commit that did not
// write it again leaves it stale, and a stale or missing table is not
// used (the searcher reads the value stream, as before the table existed).
#pragma once

#include <xapian.h>

#include <cstdint>
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

    // The table stored in `db`, if it was written for the revision `db` is
    // at and covers every document id.
    static std::optional<VoteTable> read(const Xapian::Database& db);

    Xapian::docid last_docid() const { return last_docid_; }
    // The votes of `did`, or kNoPaper.
    int votes(Xapian::docid did) const {
        if (did == 0 || did > last_docid_) return kNoPaper;
        const size_t at = kHeaderBytes + 2 * (did - 1);
        const unsigned value = static_cast<unsigned char>(bytes_[at]) |
                               static_cast<unsigned char>(bytes_[at + 1]) << 8;
        return value == kNone ? kNoPaper : static_cast<int>(value);
    }

  private:
    // Header: the revision (8 bytes) and the last document id (4 bytes),
    // little-endian; then two bytes per document id from 1.
    static constexpr size_t kHeaderBytes = 12;
    static constexpr unsigned kNone = 0xffff;

    std::string bytes_;
    Xapian::docid last_docid_ = 0;
};

}  // namespace papers
