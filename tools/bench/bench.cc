// papers_bench: issue 5's benchmark, measurement only. For one corpus
// directory it builds our index and three peers from the same files (each in
// a child process, for its peak memory), measures size on disk, runs the
// query mix in-process and as command-line processes (papers, sqlite3, rg),
// adds one day to every index, and prints a markdown report (ours next to
// each peer, and the ratio) plus, with --json, the same figures as JSON.
//
//   papers_bench --corpus DIR [--add-day DIR] [--reps N] [--cli-reps N]
//                [--json FILE] [--work DIR] [--skip PEER]... [--queries-only]
//
// --queries-only times the queries on the indexes a run with the same --work
// left (nothing is built or added): for query work on a 1M index, which
// takes half an hour to build.
#include <stdlib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "tools/bench/digest_batches.h"
#include "tools/bench/measure.h"
#include "tools/bench/peers.h"
#include "tools/bench/report.h"
#include "tools/eval/corpus_papers.h"

namespace fs = std::filesystem;

namespace papers::bench {
namespace {

struct Options {
    std::string corpus;
    std::string add_day;  // a directory holding one more day of digests
    std::string work;     // where the indexes go; empty: a temporary directory
    std::string json;
    std::string papers_binary = PAPERS_BINARY;
    int reps = 200;
    int cli_reps = 20;
    std::vector<std::string> skip;  // peers left out (at 1M, plain Xapian takes half an hour)
    bool queries_only = false;      // time queries on the indexes in `work`; build nothing
    std::string child_build;        // internal: build this peer's index and exit
    std::string child_db;

    std::vector<Peer> peers() const {
        std::vector<Peer> kept;
        for (Peer peer : all_peers())
            if (peer == Peer::Ours ||
                std::find(skip.begin(), skip.end(), peer_name(peer)) == skip.end())
                kept.push_back(peer);
        return kept;
    }
    bool runs(Peer peer) const {
        const auto kept = peers();
        return std::find(kept.begin(), kept.end(), peer) != kept.end();
    }
};

constexpr int kWarmUp = 3;

double load_average() {
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : 0;
}

size_t count_papers(const std::string& dir) {
    size_t papers = 0;
    for_each_batch(digest_files(dir), 1000,
                   [&](const std::vector<Paper>& batch) { papers += batch.size(); });
    return papers;
}

// Each peer's index is built by a fresh process, so its peak RSS is its own.
void build_all(const Options& options, Results& results) {
    const std::string self = fs::read_symlink("/proc/self/exe").string();
    for (Peer peer : options.peers()) {
        const std::string db = peer_db(peer, options.work);
        std::cerr << "papers_bench: building " << peer_name(peer) << "\n";
        const ProcessRun run = run_process(
            {self, "--corpus", options.corpus, "--child-build", peer_name(peer), "--child-db", db},
            true);
        if (run.exit_code != 0) throw std::runtime_error("building " + peer_name(peer) + " failed");
        results.build[peer_name(peer)] = {run.seconds, run.peak_rss, tree_bytes(db)};
    }
}

template <typename Body>
Latency time_repeatedly(int reps, const std::string& text, const Body& body) {
    Latency latency{text, {}, 0};
    for (int i = 0; i < kWarmUp; ++i) latency.results = body();
    std::vector<double> samples;
    for (int i = 0; i < reps; ++i) {
        const auto start = Clock::now();
        body();
        samples.push_back(seconds_since(start) * 1000);
    }
    latency.ms = percentiles(std::move(samples));
    return latency;
}

void query_in_process(const Options& options, Results& results) {
    for (const auto& query : query_mix()) results.queries.push_back({query.name, {}});
    for (Peer peer : options.peers()) {
        std::cerr << "papers_bench: querying " << peer_name(peer) << "\n";
        auto runner = open_runner(peer, peer_db(peer, options.work));
        for (size_t q = 0; q < query_mix().size(); ++q) {
            const QueryCase& query = query_mix()[q];
            const std::string text = translation(peer, query);
            if (text.empty()) continue;
            Latency latency =
                time_repeatedly(options.reps, text, [&] { return runner->run(query); });
            latency.matches = runner->matches(query);
            results.queries[q].by_peer[peer_name(peer)] = latency;
        }
    }
}

// The command line of each tool for `query`; empty when it cannot express it.
std::map<std::string, std::vector<std::string>> commands(const Options& options,
                                                         const QueryCase& query) {
    std::map<std::string, std::vector<std::string>> tools;
    std::vector<std::string> papers = {
        options.papers_binary, "search", "--db", peer_db(Peer::Ours, options.work), "--limit",
        std::to_string(kLimit)};
    if (query.sort == SortOrder::Votes) papers.insert(papers.end(), {"--sort", "votes"});
    papers.insert(papers.end(), {"--", query.ours});
    tools["papers"] = papers;
    for (Peer peer : {Peer::Fts5Unicode61, Peer::Fts5Trigram}) {
        if (!options.runs(peer)) continue;
        const std::string tool = "sqlite3-" + peer_name(peer).substr(5);
        tools[tool] = {"sqlite3", "-readonly", peer_db(peer, options.work),
                       fts_sql(query, fts_match(peer, query), true)};
    }
    if (!query.rg.empty()) {
        tools["rg"] = {"rg"};
        tools["rg"].insert(tools["rg"].end(), query.rg.begin(), query.rg.end());
        tools["rg"].push_back(options.corpus);
    }
    return tools;
}

std::string shell_words(const std::vector<std::string>& argv) {
    std::string line;
    for (const auto& arg : argv) {
        const bool plain = arg.find_first_of(" '\"*?()|&;<>$`\\") == std::string::npos;
        std::string quoted = "'";
        for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        line += (line.empty() ? "" : " ") + (plain ? arg : quoted + "'");
    }
    return line;
}

bool tool_runs(const std::string& tool) {
    return run_process({tool, "--version"}, false).exit_code == 0;
}

void query_cli(const Options& options, Results& results) {
    setenv("NO_COLOR", "1", 1);
    results.tools = {"papers"};
    for (Peer peer : {Peer::Fts5Unicode61, Peer::Fts5Trigram})
        if (options.runs(peer)) results.tools.push_back("sqlite3-" + peer_name(peer).substr(5));
    results.tools.push_back("rg");
    const bool have_sqlite3 = tool_runs("sqlite3");
    const bool have_rg = tool_runs("rg");
    if (!have_sqlite3 || !have_rg) std::cerr << "papers_bench: sqlite3 or rg missing, skipped\n";
    for (const auto& query : query_mix()) {
        std::cerr << "papers_bench: CLI, " << query.name << "\n";
        QueryRow row{query.name, {}};
        for (const auto& [tool, argv] : commands(options, query)) {
            if ((tool == "rg" && !have_rg) || (tool.rfind("sqlite3", 0) == 0 && !have_sqlite3))
                continue;
            const Latency latency = time_repeatedly(options.cli_reps, shell_words(argv), [&] {
                return static_cast<size_t>(run_process(argv, false).exit_code);
            });
            // papers and rg exit 1 when nothing matched; anything else is a failure.
            const size_t ok_up_to = tool.rfind("sqlite3", 0) == 0 ? 0 : 1;
            if (latency.results > ok_up_to)
                throw std::runtime_error(latency.query + ": exit status " +
                                         std::to_string(latency.results));
            row.by_peer[tool] = latency;
        }
        results.cli.push_back(row);
    }
}

void add_one_day(const Options& options, Results& results) {
    AddDay added;
    added.papers = count_papers(options.add_day);
    for (Peer peer : options.peers()) {
        std::cerr << "papers_bench: adding a day to " << peer_name(peer) << "\n";
        const auto start = Clock::now();
        add_day(peer, options.corpus, options.add_day, peer_db(peer, options.work));
        added.seconds[peer_name(peer)] = seconds_since(start);
    }
    results.add_day = added;
}

Results run_benchmark(const Options& options) {
    Results results;
    results.corpus = options.corpus;
    results.reps = options.reps;
    results.cli_reps = options.cli_reps;
    results.load_average = load_average();
    for (Peer peer : options.peers()) results.peers.push_back(peer_name(peer));
    const auto files = digest_files(options.corpus);
    results.files = files.size();
    for (const auto& file : files) results.raw_bytes += tree_bytes(file);
    results.papers = count_papers(options.corpus);

    if (!options.queries_only) build_all(options, results);
    query_in_process(options, results);
    query_cli(options, results);
    if (!options.add_day.empty() && !options.queries_only) add_one_day(options, results);
    return results;
}

int run(Options options) {
    if (!options.child_build.empty()) {
        const auto peer = peer_named(options.child_build);
        if (!peer) throw std::runtime_error("no peer named " + options.child_build);
        build_peer(*peer, options.corpus, options.child_db);
        return 0;
    }
    std::optional<eval::TempDir> temporary;  // removed however the run ends
    if (options.queries_only) {
        if (options.work.empty()) throw std::runtime_error("--queries-only needs --work");
        for (Peer peer : options.peers())
            if (!fs::exists(peer_db(peer, options.work)))
                throw std::runtime_error("--queries-only: no index at " +
                                         peer_db(peer, options.work) +
                                         " (a run with this --work builds it)");
    } else if (options.work.empty()) {
        options.work = temporary.emplace("papers-bench").path.string();
    } else {
        for (Peer peer : all_peers()) fs::remove_all(peer_db(peer, options.work));
        fs::create_directories(options.work);
    }
    const Results results = run_benchmark(options);
    write_markdown(results, std::cout);
    if (!options.json.empty()) {
        std::ofstream json(options.json);
        write_json(results, json);
        if (!json) throw std::runtime_error("cannot write " + options.json);
    }
    return 0;
}

}  // namespace
}  // namespace papers::bench

int main(int argc, char** argv) {
    papers::bench::Options options;
    CLI::App app{"papers_bench: our index against plain Xapian, SQLite FTS5 and ripgrep"};
    app.add_option("--corpus", options.corpus, "directory of daily digests (YYYY/MM/DD.md)")
        ->required()
        ->check(CLI::ExistingDirectory);
    app.add_option("--add-day", options.add_day, "directory with one more day to add")
        ->check(CLI::ExistingDirectory);
    app.add_option("--work", options.work, "where the indexes are built (kept)");
    app.add_option("--json", options.json, "also write the figures as JSON here");
    app.add_option("--papers-binary", options.papers_binary, "the papers CLI")
        ->capture_default_str();
    app.add_option("--reps", options.reps, "in-process repetitions per query")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--cli-reps", options.cli_reps, "processes per query and tool")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--skip", options.skip, "leave out a peer (xapian-cjk, fts5-unicode61, ...)")
        ->check(CLI::IsMember({"xapian-cjk", "fts5-unicode61", "fts5-trigram"}));
    app.add_flag("--queries-only", options.queries_only,
                 "time the queries on the indexes in --work (built by an earlier run)");
    app.add_option("--child-build", options.child_build)->group("");
    app.add_option("--child-db", options.child_db)->group("");
    CLI11_PARSE(app, argc, argv);
    try {
        return papers::bench::run(options);
    } catch (const std::exception& e) {
        std::cerr << "papers_bench: " << e.what() << "\n";
        return 1;
    }
}
