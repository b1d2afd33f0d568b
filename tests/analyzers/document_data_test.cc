#include "analyzers/document_data.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace papers {
namespace {

Paper sample_paper() {
    Paper p;
    p.arxiv_id = "2409.16191";
    p.title = "HelloBench: Evaluating \"Long\" Text Generation";
    p.date = "2024-09-25";
    p.votes = 28;
    p.authors = {"Songyang Zhang", "José Pombal", "김철수"};
    p.sections = {{"What's New", "새로운 벤치마크\n두 번째 줄"},
                  {"Technical Details", "GPT-4o 및 Claude-3.5-Sonnet"},
                  {"Summary", "첫째"},
                  {"Summary", "둘째"}};  // names repeat; order matters
    p.source_file = "/data/paper_logs/2024/09/25.md";
    p.source_line = 3;
    return p;
}

void expect_same(const Paper& a, const Paper& b) {
    EXPECT_EQ(a.arxiv_id, b.arxiv_id);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.date, b.date);
    EXPECT_EQ(a.votes, b.votes);
    EXPECT_EQ(a.authors, b.authors);
    ASSERT_EQ(a.sections.size(), b.sections.size());
    for (size_t i = 0; i < a.sections.size(); ++i) {
        EXPECT_EQ(a.sections[i].name, b.sections[i].name) << i;
        EXPECT_EQ(a.sections[i].text, b.sections[i].text) << i;
    }
    EXPECT_EQ(a.source_file, b.source_file);
    EXPECT_EQ(a.source_line, b.source_line);
}

TEST(DocumentDataTest, RoundTrip) {
    StoredPaper stored;
    stored.paper = sample_paper();
    Paper earlier = sample_paper();
    earlier.date = "2024-09-24";
    earlier.votes.reset();
    earlier.sections.clear();
    earlier.authors.clear();
    stored.occurrences = {earlier, sample_paper()};

    const std::string data = to_document_data(stored);
    const StoredPaper back = from_document_data(data);
    expect_same(back.paper, stored.paper);
    ASSERT_EQ(back.occurrences.size(), 2u);
    expect_same(back.occurrences[0], earlier);
    expect_same(back.occurrences[1], stored.paper);
    EXPECT_EQ(to_document_data(back), data);  // stable: same bytes again
}

TEST(DocumentDataTest, Shape) {
    StoredPaper stored;
    stored.paper = sample_paper();
    stored.paper.votes.reset();
    const auto j = nlohmann::json::parse(to_document_data(stored));
    EXPECT_EQ(j.at("arxiv_id"), "2409.16191");
    EXPECT_TRUE(j.at("votes").is_null());
    EXPECT_EQ(j.at("authors").size(), 3u);
    ASSERT_TRUE(j.at("sections").is_array());
    EXPECT_EQ(j.at("sections")[0],
              nlohmann::json::array({"What's New", "새로운 벤치마크\n두 번째 줄"}));
    EXPECT_EQ(j.at("sections")[3][1], "둘째");
    EXPECT_EQ(j.at("source_line"), 3);
    EXPECT_FALSE(j.contains("occurrences"));  // omitted when empty
}

TEST(DocumentDataTest, RejectsWhatItDidNotWrite) {
    const std::string good = to_document_data(StoredPaper{sample_paper(), {}});
    EXPECT_NO_THROW(from_document_data(good));
    for (
        const char* bad : {
            "",
            "not json",
            "[]",
            "{}",
            R"({"arxiv_id": 1})",
            R"({"arxiv_id":"1","title":"t","date":"d","votes":"many","authors":[],"sections":[],"source_file":"f","source_line":1})",
            R"({"arxiv_id":"1","title":"t","date":"d","votes":null,"authors":[],"sections":[["only name"]],"source_file":"f","source_line":1})",
            R"({"arxiv_id":"1","title":"t","date":"d","votes":null,"authors":[],"sections":[],"source_file":"f","source_line":-1})",
            R"({"arxiv_id":"1","title":"t","date":"d","votes":null,"authors":[],"sections":[],"source_file":"f","source_line":1,"occurrences":{}})",
        }) {
        EXPECT_THROW(from_document_data(bad), std::runtime_error) << bad;
    }
}

}  // namespace
}  // namespace papers
