#include "indexer/sharded_build.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "analyzers/lexicon_export.h"
#include "analyzers/schema.h"
#include "analyzers/vote_table.h"
#include "indexer/paper_writer.h"

namespace papers {
namespace fs = std::filesystem;

namespace {

// Runs work(i) for i in [0, n), one thread each; the first exception any of
// them threw is rethrown here, after all have finished.
void run_parallel(size_t n, const std::function<void(size_t)>& work) {
    std::vector<std::exception_ptr> failures(n);
    std::vector<std::thread> threads;
    for (size_t i = 1; i < n; ++i)
        threads.emplace_back([&, i] {
            try {
                work(i);
            } catch (...) {
                failures[i] = std::current_exception();
            }
        });
    try {
        if (n > 0) work(0);
    } catch (...) {
        failures[0] = std::current_exception();
    }
    for (auto& thread : threads) thread.join();
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

// [begin, end) of `files` for each of `parts` workers, about equal in bytes.
std::vector<std::pair<size_t, size_t>> split_by_bytes(const std::vector<std::string>& files,
                                                      size_t parts) {
    std::vector<uint64_t> sizes;
    uint64_t total = 0;
    for (const auto& file : files) {
        std::error_code ec;
        const uint64_t size = fs::file_size(file, ec);
        sizes.push_back(ec ? 0 : size);
        total += sizes.back();
    }
    std::vector<std::pair<size_t, size_t>> ranges;
    size_t begin = 0;
    uint64_t done = 0;
    for (size_t part = 1; part <= parts; ++part) {
        size_t end = begin;
        const uint64_t target = total * part / parts;
        while (end < files.size() && (part == parts || done + sizes[end] / 2 < target))
            done += sizes[end++];
        ranges.emplace_back(begin, end);
        begin = end;
    }
    return ranges;
}

struct Shard {
    std::string path;
    IndexReport report;
};

// The ids of the papers in `db` (its Q terms, in order).
std::vector<std::string> paper_ids(const Xapian::Database& db) {
    std::vector<std::string> ids;
    const std::string prefix(schema::kIdPrefix);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
        ids.push_back((*it).substr(prefix.size()));
    return ids;
}

// A paper that appears on days in different shards: its occurrences move
// into the first shard that has it (its document keeps the number one writer
// would have given it), and the later shards drop their copy.
void merge_papers_across_shards(std::vector<Shard>& shards) {
    if (shards.size() < 2) return;
    std::map<std::string, std::vector<size_t>> holders;  // id -> shards, when more than one
    {
        std::map<std::string, size_t> first;
        for (size_t i = 0; i < shards.size(); ++i)
            for (auto& id : paper_ids(Xapian::Database(shards[i].path))) {
                auto [it, inserted] = first.emplace(id, i);
                if (!inserted) {
                    auto& list = holders[id];
                    if (list.empty()) list.push_back(it->second);
                    list.push_back(i);
                }
            }
    }
    if (holders.empty()) return;
    std::vector<std::unique_ptr<Xapian::WritableDatabase>> dbs;
    std::vector<std::unique_ptr<PaperWriter>> writers;
    for (const auto& shard : shards) {
        dbs.push_back(std::make_unique<Xapian::WritableDatabase>(shard.path, Xapian::DB_OPEN));
        writers.push_back(std::make_unique<PaperWriter>(*dbs.back()));
    }
    for (const auto& [id, list] : holders) {
        std::vector<Paper> moved;
        for (size_t k = 1; k < list.size(); ++k) {
            auto stored = writers[list[k]]->load(id);
            if (!stored) continue;
            auto& occurrences = stored->occurrences;
            if (occurrences.empty()) occurrences.push_back(stored->paper);
            moved.insert(moved.end(), occurrences.begin(), occurrences.end());
            writers[list[k]]->remove(id);
        }
        writers[list.front()]->add_occurrences(id, moved);
    }
    for (auto& writer : writers) writer->commit();
}

}  // namespace

Result<IndexReport> build_sharded(const InputFiles& inputs, const ShardedBuild& build,
                                  const IndexProgress& progress) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const size_t workers = std::clamp<size_t>(build.workers ? build.workers : cores, 1,
                                              std::max<size_t>(1, inputs.digests.size()));
    const auto ranges = split_by_bytes(inputs.digests, workers);
    std::vector<Shard> shards(workers);
    std::mutex progress_mutex;
    size_t done = 0;
    IndexReport report;
    try {
        fs::create_directories(build.shards_dir);
        for (size_t i = 0; i < workers; ++i)
            shards[i].path = (fs::path(build.shards_dir) / ("shard-" + std::to_string(i))).string();
        run_parallel(workers, [&](size_t i) {
            Xapian::WritableDatabase db(shards[i].path,
                                        Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
            {
                FileWriter writer(db, shards[i].report, index_memory_bytes() / workers);
                for (size_t f = ranges[i].first; f < ranges[i].second; ++f) {
                    writer.index_file(inputs.digests[f], true);
                    std::lock_guard<std::mutex> guard(progress_mutex);
                    if (progress) progress(inputs.digests[f], ++done, inputs.digests.size());
                }
                writer.commit();
            }
        });
        merge_papers_across_shards(shards);

        const auto open_all = [&] {
            Xapian::Database all;
            for (const auto& shard : shards) all.add_database(Xapian::Database(shard.path));
            return all;
        };
        {
            Xapian::WritableDatabase first(shards.front().path, Xapian::DB_OPEN);
            finish_index_run(first, open_all());
            first.commit();
        }
        open_all().compact(build.output, Xapian::Compactor::FULL);
        {
            // Compaction renumbers the shards' papers: the table follows.
            Xapian::WritableDatabase output(build.output, Xapian::DB_OPEN);
            store_lexicon_export(output);
            const std::string votes = store_vote_table(output);
            output.commit();
            VoteTable::save_file(build.output, output, votes);
        }

        for (auto& shard : shards) {  // in file order, as one writer would report
            const IndexReport& part = shard.report;
            report.files_seen += part.files_seen;
            report.files_indexed += part.files_indexed;
            report.files_failed += part.files_failed;
            report.papers_indexed += part.papers_indexed;
            report.issues.insert(report.issues.end(), part.issues.begin(), part.issues.end());
        }
        Xapian::Database db(build.output);
        report.papers_total = db.get_doccount();
        for (const auto& list : inputs.paper_lists) check_paper_list(db, list, report);
    } catch (const Xapian::Error& e) {
        return Error{ErrorKind::IndexError, build.output + ": " + e.get_description()};
    } catch (const std::exception& e) {
        return Error{ErrorKind::IndexError, build.output + ": " + e.what()};
    }
    return report;
}

}  // namespace papers
