// Changesets for mirrors. `papers mirror` keeps a copy of an index up to
// date with Xapian's replication, which sends a replica only the blocks a
// commit changed when the master kept a changeset of that commit; without
// one it sends the whole database. Xapian 1.4 writes changesets only when
// XAPIAN_MAX_CHANGESETS is set (to how many it keeps) as a writable
// database is opened, so a writer sets it before opening the live index.
#pragma once

namespace papers {

// Changesets kept by default: a month of nightly updates. A mirror that
// falls further behind is sent a whole copy.
inline constexpr int kKeptChangesets = 30;

// Sets XAPIAN_MAX_CHANGESETS to kKeptChangesets unless it is set already
// (XAPIAN_MAX_CHANGESETS=0 turns them off). Call before any thread starts.
void keep_changesets_for_mirrors();

}  // namespace papers
