#include "tools/bench/sqlite_peer.h"

#include <memory>
#include <stdexcept>

#include "tools/bench/digest_batches.h"

namespace papers::bench {
namespace {

constexpr size_t kDaysPerBatch = 500;

struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Connection = std::unique_ptr<sqlite3, Closer>;

struct Finalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, Finalizer>;

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    throw std::runtime_error(what + ": " + sqlite3_errmsg(db));
}

Connection open_db(const std::string& path, int flags) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    Connection connection(db);
    if (rc != SQLITE_OK) fail(db, path);
    return connection;
}

void exec(sqlite3* db, const std::string& sql) {
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(db, sql);
}

Statement prepare(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) fail(db, sql);
    return Statement(statement);
}

void bind_text(sqlite3_stmt* statement, int column, const std::string& text) {
    sqlite3_bind_text(statement, column, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string joined;
    for (const auto& part : parts) joined += (joined.empty() ? "" : separator) + part;
    return joined;
}

void insert_papers(sqlite3* db, const std::vector<std::string>& files) {
    exec(db, "BEGIN");
    Statement insert = prepare(db,
                               "INSERT INTO papers(title, authors, sections, arxiv_id, date, "
                               "votes) VALUES (?, ?, ?, ?, ?, ?)");
    for_each_batch(files, kDaysPerBatch, [&](const std::vector<Paper>& papers) {
        for (const auto& paper : papers) {
            std::vector<std::string> sections;
            for (const auto& section : paper.sections) sections.push_back(section.text);
            bind_text(insert.get(), 1, paper.title);
            bind_text(insert.get(), 2, join(paper.authors, ", "));
            bind_text(insert.get(), 3, join(sections, "\n"));
            bind_text(insert.get(), 4, paper.arxiv_id);
            bind_text(insert.get(), 5, paper.date);
            if (paper.votes)
                sqlite3_bind_int(insert.get(), 6, *paper.votes);
            else
                sqlite3_bind_null(insert.get(), 6);
            if (sqlite3_step(insert.get()) != SQLITE_DONE) fail(db, "insert " + paper.arxiv_id);
            sqlite3_reset(insert.get());
        }
    });
    exec(db, "COMMIT");
}

}  // namespace

void build_fts5(const std::string& db_path, const std::string& tokenizer,
                const std::vector<std::string>& files) {
    Connection db = open_db(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    exec(db.get(),
         "CREATE VIRTUAL TABLE papers USING fts5(title, authors, sections, arxiv_id UNINDEXED, "
         "date UNINDEXED, votes UNINDEXED, tokenize='" +
             tokenizer + "')");
    insert_papers(db.get(), files);
    exec(db.get(), "INSERT INTO papers(papers) VALUES('optimize')");
    exec(db.get(), "VACUUM");
}

void insert_fts5(const std::string& db_path, const std::vector<std::string>& files) {
    Connection db = open_db(db_path, SQLITE_OPEN_READWRITE);
    insert_papers(db.get(), files);
}

Fts5Reader::Fts5Reader(const std::string& db_path)
    : db_(open_db(db_path, SQLITE_OPEN_READONLY).release()) {}

Fts5Reader::~Fts5Reader() {
    sqlite3_close(db_);
}

size_t Fts5Reader::run(const std::string& sql, const std::string& match) {
    Statement query = prepare(db_, sql);
    bind_text(query.get(), 1, match);
    size_t rows = 0;
    int rc;
    while ((rc = sqlite3_step(query.get())) == SQLITE_ROW) {
        for (int column = 0; column < sqlite3_column_count(query.get()); ++column)
            sqlite3_column_text(query.get(), column);
        ++rows;
    }
    if (rc != SQLITE_DONE) fail(db_, sql);
    return rows;
}

int64_t Fts5Reader::number(const std::string& sql, const std::string& match) {
    Statement query = prepare(db_, sql);
    bind_text(query.get(), 1, match);
    if (sqlite3_step(query.get()) != SQLITE_ROW) fail(db_, sql);
    return sqlite3_column_int64(query.get(), 0);
}

}  // namespace papers::bench
