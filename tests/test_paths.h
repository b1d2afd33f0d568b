// Where tests find their data. ../shared/ is only present on developer and CI
// machines; tests that need it call PAPERS_REQUIRE_SHARED() and skip otherwise.
#pragma once

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace papers::test {

inline std::filesystem::path source_dir() { return PAPERS_SOURCE_DIR; }
inline std::filesystem::path fixtures_dir() { return source_dir() / "tests" / "fixtures"; }
inline std::filesystem::path shared_corpus_dir() {
    return source_dir().parent_path() / "shared" / "corpus" / "daily_papers_ko" / "paper_logs";
}
inline bool have_shared_corpus() { return std::filesystem::is_directory(shared_corpus_dir()); }

}  // namespace papers::test

#define PAPERS_REQUIRE_SHARED()                                                        \
    do {                                                                               \
        if (!papers::test::have_shared_corpus())                                       \
            GTEST_SKIP() << "../shared/corpus is absent (a user's clone): skipped";     \
    } while (0)
