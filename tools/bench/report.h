// What one benchmark run measured, and its two renderings: a markdown
// report (ours next to each peer, with the ratio ours / peer) and JSON.
//
// JSON schema (all times in seconds unless the key ends in _ms; sizes in bytes):
//   {"corpus": {"path", "files", "papers", "raw_bytes"}, "reps", "cli_reps", "load_average",
//    "build": {PEER: {"seconds", "papers_per_s", "mb_per_s", "peak_rss_bytes",
//                     "index_bytes", "index_to_raw"}},
//    "queries": [{"name", "peers": {PEER: {"query", "p50_ms", "p95_ms", "p99_ms", "results",
//    "matches"}}}], "cli": [{"name", "tools": {TOOL: {"command", "p50_ms", "p95_ms", "p99_ms",
//    "exit_code"}}}], "add_day": {"papers", "peers": {PEER: {"seconds"}}} or null}
// PEER: ours, xapian-cjk, fts5-unicode61, fts5-trigram; TOOL: papers,
// sqlite3-unicode61, sqlite3-trigram, rg. A peer that cannot express a query
// is absent from that query's object.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "tools/bench/measure.h"

namespace papers::bench {

struct BuildFigures {
    double seconds = 0;
    uint64_t peak_rss = 0;
    uint64_t index_bytes = 0;
};

struct Latency {
    std::string query;  // as the peer (or tool) was given it
    Percentiles ms;
    size_t results = 0;  // in-process: results returned; CLI: the exit code
    size_t matches = 0;  // in-process: papers matching in all
};

// One query of the mix, measured on every peer (or tool) that can express it.
struct QueryRow {
    std::string name;
    std::map<std::string, Latency> by_peer;
};

struct AddDay {
    size_t papers = 0;
    std::map<std::string, double> seconds;
};

struct Results {
    std::string corpus;
    size_t files = 0;
    size_t papers = 0;
    uint64_t raw_bytes = 0;
    int reps = 0;
    int cli_reps = 0;
    double load_average = 0;         // 1-minute load when the run started
    std::vector<std::string> peers;  // in-process peers, ours first
    std::vector<std::string> tools;  // CLI tools, papers first
    std::map<std::string, BuildFigures> build;
    std::vector<QueryRow> queries;
    std::vector<QueryRow> cli;
    std::optional<AddDay> add_day;
};

void write_markdown(const Results& results, std::ostream& out);
void write_json(const Results& results, std::ostream& out);

}  // namespace papers::bench
