// A fresh index of a whole corpus, on every core (papers rebuild, and the
// first `papers index` of a directory). Xapian writes a database from one
// thread, so each worker indexes a contiguous run of the digest files (in
// path order, so by date) into a shard of its own; Xapian's compaction, which
// a fresh index gets anyway, then concatenates the shards in order, so the
// documents come out numbered as one writer would have numbered them.
//
//   files split by bytes -> each worker: read, parse, analyse, write its
//   shard (flushing by bytes) -> a paper found in several shards is merged
//   into the first -> glossary synonyms from all shards into shard 0
//   -> compact the shards into `output`
#pragma once

#include <string>

#include "analyzers/error.h"
#include "indexer/digest_files.h"
#include "indexer/index_writer.h"

namespace papers {

struct ShardedBuild {
    std::string shards_dir;  // scratch for the shards, created here; the caller removes it
    std::string output;      // the compacted index, created here (must not exist)
    unsigned workers = 0;    // 0: one per core
    // Flush budget, shared by the workers (IndexRequest::memory_bytes).
    size_t memory_bytes = kDefaultIndexMemoryBytes;
};

// Error kinds: IndexError. Digest problems are reported, not fatal.
Result<IndexReport> build_sharded(const InputFiles& inputs, const ShardedBuild& build,
                                  const IndexProgress& progress = {});

}  // namespace papers
