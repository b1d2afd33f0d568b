#include "tools/bench/peers.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "indexer/rebuild.h"
#include "tools/bench/digest_batches.h"
#include "tools/bench/sqlite_peer.h"
#include "tools/eval/baseline_index.h"

namespace fs = std::filesystem;

namespace papers::bench {
namespace {

// Days handed to the plain Xapian builder at once (one commit each).
constexpr size_t kDaysPerCommit = 1000;

template <typename T>
T checked(Result<T> result) {
    if (!result) throw std::runtime_error(result.error().message);
    return std::move(*result);
}

WriterLock lock_index(const std::string& db) {
    return checked(start_writer_run(db, "bench", false)).lock;
}

void build_ours(const std::string& corpus, const std::string& db) {
    const WriterLock lock = lock_index(db);
    const RebuildReport report = checked(rebuild_index(lock, {corpus}));
    if (report.index.files_failed > 0)
        throw std::runtime_error(corpus + ": " + std::to_string(report.index.files_failed) +
                                 " digest files could not be indexed");
}

void build_xapian_cjk(const std::string& corpus, const std::string& db) {
    const std::string build = db + ".build";
    for_each_batch(digest_files(corpus), kDaysPerCommit, [&](const std::vector<Paper>& papers) {
        eval::build_baseline_index(build, papers);
    });
    Xapian::Database(build).compact(db, Xapian::Compactor::FULL);
    fs::remove_all(build);
}

std::string tokenizer(Peer peer) {
    return peer == Peer::Fts5Trigram ? "trigram" : "unicode61";
}

class OursRunner : public QueryRunner {
  public:
    explicit OursRunner(const std::string& db) : searcher_(checked(Searcher::open(db))) {}
    size_t run(const QueryCase& query) override {
        SearchRequest request;
        request.query = query.ours;
        request.limit = kLimit;
        request.sort = query.sort;
        const SearchResults results = checked(searcher_->search(request));
        return std::count_if(results.hits.begin(), results.hits.end(),
                             [](const Hit& hit) { return !hit.partial; });
    }
    // The papers the query matches: those with every word. The papers with
    // some of the words that a search lists after them (Hit::partial) are
    // not matches of an AND, so neither count counts them, though run()
    // times the search as a user gets it, with them.
    size_t matches(const QueryCase& query) override {
        SearchRequest request;
        request.query = query.ours;
        const SearchResults results = checked(searcher_->search(request));
        return results.total_every_word ? results.total_every_word : results.total;
    }

  private:
    std::unique_ptr<Searcher> searcher_;
};

class XapianRunner : public QueryRunner {
  public:
    explicit XapianRunner(const std::string& db) : db_(db) {}
    size_t run(const QueryCase& query) override {
        return eval::search_baseline(db_, query.xapian, kLimit).size();
    }
    size_t matches(const QueryCase& query) override {
        return eval::search_baseline(db_, query.xapian, db_.get_doccount()).size();
    }

  private:
    Xapian::Database db_;
};

class Fts5Runner : public QueryRunner {
  public:
    Fts5Runner(Peer peer, const std::string& db) : peer_(peer), reader_(db) {}
    size_t run(const QueryCase& query) override {
        const std::string match = fts_match(peer_, query);
        return reader_.run(fts_sql(query, match, false), match);
    }
    size_t matches(const QueryCase& query) override {
        return static_cast<size_t>(reader_.number(fts_count_sql(query), fts_match(peer_, query)));
    }

  private:
    Peer peer_;
    Fts5Reader reader_;
};

}  // namespace

const std::vector<Peer>& all_peers() {
    static const std::vector<Peer> peers = {Peer::Ours, Peer::XapianCjk, Peer::Fts5Unicode61,
                                            Peer::Fts5Trigram};
    return peers;
}

std::string peer_name(Peer peer) {
    switch (peer) {
        case Peer::Ours:
            return "ours";
        case Peer::XapianCjk:
            return "xapian-cjk";
        case Peer::Fts5Unicode61:
            return "fts5-unicode61";
        case Peer::Fts5Trigram:
            return "fts5-trigram";
    }
    return "";
}

std::optional<Peer> peer_named(const std::string& name) {
    for (Peer peer : all_peers())
        if (peer_name(peer) == name) return peer;
    return std::nullopt;
}

std::string peer_db(Peer peer, const std::string& work_dir) {
    const bool sqlite = peer == Peer::Fts5Unicode61 || peer == Peer::Fts5Trigram;
    return (fs::path(work_dir) / (peer_name(peer) + (sqlite ? ".db" : ""))).string();
}

void build_peer(Peer peer, const std::string& corpus, const std::string& db) {
    switch (peer) {
        case Peer::Ours:
            return build_ours(corpus, db);
        case Peer::XapianCjk:
            return build_xapian_cjk(corpus, db);
        case Peer::Fts5Unicode61:
        case Peer::Fts5Trigram:
            return build_fts5(db, tokenizer(peer), digest_files(corpus));
    }
}

void add_day(Peer peer, const std::string& corpus, const std::string& day_dir,
             const std::string& db) {
    switch (peer) {
        case Peer::Ours: {
            const IndexRequest request{db, {corpus, day_dir}, false, false};
            checked(index_paths(request));
            return;
        }
        case Peer::XapianCjk:
            return for_each_batch(
                digest_files(day_dir), kDaysPerCommit,
                [&](const std::vector<Paper>& papers) { eval::build_baseline_index(db, papers); });
        case Peer::Fts5Unicode61:
        case Peer::Fts5Trigram:
            return insert_fts5(db, digest_files(day_dir));
    }
}

std::string translation(Peer peer, const QueryCase& query) {
    switch (peer) {
        case Peer::Ours:
            return query.ours + (query.sort == SortOrder::Votes ? " (--sort votes)" : "");
        case Peer::XapianCjk:
            return query.xapian;
        case Peer::Fts5Unicode61:
        case Peer::Fts5Trigram: {
            const std::string match = fts_match(peer, query);
            if (match.empty()) return "";
            return match + (query.sql_filter.empty() ? "" : " + " + query.sql_filter) +
                   (query.sql_by_votes ? " + ORDER BY votes DESC" : "");
        }
    }
    return "";
}

std::string fts_match(Peer peer, const QueryCase& query) {
    return peer == Peer::Fts5Trigram ? query.fts_trigram : query.fts_unicode61;
}

std::unique_ptr<QueryRunner> open_runner(Peer peer, const std::string& db) {
    switch (peer) {
        case Peer::Ours:
            return std::make_unique<OursRunner>(db);
        case Peer::XapianCjk:
            return std::make_unique<XapianRunner>(db);
        case Peer::Fts5Unicode61:
        case Peer::Fts5Trigram:
            return std::make_unique<Fts5Runner>(peer, db);
    }
    return nullptr;
}

}  // namespace papers::bench
