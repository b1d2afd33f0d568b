// What the tests of serve, remote search, shards and mirror share: a fresh
// directory, the real `papers` binary, corpora of a few days, and `papers
// serve` running on a free loopback port, stopped by the test.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "serving/child_process.h"
#include "tests/e2e/cli_runner.h"

namespace papers::test {

// A running `papers serve`; stopped (SIGTERM) when destroyed.
struct Server {
    std::unique_ptr<ChildProcess> process;
    unsigned port = 0;
    std::string log;  // its stderr (and the server program's lines) so far
    std::string address() const { return "127.0.0.1:" + std::to_string(port); }
    std::string url() const { return "tcp://" + address(); }
};

class ServingTest : public ::testing::Test {
  protected:
    std::string path(const std::string& name) const { return dir_.path() + "/" + name; }

    // `papers args...`, with HOME and XDG_CACHE_HOME inside the test's directory.
    RunResult papers(const std::vector<std::string>& args, const Environment& env = {}) const;
    // `papers args...` must exit 0; its stdout as JSON.
    nlohmann::json papers_json(const std::vector<std::string>& args) const;

    // A corpus directory of the days [first, first + count) of the sample
    // (../shared/corpus's January 2024, else the project's fixtures).
    std::string corpus(const std::string& name, size_t first, size_t count) const;
    static size_t sample_days();
    // `papers index --db db corpus`, which must succeed.
    void index(const std::string& db, const std::string& corpus) const;

    // `papers serve --db db` on a free port of 127.0.0.1, once it listens.
    Server serve(const std::string& db, bool replication = false) const;

  private:
    TempDir dir_;
};

// A port nothing listens on now (bound to port 0 and closed).
unsigned free_port();

std::string describe_run(const RunResult& result);

}  // namespace papers::test
