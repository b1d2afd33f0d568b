// A local copy of a remote index's spelling and synonym tables, for the
// lookups Xapian 1.4's remote protocol does not serve. Added to the remote
// database as one more (document-less) database, it makes
// Database::get_spelling_suggestion() and synonyms_begin() answer as they
// would on the index itself: Xapian merges those tables across databases,
// and a database without documents changes no statistic or ranking.
//
// Made from the export the writer stores (analyzers/lexicon_export.h), once
// per export: kept under $XDG_CACHE_HOME/papers/lexicon/<export id>/ (else
// ~/.cache/papers/...), a small glass database built aside and renamed into
// place, so concurrent searches share it and the next one opens it in
// microseconds. The few most recent copies are kept.
#pragma once

#include <xapian.h>

#include <optional>

namespace papers {

// nullopt when the remote index stores no export (written before papers
// exported it: spelling suggestions and glossary synonyms are then off
// until the next `papers update` on the server) or no cache directory can
// be written. Throws Xapian::Error only for a failed remote read.
std::optional<Xapian::Database> open_lexicon_sidecar(const Xapian::Database& remote);

}  // namespace papers
