// Digests as the network may deliver them: one paper block of tens of
// megabytes, random bytes, a header and nothing else. What one paper may
// cost is bounded (indexer/digest_parser.h) and every cut or empty file is
// reported with its file and line.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "analyzers/utf8.h"
#include "indexer/digest_parser.h"

namespace papers::test {
namespace {

const std::string kHeader = "## Daily Papers (2024-09-25)\n\n";

std::string paper(const std::string& id, const std::string& title = "A Title",
                  const std::string& authors = "Ge Zhang, Bob Stone") {
    return "### [" + title + "](https://arxiv.org/abs/" + id +
           ")\n\nVote: 3\n\nAuthors: " + authors +
           "\n\n- **What's New**: 확산 모델을 제안합니다.\n";
}

size_t text_bytes(const Paper& paper) {
    size_t bytes = 0;
    for (const auto& section : paper.sections) bytes += section.text.size();
    return bytes;
}

bool reported(const DigestParse& parse, size_t line, const std::string& words) {
    for (const auto& issue : parse.issues)
        if (issue.line == line && issue.message.find(words) != std::string::npos) return true;
    return false;
}

std::string describe(const DigestParse& parse) {
    std::string out;
    for (const auto& issue : parse.issues)
        out += issue.file + ":" + std::to_string(issue.line) + ": " + issue.message + "\n";
    return out;
}

// A 48 MB block took 455 MB to index and seconds for every search showing it.
TEST(HostileDigestTest, AHugeBlockIsCutAtTheLimitAndReportedWithItsLine) {
    const std::string huge_line = "- **Technical Details**: " + std::string(20 << 20, 'x') + "\n";
    const std::string digest = kHeader + paper("2409.00001") + "more text\n" + huge_line +
                               "- **Extra**: 더 많은 글\n" + paper("2409.00002");
    const DigestParse parse = parse_digest(digest, "2024-09-25.md");
    ASSERT_EQ(parse.papers.size(), 2u) << describe(parse);
    EXPECT_LE(text_bytes(parse.papers[0]), kMaxPaperTextBytes);
    EXPECT_GT(text_bytes(parse.papers[0]), kMaxPaperTextBytes / 2);
    // The huge line is line 11 of the file.
    EXPECT_TRUE(reported(parse, 11, "2409.00001: text cut to 64 KiB")) << describe(parse);
    EXPECT_EQ(parse.papers[1].sections.size(), 1u) << "the next paper is whole";
    EXPECT_EQ(parse.issues.size(), 1u) << describe(parse);
}

TEST(HostileDigestTest, AHugeTitleAndAuthorListAreCutAndReported) {
    std::string authors;
    for (int i = 0; i < 20000; ++i) authors += "Author Number" + std::to_string(i) + ", ";
    const std::string digest =
        kHeader + paper("2409.00001", std::string(100000, 'T') + " 확산", authors);
    const DigestParse parse = parse_digest(digest, "2024-09-25.md");
    ASSERT_EQ(parse.papers.size(), 1u) << describe(parse);
    EXPECT_LE(parse.papers[0].title.size(), kMaxTitleBytes);
    size_t author_bytes = 0;
    for (const auto& author : parse.papers[0].authors) author_bytes += author.size() + 2;
    EXPECT_LE(author_bytes, kMaxAuthorsBytes + 2);
    EXPECT_TRUE(reported(parse, 3, "title cut to")) << describe(parse);
    EXPECT_TRUE(reported(parse, 7, "author list cut to")) << describe(parse);
}

TEST(HostileDigestTest, AMultiByteTextIsCutOnACodePoint) {
    std::string korean;
    while (korean.size() < kMaxPaperTextBytes + 100) korean += "확산";
    const std::string digest = kHeader + paper("2409.00001") + "x" + korean + "\n";
    const DigestParse parse = parse_digest(digest, "2024-09-25.md");
    ASSERT_EQ(parse.papers.size(), 1u);
    const std::string& text = parse.papers[0].sections.back().text;
    EXPECT_TRUE(is_valid_utf8(text)) << "ends on a whole syllable";
    EXPECT_LE(text.size(), kMaxPaperTextBytes);
}

// Random bytes, a header alone or one 5 MB line were "1 indexed ... 0 papers".
TEST(HostileDigestTest, AFileWithNoPaperIsReportedByName) {
    std::mt19937 random(14);
    std::string noise(4096, '\0');
    for (auto& byte : noise) byte = static_cast<char>(random());
    for (const std::string& content :
         {noise, kHeader, kHeader + std::string(5 << 20, 'y'), std::string()}) {
        const DigestParse parse = parse_digest(content, "paper_logs/2024/09/25.md");
        EXPECT_TRUE(parse.papers.empty());
        ASSERT_FALSE(parse.issues.empty()) << content.size();
        EXPECT_EQ(parse.issues.front().file, "paper_logs/2024/09/25.md");
        EXPECT_NE(parse.issues.front().message.find("no paper"), std::string::npos);
    }
}

// An old-style id with a 300-letter archive name made a term Xapian refuses,
// which failed the whole index run.
TEST(HostileDigestTest, AnIdTooLongForTheIndexIsNotAPaper) {
    const std::string digest =
        kHeader + paper(std::string(300, 'a') + "/0101001") + paper("cond-mat.stat-mech/0101001");
    const DigestParse parse = parse_digest(digest, "2024-09-25.md");
    ASSERT_EQ(parse.papers.size(), 1u) << describe(parse);
    EXPECT_EQ(parse.papers[0].arxiv_id, "cond-mat.stat-mech/0101001");
    EXPECT_TRUE(reported(parse, 3, "not an arXiv paper URL")) << describe(parse);
}

}  // namespace
}  // namespace papers::test
