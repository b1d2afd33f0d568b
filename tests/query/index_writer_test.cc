#include "indexer/index_writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>

#include "tests/query/index_fixture.h"

namespace papers::test {
namespace {

class IndexWriterTest : public IndexFixture {};

std::string data_of(const std::string& db, const std::string& id) {
    Xapian::Database database(db);
    auto it = database.postlist_begin("Q" + id);
    return it == database.postlist_end("Q" + id) ? "" : database.get_document(*it).get_data();
}

TEST_F(IndexWriterTest, ReindexingUnchangedFilesChangesNothing) {
    IndexReport first = index();
    EXPECT_EQ(first.files_indexed, 2u);
    EXPECT_EQ(first.papers_total, 4u);
    const std::string before = data_of(db(), "2409.00001");
    IndexReport second = index();
    EXPECT_EQ(second.files_unchanged, 2u);
    EXPECT_EQ(second.files_indexed, 0u);
    EXPECT_EQ(second.papers_indexed, 0u);
    EXPECT_EQ(second.papers_total, 4u);
    EXPECT_EQ(data_of(db(), "2409.00001"), before);
    IndexReport forced = index(/*force=*/true);
    EXPECT_EQ(forced.files_indexed, 2u);
    EXPECT_EQ(forced.papers_total, 4u);
    EXPECT_EQ(data_of(db(), "2409.00001"), before);
}

TEST_F(IndexWriterTest, ChangedFileIsReindexedWithoutDuplicates) {
    index();
    // Day two drops 2409.00004 and lowers the vote of 00001 to 1.
    write("2024/09/26.md", R"(## Daily Papers (2024-09-26)

### [Reward Models for Diffusion: Aligning Text-to-Image Generation](https://arxiv.org/abs/2409.00001)

Vote: 1

Authors: Ge Zhang
)");
    std::filesystem::last_write_time(
        corpus() + "/2024/09/26.md",
        std::filesystem::file_time_type::clock::now() + std::chrono::seconds(5));
    IndexReport report = index();
    EXPECT_EQ(report.files_indexed, 1u);
    EXPECT_EQ(report.files_unchanged, 1u);
    EXPECT_EQ(report.papers_total, 3u);  // 00004 retracted
    auto searcher = open();
    auto paper = searcher->show("2409.00001");
    ASSERT_TRUE(paper);
    EXPECT_EQ(paper->votes, 30);  // the highest left is day one's
    EXPECT_FALSE(searcher->show("2409.00004"));
}

TEST_F(IndexWriterTest, DeletedFileIsRetracted) {
    index();
    std::filesystem::remove(corpus() + "/2024/09/26.md");
    IndexReport report = index();
    EXPECT_EQ(report.files_removed, 1u);
    EXPECT_EQ(report.papers_total, 3u);  // 2409.00004 was only on the 26th
    auto searcher = open();
    auto paper = searcher->show("2409.00001");
    ASSERT_TRUE(paper);
    EXPECT_EQ(paper->votes, 30);  // the 26th's 42 votes went with it
    EXPECT_FALSE(searcher->show("2409.00004"));
    EXPECT_EQ(index().files_removed, 0u);
}

TEST_F(IndexWriterTest, MalformedBlocksAreReportedAndSkipped) {
    write("2024/09/27.md",
          "## Daily Papers (2024-09-27)\n\n### Not a link at all\n\nVote: 3\n\n"
          "### [Fine Paper](https://arxiv.org/abs/2409.00009)\n\nVote: 1\n");
    write("2024/09/28.md", std::string("## Daily Papers (2024-09-28)\n\n### [Bad \xff\xfe UTF-8]"
                                       "(https://arxiv.org/abs/2409.00010)\n\nVote: 2\n"));
    IndexReport report = index();
    EXPECT_EQ(report.files_indexed, 4u);
    EXPECT_EQ(report.papers_total, 6u);
    ASSERT_FALSE(report.issues.empty());
    EXPECT_NE(report.issues.front().file.find("27.md"), std::string::npos);
    EXPECT_EQ(report.issues.front().line, 3u);
}

TEST_F(IndexWriterTest, MissingInputIsBadInput) {
    IndexRequest request;
    request.db_path = db();
    request.inputs = {root_ + "/nope"};
    auto report = index_paths(request);
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().kind, ErrorKind::BadInput);
    EXPECT_NE(report.error().message.find("nope"), std::string::npos);
}

}  // namespace
}  // namespace papers::test
