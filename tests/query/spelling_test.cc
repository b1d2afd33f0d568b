// Spelling suggestions: the index side (the spelling table holds the words
// of titles and sections as written, and stays exact as papers are replaced
// and retracted) and the query side (suggest, correct, keep the syntax).
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>

#include "tests/query/index_fixture.h"

namespace papers::test {
namespace {

class SpellingTest : public IndexFixture {
  protected:
    void SetUp() override {
        IndexFixture::SetUp();
        index();
    }

    SearchResults search(const std::string& query) {
        SearchRequest request;
        request.query = query;
        auto searcher = open();
        auto results = searcher->search(request);
        EXPECT_TRUE(results) << query << ": " << (results ? "" : results.error().message);
        return results ? *results : SearchResults{};
    }

    static std::vector<std::string> sorted_ids(const SearchResults& results) {
        std::vector<std::string> ids;
        for (const auto& hit : results.hits) ids.push_back(hit.paper.arxiv_id);
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    // How many papers the spelling table counts for `word` (0: absent).
    // `query` gets `suggestion`, and the hits are the suggestion's: `ids`.
    void expect_corrected(const std::string& query, const std::string& suggestion, bool relaxed,
                          const std::vector<std::string>& ids) {
        const SearchResults results = search(query);
        EXPECT_EQ(results.suggestion, suggestion) << query;
        EXPECT_TRUE(results.corrected) << query;
        EXPECT_EQ(results.relaxed, relaxed) << query;
        EXPECT_EQ(sorted_ids(results), ids) << query;
    }

    Xapian::doccount spelling_frequency(const std::string& word) {
        Xapian::Database database(db());
        auto it = database.spellings_begin();
        it.skip_to(word);
        return it != database.spellings_end() && *it == word ? it.get_termfreq() : 0;
    }

    // A day of `count` papers whose summaries say `word`.
    void write_day(const std::string& relative, const std::string& date, int first_id, int count,
                   const std::string& word) {
        std::string digest = "## Daily Papers (" + date + ")\n\n";
        for (int i = 0; i < count; ++i) {
            const std::string id = "2409." + std::to_string(first_id + i);
            digest += "### [Paper " + id + "](https://arxiv.org/abs/" + id + ")\n\nVote: 1\n\n" +
                      "Authors: Eve Gray\n\n- **What's New**: " + word + " 방법을 제안합니다.\n\n";
        }
        write(relative, digest);
    }
};

using Ids = std::vector<std::string>;

TEST_F(SpellingTest, TableHoldsWordsAsWrittenNotStemsNorAuthors) {
    EXPECT_EQ(spelling_frequency("diffusion"), 2u);  // 2409.00001 and 2409.00003
    EXPECT_EQ(spelling_frequency("diffus"), 0u);     // the stem is not a word
    EXPECT_EQ(spelling_frequency("확산"), 2u);       // Korean: the word without its particle
    EXPECT_EQ(spelling_frequency("모델을"), 0u);
    EXPECT_EQ(spelling_frequency("pombal"), 0u);  // author names are not suggested
    EXPECT_EQ(spelling_frequency("gpt-4o"), 0u);  // nor compounds
}

TEST_F(SpellingTest, TableFollowsReplacedAndRetractedPapers) {
    EXPECT_EQ(spelling_frequency("code"), 1u);  // only 2409.00004, on day two
    std::filesystem::remove(corpus() + "/2024/09/26.md");
    index();
    EXPECT_EQ(spelling_frequency("code"), 0u);       // its only paper is gone
    EXPECT_EQ(spelling_frequency("diffusion"), 2u);  // 2409.00001 was replaced, counted once
    index(/*force=*/true);
    EXPECT_EQ(spelling_frequency("diffusion"), 2u);
}

TEST_F(SpellingTest, MisspeltWordWithNoMatchShowsTheCorrectedResults) {
    expect_corrected("difusion", "diffusion", false, {"2409.00001", "2409.00003"});
}

TEST_F(SpellingTest, KoreanTypoKeepsItsParticle) {
    expect_corrected("확샨을", "확산을", false, {"2409.00001", "2409.00003"});
}

TEST_F(SpellingTest, CorrectWordsGetNoSuggestion) {
    for (const char* query : {"diffusion", "보상 모델", "reward models", "title:video", "GPT-4o"}) {
        const SearchResults results = search(query);
        EXPECT_EQ(results.suggestion, "") << query;
        EXPECT_FALSE(results.corrected) << query;
        EXPECT_GT(results.total, 0u) << query;
    }
}

TEST_F(SpellingTest, FieldsQuotesAndOperatorsAreKept) {
    const SearchResults in_title = search("title:difusion");
    EXPECT_EQ(in_title.suggestion, "title:diffusion");
    EXPECT_EQ(sorted_ids(in_title), (Ids{"2409.00001"}));

    const SearchResults phrase = search("\"difusion model\" -Vidoe");
    EXPECT_EQ(phrase.suggestion, "\"diffusion model\" -Video");
    EXPECT_EQ(sorted_ids(phrase), (Ids{"2409.00001"}));

    // Only a word its field has: "reward" is in no details section.
    const SearchResults group = search("details:(difusion OR decodr OR rewrd)");
    EXPECT_EQ(group.suggestion, "details:(diffusion OR decoder OR rewrd)");
}

TEST_F(SpellingTest, MatchedQueryWithARareMisspellingSaysDidYouMean) {
    // 20 papers say "retrieval", one says "retrival": the query matches that
    // one, and a much commoner neighbour is suggested, not substituted.
    std::filesystem::create_directories(corpus() + "/2024/10");
    write_day("2024/10/01.md", "2024-10-01", 20001, 20, "retrieval");
    write_day("2024/10/02.md", "2024-10-02", 20101, 1, "retrival");
    index();
    const SearchResults results = search("retrival");
    EXPECT_EQ(results.suggestion, "retrieval");
    EXPECT_FALSE(results.corrected);
    EXPECT_EQ(sorted_ids(results), (Ids{"2409.20101"}));
    // A rare word whose neighbour is not much commoner is left alone.
    write_day("2024/10/01.md", "2024-10-01", 20001, 5, "retrieval");
    index();
    EXPECT_EQ(search("retrival").suggestion, "");
}

TEST_F(SpellingTest, SuggestionWithAnyWordOnlyWhenTheQueryMatchesNothingAtAll) {
    // "zzyzx" has no neighbour: no paper has every word of the suggestion,
    // and none has any word as typed, so any word of the suggestion.
    expect_corrected("zzyzx difusion", "zzyzx diffusion", true, {"2409.00001", "2409.00003"});
    // No paper has both "motion" and "reward", and "motion" matches as
    // typed: any word of the query as typed wins over the suggestion.
    const SearchResults typed = search("motion rewrd");
    EXPECT_FALSE(typed.corrected);
    EXPECT_EQ(typed.suggestion, "motion reward");
    EXPECT_EQ(sorted_ids(typed), (Ids{"2409.00003"}));
}

TEST_F(SpellingTest, NothingToSuggestKeepsTheOldRelaxation) {
    const SearchResults results = search("zzyzx diffusion");
    EXPECT_EQ(results.suggestion, "");
    EXPECT_TRUE(results.relaxed);
    EXPECT_EQ(sorted_ids(results), (Ids{"2409.00001", "2409.00003"}));
}

}  // namespace
}  // namespace papers::test
