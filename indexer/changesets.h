// Changesets for mirrors. `papers mirror` keeps a copy of an index up to
// date with Xapian's replication, which sends a replica only the blocks a
// commit changed when the master kept a changeset of that commit; without
// one it sends the whole database. Xapian 1.4 writes changesets only when
// XAPIAN_MAX_CHANGESETS is set (to how many it keeps) as a writable
// database is opened, so a writer sets it before opening the live index.
//
// A changeset holds every block the commit wrote: a nightly update of the
// 2,229-paper index writes 20-33 MB of them (README, "Sharing an index"),
// about as much as the index itself. So they are kept only for an index
// that is served to mirrors: `papers serve --replication` leaves the marker
// DIR/.papers-mirrored, and a writer keeps changesets for an index with one.
#pragma once

#include <string>

namespace papers {

// Changesets kept: a week of nightly updates. A mirror further behind is
// sent a whole copy, which at this size costs no more.
inline constexpr int kKeptChangesets = 7;

// Marks the index directory DIR as served to mirrors. False if the marker
// could not be written.
bool mark_mirrored(const std::string& dir);

// For an index DIR marked as mirrored, sets XAPIAN_MAX_CHANGESETS to
// kKeptChangesets unless it is set already (XAPIAN_MAX_CHANGESETS=0 turns
// them off, and a value set by hand applies to any index). Call before any
// thread starts.
void keep_changesets_for_mirrors(const std::string& dir);

}  // namespace papers
