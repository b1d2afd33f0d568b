#include "tools/bench/report.h"

#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

namespace papers::bench {
namespace {

constexpr double kMB = 1e6;
const char* const kNone = "—";

std::string number(double value, int decimals) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(decimals) << value;
    return out.str();
}

std::string ms(double value) {
    return number(value, value < 10 ? 2 : 1);
}

std::string ratio(double ours, double peer) {
    return peer > 0 ? number(ours / peer, 2) : std::string(kNone);
}

std::string cell(const Latency& latency) {
    return ms(latency.ms.p50) + " / " + ms(latency.ms.p95) + " / " + ms(latency.ms.p99);
}

std::string escaped(const std::string& text) {
    std::string out;
    for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return "`" + out + "`";
}

void write_build(const Results& r, std::ostream& out) {
    if (r.build.empty()) {
        out << "### Index build\n\nNot measured: the queries ran on indexes an earlier run "
               "built (--queries-only).\n\n";
        return;
    }
    out << "### Index build, compacted\n\n"
        << "| index | build s | papers/s | MB/s | peak RSS MB | index MB | index / raw "
           "| ratio build s | ratio RSS | ratio size |\n"
        << "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
    const BuildFigures& ours = r.build.at(r.peers.front());
    for (const auto& peer : r.peers) {
        const BuildFigures& b = r.build.at(peer);
        const bool is_ours = peer == r.peers.front();
        out << "| " << peer << " | " << number(b.seconds, 2) << " | "
            << number(r.papers / b.seconds, 0) << " | " << number(r.raw_bytes / kMB / b.seconds, 2)
            << " | " << number(b.peak_rss / kMB, 1) << " | " << number(b.index_bytes / kMB, 2)
            << " | " << number(static_cast<double>(b.index_bytes) / r.raw_bytes, 2) << " | "
            << (is_ours ? kNone : ratio(ours.seconds, b.seconds)) << " | "
            << (is_ours ? kNone : ratio(ours.peak_rss, b.peak_rss)) << " | "
            << (is_ours ? kNone : ratio(ours.index_bytes, b.index_bytes)) << " |\n";
    }
    out << "\n";
}

// One table row per query: ours, then each peer with the p50 ratio ours / peer.
void write_latency(const std::string& title, const std::vector<QueryRow>& rows,
                   const std::vector<std::string>& columns, std::ostream& out) {
    out << "### " << title << "\n\n| query | " << columns.front();
    for (size_t i = 1; i < columns.size(); ++i) out << " | " << columns[i] << " | ratio p50";
    out << " |\n| --- | ---:";
    for (size_t i = 1; i < columns.size(); ++i) out << " | ---: | ---:";
    out << " |\n";
    for (const auto& row : rows) {
        const auto ours = row.by_peer.find(columns.front());
        out << "| " << row.name << " | "
            << (ours == row.by_peer.end() ? kNone : cell(ours->second));
        for (size_t i = 1; i < columns.size(); ++i) {
            const auto peer = row.by_peer.find(columns[i]);
            if (peer == row.by_peer.end() || ours == row.by_peer.end()) {
                out << " | " << kNone << " | " << kNone;
                continue;
            }
            out << " | " << cell(peer->second) << " | "
                << ratio(ours->second.ms.p50, peer->second.ms.p50);
        }
        out << " |\n";
    }
    out << "\n";
}

void write_add_day(const Results& r, std::ostream& out) {
    if (!r.add_day) return;
    const double ours = r.add_day->seconds.at(r.peers.front());
    out << "### Add one day (" << r.add_day->papers << " papers) to the index\n\n"
        << "| index | seconds | ratio |\n| --- | ---: | ---: |\n";
    for (const auto& peer : r.peers) {
        const double seconds = r.add_day->seconds.at(peer);
        out << "| " << peer << " | " << number(seconds, 3) << " | "
            << (peer == r.peers.front() ? kNone : ratio(ours, seconds)) << " |\n";
    }
    out << "\n";
}

// The rg command of query `q`, the corpus path written CORPUS.
std::string rg_words(const Results& r, size_t q) {
    if (q >= r.cli.size()) return kNone;
    const auto rg = r.cli[q].by_peer.find("rg");
    if (rg == r.cli[q].by_peer.end()) return kNone;
    const std::string& command = rg->second.query;
    return escaped(command.substr(0, command.rfind(' ')) + " CORPUS");
}

void write_translations(const Results& r, std::ostream& out) {
    out << "### The query mix, as each peer writes it (papers matching)\n\n| query";
    for (const auto& peer : r.peers) out << " | " << peer;
    out << " | rg |\n| ---";
    for (size_t i = 0; i <= r.peers.size(); ++i) out << " | ---";
    out << " |\n";
    for (size_t q = 0; q < r.queries.size(); ++q) {
        const QueryRow& row = r.queries[q];
        out << "| " << row.name;
        for (const auto& peer : r.peers) {
            const auto found = row.by_peer.find(peer);
            if (found == row.by_peer.end())
                out << " | " << kNone;
            else
                out << " | " << escaped(found->second.query) << " (" << found->second.matches
                    << ")";
        }
        out << " | " << rg_words(r, q) << " |\n";
    }
    out << "\n";
}

// In-process: the query, results and matches; CLI: the command and exit code.
nlohmann::json latency_json(const QueryRow& row, bool in_process) {
    nlohmann::json peers = nlohmann::json::object();
    for (const auto& [peer, latency] : row.by_peer) {
        nlohmann::json& json = peers[peer];
        json = {{"p50_ms", latency.ms.p50}, {"p95_ms", latency.ms.p95}, {"p99_ms", latency.ms.p99}};
        json[in_process ? "query" : "command"] = latency.query;
        json[in_process ? "results" : "exit_code"] = latency.results;
        if (in_process) json["matches"] = latency.matches;
    }
    return peers;
}

}  // namespace

void write_markdown(const Results& r, std::ostream& out) {
    out << "## Benchmark: " << r.corpus << "\n\n"
        << r.papers << " papers in " << r.files << " daily files, " << number(r.raw_bytes / kMB, 1)
        << " MB of digests. In-process latency over " << r.reps << " repetitions, CLI over "
        << r.cli_reps << "; load average " << number(r.load_average, 2)
        << " at the start. ratio = ours / peer: below 1, ours is faster or smaller.\n\n";
    write_build(r, out);
    write_latency("Query latency in-process, ms (p50 / p95 / p99), best 10", r.queries, r.peers,
                  out);
    write_latency("Query latency end to end, a process per query, ms (p50 / p95 / p99)", r.cli,
                  r.tools, out);
    write_add_day(r, out);
    write_translations(r, out);
}

void write_json(const Results& r, std::ostream& out) {
    nlohmann::json json = {{"corpus",
                            {{"path", r.corpus},
                             {"files", r.files},
                             {"papers", r.papers},
                             {"raw_bytes", r.raw_bytes}}},
                           {"reps", r.reps},
                           {"cli_reps", r.cli_reps},
                           {"load_average", r.load_average}};
    for (const auto& [peer, b] : r.build)
        json["build"][peer] = {{"seconds", b.seconds},
                               {"papers_per_s", r.papers / b.seconds},
                               {"mb_per_s", r.raw_bytes / kMB / b.seconds},
                               {"peak_rss_bytes", b.peak_rss},
                               {"index_bytes", b.index_bytes},
                               {"index_to_raw", static_cast<double>(b.index_bytes) / r.raw_bytes}};
    json["queries"] = nlohmann::json::array();
    for (const auto& row : r.queries)
        json["queries"].push_back({{"name", row.name}, {"peers", latency_json(row, true)}});
    json["cli"] = nlohmann::json::array();
    for (const auto& row : r.cli)
        json["cli"].push_back({{"name", row.name}, {"tools", latency_json(row, false)}});
    json["add_day"] = nullptr;
    if (r.add_day) {
        json["add_day"] = {{"papers", r.add_day->papers}, {"peers", nlohmann::json::object()}};
        for (const auto& [peer, seconds] : r.add_day->seconds)
            json["add_day"]["peers"][peer] = {{"seconds", seconds}};
    }
    out << json.dump(2) << "\n";
}

}  // namespace papers::bench
