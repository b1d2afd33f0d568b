// A corpus read the way the peers index it: every digest under a
// directory, parsed with our parser, handed over a few hundred days at a
// time so that memory stays bounded at a million papers. A paper that
// appears on several days is handed over once (its first day).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "analyzers/paper.h"

namespace papers::bench {

// Every *.md under `dir`, sorted.
std::vector<std::string> digest_files(const std::string& dir);

using PaperBatch = std::function<void(const std::vector<Paper>&)>;

// Calls `batch` with the papers of up to `days_per_batch` files at a time.
void for_each_batch(const std::vector<std::string>& files, size_t days_per_batch,
                    const PaperBatch& batch);

}  // namespace papers::bench
