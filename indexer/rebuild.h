// papers rebuild, the library side: a fresh index of the whole corpus in a
// new generation, compacted, then swapped in atomically (index_store.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyzers/error.h"
#include "indexer/index_store.h"
#include "indexer/index_writer.h"

namespace papers {

struct RebuildReport {
    IndexReport index;
    std::string generation;    // the one published, e.g. "glass-000013"
    uint64_t built_bytes = 0;  // before compaction
    uint64_t bytes = 0;        // the published, compacted generation
};

// With the writer lock held and recover() done: build -> compact -> check ->
// sync -> publish. Until the publish, readers keep the old index; a failure
// (or a crash, whose leftovers the next recover() removes) leaves it live.
// Inputs without a digest file are an error, and so is a new index with
// fewer than half of the live one's papers unless `force`
// (check_kept_papers). `memory_bytes`: the build's flush budget
// (IndexRequest::memory_bytes). Error kinds: BadInput (an input path is
// missing or holds no digest, too few papers), IndexError.
Result<RebuildReport> rebuild_index(const WriterLock& lock, const std::vector<std::string>& inputs,
                                    const IndexProgress& progress = {}, bool force = false,
                                    size_t memory_bytes = kDefaultIndexMemoryBytes);

}  // namespace papers
