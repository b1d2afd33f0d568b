// The directory an index lives in (the --db path), as every reader and writer
// finds it: the read-only half of the layout. Writing it (the writer lock,
// generations, publish, recovery) is indexer/index_store.h's.
//
//   DIR/XAPIANDB                 a Xapian stub, one line: "auto glass-000012".
//                                Readers open DIR; Xapian follows the stub.
//   DIR/glass-000012/            the live generation (a glass database)
//   DIR/glass-000013.build/      a rebuild in progress (not yet compacted)
//   DIR/glass-000013/            a compacted rebuild about to be published
//   DIR/XAPIANDB.tmp             a stub being written
//   DIR/.papers-writer.lock      flock()ed by the one writer; holds its pid
//
// Legacy layout: DIR itself is a glass database (iamglass, *.glass,
// flintlock), as `papers index` made before stubs. It keeps working for
// reads and for `index`/`update`; `rebuild` converts it to the stub layout.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "analyzers/error.h"

namespace papers {

inline constexpr std::string_view kStubName = "XAPIANDB";

// A mirror's first copy is received in DIR + this suffix, beside DIR, and
// renamed to DIR when complete (serving/mirror.h).
inline constexpr std::string_view kFirstCopySuffix = ".first-copy";

enum class IndexLayout {
    Empty,   // nothing published yet (DIR may be missing or hold only the lock)
    Legacy,  // DIR is itself a glass database
    Stub,    // DIR/XAPIANDB names the live generation
};

IndexLayout detect_layout(const std::string& dir);

// DIR/XAPIANDB, whether or not it exists.
std::string stub_path(const std::string& dir);

// The generation DIR/XAPIANDB names ("glass-000012"), if there is a stub.
std::optional<std::string> live_generation(const std::string& dir);

// The live database: DIR/<live generation>, or DIR itself for the legacy
// layout; nullopt when nothing is published yet.
std::optional<std::string> live_database(const std::string& dir);

// The bytes of the files under `path` (0 when it cannot be read).
uint64_t directory_bytes(const std::string& path);

// What is at an index path before a reader opens it. nullopt when `path`
// looks like an index a reader can try to open. Error kinds: NoIndex (no
// such directory, or one holding only dotfiles: the writer lock of a first
// run), IndexError (unreadable, a file, an empty XAPIANDB stub), so that the
// advice to build an index is only given where it would work.
std::optional<Error> check_index_path(const std::string& path);

}  // namespace papers
