#include "indexer/rebuild.h"

#include <xapian.h>

#include <filesystem>

namespace papers {
namespace fs = std::filesystem;

namespace {

uint64_t tree_bytes(const std::string& path) {
    uint64_t total = 0;
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(path, ec))
        if (entry.is_regular_file(ec)) total += entry.file_size(ec);
    return total;
}

// Where one rebuild writes: the uncompacted build and the final generation.
struct RebuildPaths {
    std::string generation;
    std::string build;
    std::string final;
};

// Indexes every input into a fresh database no reader opens.
Result<IndexReport> build(const RebuildPaths& paths, const WriterLock& lock,
                          const std::vector<std::string>& inputs, const IndexProgress& progress) {
    IndexRequest request;
    request.db_path = lock.dir();
    request.inputs = inputs;
    request.force = true;
    return index_into(paths.build, request, progress);
}

// Copies the build into its final, compact form (Xapian merges and packs the
// B-trees; the build is left untouched and removed on publish).
Result<bool> compact(const RebuildPaths& paths) {
    try {
        Xapian::Database(paths.build).compact(paths.final, Xapian::Compactor::FULL);
    } catch (const Xapian::Error& e) {
        return Error{ErrorKind::IndexError,
                     paths.final + ": cannot compact: " + e.get_description()};
    }
    return true;
}

void remove_unpublished(const RebuildPaths& paths) {
    std::error_code ec;
    fs::remove_all(paths.build, ec);
    fs::remove_all(paths.final, ec);
}

}  // namespace

Result<RebuildReport> rebuild_index(const WriterLock& lock, const std::vector<std::string>& inputs,
                                    const IndexProgress& progress) {
    RebuildPaths paths;
    paths.generation = next_generation(lock.dir());
    paths.build = build_directory(lock.dir(), paths.generation);
    paths.final = (fs::path(lock.dir()) / paths.generation).string();

    RebuildReport report;
    report.generation = paths.generation;
    auto indexed = build(paths, lock, inputs, progress);
    if (!indexed) return indexed.error();
    report.index = std::move(*indexed);
    report.built_bytes = tree_bytes(paths.build);

    auto done = compact(paths);
    if (done) done = sync_tree(paths.final);
    if (done) {
        auto published = publish(lock, paths.generation);
        if (!published) done = published.error();
    }
    if (!done) {
        remove_unpublished(paths);
        return done.error();
    }
    report.bytes = tree_bytes(paths.final);
    return report;
}

}  // namespace papers
