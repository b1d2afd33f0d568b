// papers_sharing_bench: the in-process search latency of one index as
// local, remote (tcp://) or sharded databases, for the figures of the
// README's "Sharing an index" (tools/bench/sharing.sh runs it).
//
//   papers_sharing_bench --db SPEC [--db SPEC...] [--runs N] QUERY...
//
// Opens one Searcher, searches each query once to warm it, then N times
// each, and prints the median and 90th percentile in milliseconds.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "query/searcher.h"

int main(int argc, char** argv) {
    std::vector<std::string> dbs, queries;
    size_t runs = 20;
    CLI::App app{"in-process search latency over local, remote or sharded databases"};
    app.add_option("--db", dbs, "a database: directory, stub file or tcp://HOST:PORT")
        ->required()
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_option("--runs", runs, "searches of each query")->check(CLI::Range(1, 100000));
    app.add_option("queries", queries, "the queries")->required();
    CLI11_PARSE(app, argc, argv);

    auto searcher = papers::Searcher::open(dbs);
    if (!searcher) {
        std::fprintf(stderr, "%s\n", searcher.error().message.c_str());
        return 4;
    }
    std::vector<double> ms;
    for (size_t run = 0; run <= runs; ++run) {
        for (const auto& query : queries) {
            papers::SearchRequest request;
            request.query = query;
            const auto start = std::chrono::steady_clock::now();
            const auto results = (*searcher)->search(request);
            const double elapsed =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count();
            if (!results) {
                std::fprintf(stderr, "%s: %s\n", query.c_str(), results.error().message.c_str());
                return 4;
            }
            if (run > 0) ms.push_back(elapsed);  // run 0 warms the caches
        }
    }
    std::sort(ms.begin(), ms.end());
    std::printf("searches %zu  p50 %.2f ms  p90 %.2f ms\n", ms.size(), ms[ms.size() / 2],
                ms[ms.size() * 9 / 10]);
    return 0;
}
