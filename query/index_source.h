// Which databases a read command searches, and how each is opened. One
// --db is one index: a local index directory (indexer/index_store.h), or
// tcp://HOST:PORT, an index served by `papers serve` (xapian-tcpsrv). Several
// --db, or a stub file listing several databases (Xapian's format: "auto
// PATH" or "remote HOST:PORT" a line), are shards searched as one index:
// Xapian combines their statistics, so the ranking is one ranking.
//
// What the remote protocol of Xapian 1.4 does not carry is made up for here,
// so a remote index answers as the same index opened locally:
//   - the spelling and synonym tables: each remote shard comes with a local
//     copy of them, made from the export the writer stores in the index
//     (analyzers/lexicon_export.h, query/lexicon_sidecar.h);
//   - the vote table file beside the tables: a remote or sharded search
//     weighs votes with Xapian's ValueWeightPostingSource instead
//     (query/vote_prior.h, vote_prior_query()), which the stock server knows.
#pragma once

#include <sys/types.h>
#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/error.h"

namespace papers {

// One database of an index.
struct IndexPart {
    std::string path;  // a local directory or glass database; empty when remote
    std::string host;  // remote: host name or address (IPv6 without brackets)
    unsigned port = 0;
    bool remote() const { return !host.empty(); }
    std::string address() const;  // "tcp://host:port", or the path
};

// Seconds a remote connection may take to open, and an operation to answer.
struct RemoteTimeouts {
    unsigned connect_ms = 5000;
    unsigned operation_ms = 10000;  // Xapian::Remote::open()'s default
};

// From the environment: PAPERS_REMOTE_TIMEOUT (seconds) caps both.
RemoteTimeouts remote_timeouts();

class IndexSource {
  public:
    // Each spec is a directory, a stub file, or tcp://HOST:PORT. Error kinds:
    // NoIndex (nothing at a local path), BadInput (a malformed address or
    // stub line), IndexError (an unreadable path).
    static Result<IndexSource> parse(const std::vector<std::string>& specs);

    const std::vector<IndexPart>& parts() const { return parts_; }
    std::string description() const;  // the specs, for messages
    bool has_remote() const;
    // One local database: the searcher's own optimisations apply (the
    // vote table file, query/vote_prior.h).
    bool single_local() const { return parts_.size() == 1 && !parts_.front().remote(); }

    // Opens every part, a remote one with its lexicon copy. Throws
    // Xapian::Error; a remote part that cannot be reached throws
    // Xapian::NetworkError (see reach_error()).
    Xapian::Database open() const;

    // The inodes of the local parts' stubs (DIR/XAPIANDB): when they
    // change, a rebuild swapped generations and the index is opened afresh.
    std::vector<ino_t> stub_inodes() const;
    // The directory of the live generation of a single local part, where
    // the vote table file is; "" otherwise.
    std::string vote_table_directory() const;
    // Bytes of the local parts' live databases (a remote one's size is not
    // told by the protocol: it counts 0).
    uint64_t local_bytes() const;

  private:
    std::vector<std::string> specs_;
    std::vector<IndexPart> parts_;
};

// tcp://HOST:PORT or HOST:PORT ([V6]:PORT); nullopt when malformed.
std::optional<IndexPart> parse_remote_address(std::string_view text);

// "cannot reach the index server at tcp://h:p: Connection refused".
Error reach_error(const IndexSource& source, const Xapian::Error& e);

}  // namespace papers
