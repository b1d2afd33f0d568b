// The fixture every end-to-end test uses: a fresh temporary directory holding
// this test's index (PAPERS_DB) and HOME, so no test sees another's index or
// the developer's own.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/e2e/cli_runner.h"
#include "tests/test_paths.h"

namespace papers::test {

class PapersTest : public ::testing::Test {
  protected:
    std::string db() const { return dir_.path() + "/db"; }
    std::string home() const { return dir_.path() + "/home"; }
    // A path inside this test's directory (not created).
    std::string dir_path(const std::string& name) const { return dir_.path() + "/" + name; }

    // Runs `papers args...` with PAPERS_DB=db() and HOME=home(), then `env`.
    RunResult papers(const std::vector<std::string>& args, const Environment& env = {},
                     Stdout stdout_kind = Stdout::Pipe) const;

    // `papers index PATH`, which must succeed.
    void index(const std::string& path) const;
    void index_seed_corpus() const { index((source_dir() / "corpus").string()); }

  private:
    TempDir dir_;
};

// stdout parsed as JSON; a failure (with the output) if it is not JSON.
nlohmann::json parse_json(const RunResult& result);

// The output of a run, for failure messages.
std::string describe(const RunResult& result);

constexpr char kEsc = '\x1b';

}  // namespace papers::test
