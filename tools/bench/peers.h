// The four indexes the benchmark compares, built from the same digest files:
//   ours            index_paths + compaction, as `papers rebuild` does it
//   xapian-cjk      plain Xapian, TermGenerator FLAG_CJK_NGRAM
//                   (tools/eval/baseline_index.h), compacted
//   fts5-unicode61  SQLite FTS5, tokenize='unicode61' (sqlite_peer.h)
//   fts5-trigram    SQLite FTS5, tokenize='trigram'
// Each builds from nothing, adds a day, and answers the query mix in its own
// syntax (query_mix.h). Failures throw std::runtime_error.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tools/bench/query_mix.h"

namespace papers::bench {

enum class Peer { Ours, XapianCjk, Fts5Unicode61, Fts5Trigram };

const std::vector<Peer>& all_peers();
std::string peer_name(Peer peer);
std::optional<Peer> peer_named(const std::string& name);

// The index's path under the work directory (a directory or an SQLite file).
std::string peer_db(Peer peer, const std::string& work_dir);

// Builds the index of every digest under `corpus` at `db` (absent before).
void build_peer(Peer peer, const std::string& corpus, const std::string& db);

// Adds the digests under `day_dir` to the index at `db`; ours as a nightly
// update does (index_paths over the corpus and the new day: unchanged files
// are skipped by size and mtime), the others by inserting the new papers.
void add_day(Peer peer, const std::string& corpus, const std::string& day_dir,
             const std::string& db);

// `query` as `peer` writes it, for the report; "" when it cannot express it.
std::string translation(Peer peer, const QueryCase& query);

// The FTS5 MATCH expression of `query` for an FTS5 peer.
std::string fts_match(Peer peer, const QueryCase& query);

// An open index answering queries in-process, best kLimit first.
class QueryRunner {
  public:
    virtual ~QueryRunner() = default;
    // Runs a query this peer can express; returns the results it produced.
    virtual size_t run(const QueryCase& query) = 0;
    // How many papers match it in all (for the report, not timed).
    virtual size_t matches(const QueryCase& query) = 0;
};

std::unique_ptr<QueryRunner> open_runner(Peer peer, const std::string& db);

}  // namespace papers::bench
