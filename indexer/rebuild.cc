#include "indexer/rebuild.h"

#include <xapian.h>

#include <filesystem>

#include "indexer/sharded_build.h"

namespace papers {
namespace fs = std::filesystem;

namespace {

// Where one rebuild writes: the shards (sharded_build.h) and the final,
// compacted generation.
struct RebuildPaths {
    std::string generation;
    std::string build;
    std::string final;
};

void remove_unpublished(const RebuildPaths& paths) {
    std::error_code ec;
    fs::remove_all(paths.build, ec);
    fs::remove_all(paths.final, ec);
}

// The papers in the live index; 0 when there is none (or none readable:
// a rebuild is how a damaged index is replaced).
size_t live_papers(const std::string& dir) {
    const auto live = live_database(dir);
    if (!live) return 0;
    try {
        return Xapian::Database(*live).get_doccount();
    } catch (const Xapian::Error&) {
        return 0;
    }
}

std::string joined(const std::vector<std::string>& inputs) {
    std::string out;
    for (const auto& input : inputs) out += (out.empty() ? "" : ", ") + input;
    return out;
}

}  // namespace

Result<RebuildReport> rebuild_index(const WriterLock& lock, const std::vector<std::string>& inputs,
                                    const IndexProgress& progress, bool force,
                                    size_t memory_bytes) {
    RebuildPaths paths;
    paths.generation = next_generation(lock.dir());
    paths.build = build_directory(lock.dir(), paths.generation);
    paths.final = (fs::path(lock.dir()) / paths.generation).string();

    RebuildReport report;
    report.generation = paths.generation;
    auto files = collect_files(inputs);
    if (!files) return files.error();
    if (files->digests.empty())
        return Error{ErrorKind::BadInput, "no digest files (*.md) in " + joined(inputs) +
                                              ": nothing to rebuild from; the index is unchanged"};
    // The shards go in the build directory: recover() removes it if we crash.
    auto indexed = build_sharded(*files, {paths.build, paths.final, 0, memory_bytes}, progress);
    Result<bool> done = true;
    if (indexed) {
        report.index = std::move(*indexed);
        report.built_bytes = directory_bytes(paths.build);
        const auto lost = force ? std::nullopt
                                : check_kept_papers(live_papers(lock.dir()),
                                                    report.index.papers_total, "--force");
        done = lost ? Result<bool>(*lost) : sync_tree(paths.final);
    } else {
        done = indexed.error();
    }
    if (done) {
        auto published = publish(lock, paths.generation);
        if (!published) done = published.error();
    }
    if (!done) {
        remove_unpublished(paths);
        return done.error();
    }
    report.bytes = directory_bytes(paths.final);
    return report;
}

}  // namespace papers
