// A read-only local copy of a served index, kept up to date with Xapian's
// replication (`papers serve --replication` runs xapian-replicate-server;
// this runs xapian-replicate once per sync).
//
// Layout of a mirror directory DIR, Xapian's own (DatabaseReplica):
//   DIR/XAPIANDB        a stub, "auto replica_N": readers open DIR
//   DIR/replica_N/      the live copy (a glass database)
//   DIR/replica_M/      a whole copy being received (a rebuild on the master)
// The first copy is received in DIR.first-copy/ beside DIR and renamed to
// DIR when complete, so DIR is never an empty or half-copied index.
//
// How each sync publishes, and what a kill at any moment leaves:
//   - the master committed (papers update): the replica applies the
//     commit's changeset to the live copy as a commit would (new blocks,
//     then the version file): readers see the old revision or the new one,
//     and one that meets a reused block reopens (query/searcher.h);
//   - the master swapped generations (papers rebuild: a new database UUID,
//     so no changeset applies) or has no changeset old enough: a whole copy
//     goes to the other replica_ directory and the stub is renamed over to
//     it when complete; until then the old copy is live;
//   - the master's changesets are kept for XAPIAN_MAX_CHANGESETS commits
//     (indexer/changesets.h); a mirror further behind gets a whole copy.
// After each sync the vote table file (analyzers/vote_table.h), which is
// not a Xapian table and is not replicated, is written again in the live
// copy from the entry the index holds.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "analyzers/error.h"

namespace papers {

struct MirrorRequest {
    std::string host;
    unsigned port = 0;
    std::string dir;                // the mirror directory
    std::string replicate_program;  // xapian-replicate
    unsigned timeout_seconds = 60;  // socket timeout for each read
    unsigned reader_seconds = 30;   // between two changesets applied to the live copy
};

struct MirrorReport {
    bool first_copy = false;  // DIR did not exist before
    unsigned full_copies = 0;
    unsigned changesets = 0;
    bool changed = false;  // the live copy changed
    std::string live;      // replica_N
    uint64_t bytes = 0;    // of the live copy now
    double seconds = 0;
};

// The database a mirror asks `papers serve --replication` for: the served
// directory itself (xapian-replicate-server serves the databases under it).
inline constexpr const char* kMirrorMasterName = ".";

// Whether `dir` is a mirror (its stub names a replica_ directory): papers
// never writes one but through mirror_once().
bool is_mirror(const std::string& dir);

// One sync. Error kinds: BadInput (DIR holds something that is not a
// mirror), IndexError (the master could not be reached or the copy failed;
// the last good copy stays live). `on_output` gets xapian-replicate's lines.
Result<MirrorReport> mirror_once(const MirrorRequest& request,
                                 const std::function<void(const std::string&)>& on_output);

}  // namespace papers
