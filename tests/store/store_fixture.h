// What the index-store tests share: a synthetic corpus in upstream's layout
// (known paper counts, no dependency on ../shared), an index directory, a
// child `papers` process that can be killed, and checks of an index's health.
#pragma once

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace papers::test {

// Writes `days` digests of `papers_per_day` papers each, one day after another
// from 2024-01-01, as <corpus>/paper_logs/YYYY/MM/DD.md. Paper ids are unique
// over the corpus (2401.DDPPP), so the index holds days * papers_per_day papers.
// `first_day` (0-based) lets a second call add later days to the same corpus.
void write_corpus(const std::string& corpus, int days, int papers_per_day, int first_day = 0);

// The path of day `index`'s digest, relative to the corpus root, and its date.
std::string day_path(int index);
std::string day_string(int index);  // YYYY-MM-DD

// A child process (fork + exec), stdout and stderr to `log`.
class Child {
  public:
    Child(const std::vector<std::string>& argv, const std::string& log);
    ~Child();  // kills and reaps it if still running
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    void kill_now();  // SIGKILL
    int wait();       // exit status, or 128 + signal
    bool running();   // not exited yet (reaps it if it has)
  private:
    int pid_ = -1;
    int status_ = -1;
};

// Runs `papers ARGS...` to the end; returns its exit status. Output goes to
// `log` (appended) for a failing test to show.
int run_papers(const std::vector<std::string>& args, const std::string& log);

struct IndexHealth {
    bool opens = false;
    std::string error;
    size_t papers = 0;          // get_doccount()
    size_t distinct_ids = 0;    // Q terms
    size_t duplicated_ids = 0;  // Q terms with more than one document
    size_t matches = 0;         // results for "transformer" (every synthetic paper has it)
    bool searchable = false;    // that search ran, and found every paper
};

// Opens `db` read-only the way `papers search` does and checks it.
IndexHealth check_index(const std::string& db);

// The entries of `dir` (names only), for layout checks.
std::set<std::string> entries(const std::string& dir);

// A deterministic per-test random delay source.
unsigned test_seed();

}  // namespace papers::test
