// The SQLite FTS5 peers: one table per database,
//   papers(title, authors, sections, arxiv_id UNINDEXED, date UNINDEXED, votes UNINDEXED)
// with tokenize='unicode61' or 'trigram', ranked by bm25. Errors throw
// std::runtime_error with SQLite's message.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

namespace papers::bench {

// Creates `db_path` (absent before) with `tokenizer`, inserts every paper of
// `files` in one transaction, then merges the FTS5 segments ('optimize')
// and VACUUMs: the smallest form of the database.
void build_fts5(const std::string& db_path, const std::string& tokenizer,
                const std::vector<std::string>& files);

// Inserts the papers of `files` into the existing database, one transaction.
void insert_fts5(const std::string& db_path, const std::vector<std::string>& files);

// A read-only connection that runs a query with one text parameter.
class Fts5Reader {
  public:
    explicit Fts5Reader(const std::string& db_path);
    ~Fts5Reader();
    Fts5Reader(const Fts5Reader&) = delete;
    Fts5Reader& operator=(const Fts5Reader&) = delete;

    // Prepares `sql`, binds `match` to its `?` and steps through every row,
    // reading each column as the sqlite3 CLI would print it. Returns the rows.
    size_t run(const std::string& sql, const std::string& match);

    // The integer the one-row query `sql` yields with `match` bound to its `?`.
    int64_t number(const std::string& sql, const std::string& match);

  private:
    sqlite3* db_ = nullptr;
};

}  // namespace papers::bench
