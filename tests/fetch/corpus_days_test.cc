// The corpus layout: calendar days, paths, the newest day present.
#include "indexer/corpus_days.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "indexer/atomic_file.h"
#include "tests/e2e/cli_runner.h"

namespace papers {
namespace {

namespace fs = std::filesystem;

TEST(CorpusDays, ParsesAndFormatsCalendarDays) {
    for (const char* text :
         {"1970-01-01", "2023-11-20", "2024-02-29", "2000-02-29", "2024-12-31"}) {
        const auto day = parse_day(text);
        ASSERT_TRUE(day) << text;
        EXPECT_EQ(format_day(*day), text);
    }
    EXPECT_EQ(parse_day("1970-01-01")->serial, 0);
    EXPECT_EQ(parse_day("2024-08-01")->serial, 19936);
    for (const char* text : {"2023-02-29", "1900-02-29", "2024-04-31", "2024-00-10", "2024-1-01",
                             "2024/01/01", "2024-01-01x", "", "+024-01-01", "1899-12-31"})
        EXPECT_FALSE(parse_day(text)) << text;
}

TEST(CorpusDays, NextDayCrossesMonthsAndYears) {
    EXPECT_EQ(format_day(next_day(*parse_day("2024-02-28"))), "2024-02-29");
    EXPECT_EQ(format_day(next_day(*parse_day("2024-02-29"))), "2024-03-01");
    EXPECT_EQ(format_day(next_day(*parse_day("2023-12-31"))), "2024-01-01");
}

TEST(CorpusDays, RelativePathIsUpstreamsLayout) {
    EXPECT_EQ(digest_relative_path(*parse_day("2024-09-05")), "paper_logs/2024/09/05.md");
}

TEST(CorpusDays, TodayIsAPlausibleDay) {
    EXPECT_LT(*parse_day("2024-01-01"), today_utc());
}

TEST(CorpusDays, NewestDayPresentCountsOnlyDigestFiles) {
    test::TempDir dir;
    const std::string root = dir.path();
    EXPECT_FALSE(newest_day_present(root));
    const auto touch = [&](const std::string& relative) {
        ASSERT_FALSE(write_file_atomically(root + "/" + relative, "x"));
    };
    touch("paper_logs/2024/08/01.md");
    touch("paper_logs/2023/12/31.md");
    EXPECT_EQ(format_day(*newest_day_present(root)), "2024-08-01");
    // None of these is a digest of a later day.
    touch("paper_logs/2024/09/.02.md.tmp-abcdef");
    touch("paper_logs/2024/09/02.md.bak");
    touch("paper_logs/2024/09/2.md");
    touch("paper_logs/2024/13/01.md");
    touch("paper_logs/2024/09/31.md");
    touch("paper_logs/2025/01/01/01.md");
    touch("paper_logs/papers_list.csv");
    fs::create_directories(root + "/paper_logs/2025/02/03.md");  // a directory
    EXPECT_EQ(format_day(*newest_day_present(root)), "2024-08-01");
    touch("paper_logs/2024/08/02.md");
    EXPECT_EQ(format_day(*newest_day_present(root)), "2024-08-02");
}

TEST(AtomicFile, ReplacesContentAndLeavesNoTemporaryFile) {
    test::TempDir dir;
    const std::string path = dir.path() + "/a/b/c.md";
    ASSERT_FALSE(write_file_atomically(path, "one"));
    ASSERT_FALSE(write_file_atomically(path, "two"));
    EXPECT_EQ(*read_whole_file(path), "two");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path() + "/a/b"), fs::directory_iterator()),
              1);
    EXPECT_EQ(fs::status(path).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                  fs::perms::others_read);
    // A directory in the way: an error, and nothing is written.
    EXPECT_TRUE(write_file_atomically(dir.path() + "/a/b", "x"));
}

}  // namespace
}  // namespace papers
