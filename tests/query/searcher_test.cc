#include "query/searcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "tests/query/index_fixture.h"

namespace papers::test {
namespace {

class SearcherTest : public SearchFixture {
  protected:
    // The papers with every word (not those with some, which follow them).
    std::vector<std::string> ids(const std::string& query, SortOrder sort = SortOrder::Relevance) {
        SearchRequest request;
        request.query = query;
        request.sort = sort;
        auto results = searcher_->search(request);
        EXPECT_TRUE(results) << query << ": " << (results ? "" : results.error().message);
        std::vector<std::string> out;
        if (results)
            for (const auto& hit : results->hits)
                if (!hit.partial) out.push_back(hit.paper.arxiv_id);
        return out;
    }

    std::vector<std::string> sorted_ids(const std::string& query) {
        auto out = ids(query);
        std::sort(out.begin(), out.end());
        return out;
    }
};

using Ids = std::vector<std::string>;

TEST_F(SearcherTest, EnglishWordsAreStemmedAndAllMustMatch) {
    EXPECT_EQ(sorted_ids("diffusion"), (Ids{"2409.00001", "2409.00003"}));
    EXPECT_EQ(sorted_ids("reward diffusion"), (Ids{"2409.00001"}));
    EXPECT_EQ(sorted_ids("rewards"), (Ids{"2409.00001"}));  // stemmed like "reward"
}

TEST_F(SearcherTest, KoreanParticlesAndSpacingDoNotMatter) {
    // "보상 모델을" (day one), "보상모델이" (2409.00002).
    EXPECT_EQ(sorted_ids("보상 모델"), (Ids{"2409.00001", "2409.00002"}));
    EXPECT_EQ(sorted_ids("보상모델"), (Ids{"2409.00001", "2409.00002"}));
    // "강화 학습(" (00001) and "강화학습" (00002) find each other.
    EXPECT_EQ(sorted_ids("강화학습"), (Ids{"2409.00001", "2409.00002"}));
    EXPECT_EQ(sorted_ids("강화 학습"), (Ids{"2409.00001", "2409.00002"}));
    // 제안합니다 / 제안했습니다 share the root 제안.
    EXPECT_EQ(sorted_ids("제안했습니다"), (Ids{"2409.00001", "2409.00003", "2409.00004"}));
}

TEST_F(SearcherTest, MixedTokensMatchWholeAndByParts) {
    EXPECT_EQ(sorted_ids("GPT-4o"), (Ids{"2409.00001"}));
    EXPECT_EQ(sorted_ids("LLM-as-a-Judge"), (Ids{"2409.00004"}));
    EXPECT_EQ(sorted_ids("judge"), (Ids{"2409.00004"}));
    EXPECT_EQ(sorted_ids("text-to-image"), (Ids{"2409.00001"}));
}

TEST_F(SearcherTest, FieldsPhrasesAndOperators) {
    EXPECT_EQ(sorted_ids("title:diffusion"), (Ids{"2409.00001"}));
    EXPECT_EQ(sorted_ids("details:diffusion"), (Ids{"2409.00003"}));
    EXPECT_EQ(sorted_ids("\"language models\""), (Ids{"2409.00002"}));
    EXPECT_EQ(sorted_ids("\"models language\""), (Ids{}));
    EXPECT_EQ(sorted_ids("diffusion -reward"), (Ids{"2409.00003"}));
    EXPECT_EQ(sorted_ids("diffusion NOT title:reward"), (Ids{"2409.00003"}));
    EXPECT_EQ(sorted_ids("scaling OR video"), (Ids{"2409.00002", "2409.00003"}));
    EXPECT_EQ(sorted_ids("(scaling OR video) AND motion"), (Ids{"2409.00003"}));
    EXPECT_EQ(sorted_ids("id:2409.00003"), (Ids{"2409.00003"}));
}

TEST_F(SearcherTest, AuthorFieldIsExactForFullNames) {
    EXPECT_EQ(sorted_ids("author:\"Ge Zhang\""), (Ids{"2409.00001", "2409.00004"}));
    EXPECT_EQ(sorted_ids("author:\"zhang, ge\""), (Ids{"2409.00001", "2409.00004"}));
    EXPECT_EQ(sorted_ids("author:zhang"), (Ids{"2409.00001", "2409.00002", "2409.00004"}));
    EXPECT_EQ(sorted_ids("author:pombal"), (Ids{"2409.00001"}));
}

TEST_F(SearcherTest, DateAndVoteRangesFilter) {
    EXPECT_EQ(sorted_ids("date:2024-09-26"), (Ids{"2409.00004"}));
    EXPECT_EQ(sorted_ids("date:2024-09"),
              (Ids{"2409.00001", "2409.00002", "2409.00003", "2409.00004"}));
    EXPECT_EQ(sorted_ids("date:..2024-09-25 votes:10.."), (Ids{"2409.00001", "2409.00003"}));
    EXPECT_EQ(sorted_ids("votes:..8"), (Ids{"2409.00002", "2409.00004"}));
    EXPECT_EQ(sorted_ids("diffusion votes:20..50"), (Ids{"2409.00001"}));
}

TEST_F(SearcherTest, SortsByVotesAndDate) {
    EXPECT_EQ(ids("date:2024", SortOrder::Votes),
              (Ids{"2409.00001", "2409.00003", "2409.00004", "2409.00002"}));
    EXPECT_EQ(ids("date:2024", SortOrder::Date).front(), "2409.00004");
}

TEST_F(SearcherTest, VotesBreakTiesInRelevanceRanking) {
    // The title match and the votes both favour 00001.
    EXPECT_EQ(ids("diffusion").front(), "2409.00001");
}

TEST_F(SearcherTest, PapersWithSomeWordsFollowThoseWithAll) {
    SearchRequest request;
    request.query = "reward diffusion";
    auto results = searcher_->search(request);
    ASSERT_TRUE(results);
    EXPECT_FALSE(results->relaxed);
    EXPECT_EQ(results->total_every_word, 1u);
    EXPECT_EQ(results->total, 2u);
    ASSERT_EQ(results->hits.size(), 2u);
    EXPECT_EQ(results->hits[0].paper.arxiv_id, "2409.00001");  // both words
    EXPECT_FALSE(results->hits[0].partial);
    EXPECT_EQ(results->hits[1].paper.arxiv_id, "2409.00003");  // "diffusion decoder" only
    EXPECT_TRUE(results->hits[1].partial);
    EXPECT_EQ(results->hits[1].rank, 2u);
    // The second page holds the partial match alone, ranked on; the total
    // is the same on every page.
    request.offset = 1;
    results = searcher_->search(request);
    ASSERT_TRUE(results);
    EXPECT_EQ(results->total, 2u);
    ASSERT_EQ(results->hits.size(), 1u);
    EXPECT_EQ(results->hits[0].paper.arxiv_id, "2409.00003");
    EXPECT_EQ(results->hits[0].rank, 2u);
    EXPECT_TRUE(results->hits[0].partial);
    // Only papers with every word when asked.
    request.offset = 0;
    request.fill_with_partial = false;
    results = searcher_->search(request);
    ASSERT_TRUE(results);
    EXPECT_EQ(results->total, 1u);
    EXPECT_EQ(results->hits.size(), 1u);
}

TEST_F(SearcherTest, RelaxesToAnyWordWhenNoPaperHasAll) {
    SearchRequest request;
    request.query = "scaling zzzunknownword";
    auto results = searcher_->search(request);
    ASSERT_TRUE(results);
    EXPECT_TRUE(results->relaxed);
    ASSERT_EQ(results->hits.size(), 1u);
    EXPECT_EQ(results->hits[0].paper.arxiv_id, "2409.00002");
}

TEST_F(SearcherTest, AKoreanCompoundDoesNotSpanAParticle) {
    // 00002 says "스케일링 법칙을 분석했습니다": the words, not the compound
    // 법칙 분석 (two Korean words are one term), so only the words apart
    // find it.
    SearchRequest request;
    request.query = "법칙 분석";
    auto results = searcher_->search(request);
    ASSERT_TRUE(results);
    EXPECT_TRUE(results->relaxed);
    ASSERT_EQ(results->hits.size(), 1u);
    EXPECT_EQ(results->hits[0].paper.arxiv_id, "2409.00002");
    // Three or more are concepts, each of which must match, near or apart.
    request.query = "스케일링 법칙 분석";
    results = searcher_->search(request);
    ASSERT_TRUE(results);
    EXPECT_FALSE(results->relaxed);
    ASSERT_EQ(results->hits.size(), 1u);
    EXPECT_FALSE(results->hits[0].partial);
    // "스케일링 법칙" is one.
    request.query = "스케일링 법칙";
    results = searcher_->search(request);
    ASSERT_TRUE(results);
    EXPECT_FALSE(results->relaxed);
    EXPECT_EQ(results->hits.size(), 1u);
}

TEST_F(SearcherTest, AdjacentKoreanWordsMatchJoinedOrSpacedInALongerQuery) {
    // 00001 writes "강화 학습(", 00002 "강화학습 없이" and "사전 학습만으로".
    for (const char* query : {"강화 학습 스케일링", "강화학습 스케일링", "스케일링 강화 학습"})
        EXPECT_EQ(sorted_ids(query), (Ids{"2409.00002"})) << query;
    EXPECT_EQ(sorted_ids("사전학습 성능 측정"), (Ids{"2409.00002"}));
    EXPECT_EQ(sorted_ids("사전 학습 성능 측정"), (Ids{"2409.00002"}));
    // A word no paper has is read as the known words it is made of.
    EXPECT_EQ(sorted_ids("스케일링법칙 분석"), (Ids{"2409.00002"}));
}

TEST_F(SearcherTest, AQueryOfNegationsFindsThePapersWithout) {
    const Ids without{"2409.00002", "2409.00004"};
    EXPECT_EQ(sorted_ids("-diffusion"), without);
    EXPECT_EQ(sorted_ids("-(diffusion)"), without);
    EXPECT_EQ(sorted_ids("NOT (diffusion OR video)"), without);
    EXPECT_EQ(sorted_ids("reward -(diffusion video)"), (Ids{"2409.00001"}))
        << "-( ... ) excludes the papers with every word of the group";
}

TEST_F(SearcherTest, AListSortedByVotesOrDateHasNoPartialMatches) {
    for (const SortOrder sort : {SortOrder::Votes, SortOrder::Date}) {
        SearchRequest request;
        request.query = "reward diffusion";
        request.sort = sort;
        auto results = searcher_->search(request);
        ASSERT_TRUE(results);
        EXPECT_EQ(results->total, 1u);
        ASSERT_EQ(results->hits.size(), 1u);
        EXPECT_FALSE(results->hits[0].partial);
        // With no paper having every word, the any-word list is sorted whole.
        request.query = "scaling video zzzunknownword";
        results = searcher_->search(request);
        ASSERT_TRUE(results);
        EXPECT_TRUE(results->relaxed);
        ASSERT_EQ(results->hits.size(), 2u);
        const auto& first = results->hits[0].paper;
        const auto& second = results->hits[1].paper;
        if (sort == SortOrder::Votes)
            EXPECT_GE(first.votes.value_or(0), second.votes.value_or(0));
        else
            EXPECT_GE(first.date, second.date);
    }
}

TEST_F(SearcherTest, ExplainNamesFieldsOriginsAndTheVotesPart) {
    SearchRequest request;
    request.query = "보상모델 title:diffusion";
    request.explain = true;
    auto results = searcher_->search(request);
    ASSERT_TRUE(results);
    ASSERT_EQ(results->total_every_word, 1u);  // 00001: "보상 모델을", title "...Diffusion..."
    const Hit& hit = results->hits.at(0);
    ASSERT_TRUE(hit.explanation);
    EXPECT_NEAR(hit.explanation->votes_score, 0.5 * std::log1p(42.0), 1e-9);  // 42 votes
    EXPECT_NEAR(hit.explanation->text_score + hit.explanation->votes_score, hit.score, 1e-9);
    std::set<std::string> seen;
    for (const auto& term : hit.explanation->terms) {
        EXPECT_GT(term.weight, 0) << term.term;
        seen.insert(term.field + ":" + term.term + ":" + origin_name(term.origin));
    }
    // The paper writes the typed compound apart ("보상 모델을"): it matched
    // as their pair, one term (analyzers/word_pairs.h).
    EXPECT_EQ(seen, (std::set<std::string>{"title:diffus:typed", "text:보상모델:typed"}));
    request.explain = false;
    results = searcher_->search(request);
    ASSERT_TRUE(results);
    EXPECT_FALSE(results->hits.at(0).explanation);
}

// Two English words side by side match as their pair term: its origin is
// "phrase", not another spelling of a Korean compound.
// An exact author:"..." match is the author key term: explained as the
// author field's, not as text with its prefix left on.
TEST_F(SearcherTest, ExplainNamesAnExactAuthorTheAuthorField) {
    SearchRequest request;
    request.query = "author:\"Ge Zhang\"";
    request.explain = true;
    auto results = searcher_->search(request);
    ASSERT_TRUE(results);
    ASSERT_FALSE(results->hits.empty());
    const Hit& hit = results->hits.at(0);
    ASSERT_TRUE(hit.explanation);
    std::set<std::string> seen;
    for (const auto& term : hit.explanation->terms) seen.insert(term.field + ":" + term.term);
    EXPECT_EQ(seen, (std::set<std::string>{"author:ge zhang"}));
}

TEST_F(SearcherTest, ExplainNamesAnEnglishPairAPhrase) {
    SearchRequest request;
    request.query = "reward models";
    request.explain = true;
    auto results = searcher_->search(request);
    ASSERT_TRUE(results);
    ASSERT_FALSE(results->hits.empty());
    const Hit& hit = results->hits.at(0);
    ASSERT_EQ(hit.paper.arxiv_id, "2409.00001");  // title "Reward Models for Diffusion..."
    ASSERT_TRUE(hit.explanation);
    std::set<std::string> seen;
    for (const auto& term : hit.explanation->terms)
        seen.insert(term.term + ":" + origin_name(term.origin));
    EXPECT_TRUE(seen.count("reward model:phrase")) << ::testing::PrintToString(seen);
    EXPECT_TRUE(seen.count("reward:typed")) << ::testing::PrintToString(seen);
}

TEST_F(SearcherTest, SnippetsHighlightMatchedKoreanAndEnglishWords) {
    SearchRequest request;
    request.query = "보상 GPT-4o";
    auto results = searcher_->search(request);
    ASSERT_TRUE(results);
    ASSERT_FALSE(results->hits.empty());
    const Hit& hit = results->hits.front();
    std::vector<std::string> marked;
    for (const auto& h : hit.highlights)
        marked.push_back(hit.snippet.substr(h.start, h.end - h.start));
    EXPECT_NE(std::find(marked.begin(), marked.end(), "보상"), marked.end()) << hit.snippet;
    EXPECT_NE(std::find(marked.begin(), marked.end(), "GPT-4o"), marked.end()) << hit.snippet;
}

TEST_F(SearcherTest, AKoreanCompoundHighlightsInEitherSpelling) {
    SearchRequest request;
    request.query = "강화학습";
    auto results = searcher_->search(request);
    ASSERT_TRUE(results);
    std::map<std::string, std::vector<std::string>> marked;  // by paper
    for (const Hit& hit : results->hits)
        for (const auto& h : hit.highlights)
            marked[hit.paper.arxiv_id].push_back(hit.snippet.substr(h.start, h.end - h.start));
    EXPECT_EQ(marked["2409.00001"], (std::vector<std::string>{"강화 학습"}));  // written apart
    EXPECT_EQ(marked["2409.00002"], (std::vector<std::string>{"강화학습"}));
}

TEST_F(SearcherTest, AKoreanCompoundInASectionField) {
    // 00001 says 보상 모델을 in What's New, 00002 보상모델이 in its highlights.
    EXPECT_EQ(sorted_ids("whatsnew:보상모델"), (Ids{"2409.00001"}));
    EXPECT_EQ(sorted_ids("whatsnew:\"보상 모델\""), (Ids{"2409.00001"}));
    EXPECT_EQ(sorted_ids("highlights:보상모델"), (Ids{"2409.00002"}));
    EXPECT_EQ(sorted_ids("highlights:\"보상 모델\""), (Ids{"2409.00002"}));
    EXPECT_EQ(sorted_ids("details:보상모델"), Ids{});
}

TEST_F(SearcherTest, SyntaxErrorsAreReported) {
    for (const char* bad : {"\"unclosed", "(diffusion", "title:(", "()", "diffusion)", "title:",
                            "nosuchfield:x", "date:2024-13", "date:2024-09-31x", "votes:abc",
                            "AND diffusion", "diffusion OR", "NOT", "", "votes:9..1"}) {
        SearchRequest request;
        request.query = bad;
        auto results = searcher_->search(request);
        ASSERT_FALSE(results) << "accepted: " << bad;
        EXPECT_EQ(results.error().kind, ErrorKind::BadQuery) << bad;
        EXPECT_FALSE(results.error().message.empty());
    }
}

TEST_F(SearcherTest, PaginationWithOffsetAndLimit) {
    SearchRequest request;
    request.query = "date:2024";
    request.sort = SortOrder::Votes;
    request.limit = 2;
    request.offset = 1;
    auto results = searcher_->search(request);
    ASSERT_TRUE(results);
    EXPECT_EQ(results->total, 4u);
    ASSERT_EQ(results->hits.size(), 2u);
    EXPECT_EQ(results->hits[0].rank, 2u);
    EXPECT_EQ(results->hits[0].paper.arxiv_id, "2409.00003");
}

// The Searcher keeps the papers it showed (record and analysed summary):
// a paper indexed again under the same document id must show as it is now.
TEST_F(SearcherTest, ALongLivedSearcherShowsAReindexedPaperAsItIsNow) {
    SearchRequest request;
    request.query = "judge";
    auto before = searcher_->search(request);
    ASSERT_TRUE(before);
    ASSERT_EQ(before->hits.size(), 1u);
    EXPECT_EQ(before->hits[0].paper.votes, 8);
    EXPECT_NE(before->hits[0].snippet.find("코드 평가를"), std::string::npos);

    std::string day_two = kDayTwo;
    const auto replace = [&](const std::string& from, const std::string& to) {
        const size_t at = day_two.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        day_two.replace(at, from.size(), to);
    };
    replace("Vote: 8", "Vote: 99");
    replace("코드 평가를 위한 LLM-as-a-Judge 방법을 제안합니다.",
            "LLM judge의 편향을 줄이는 새 벤치마크를 만들었습니다.");
    write("2024/09/26.md", day_two);
    index();

    auto after = searcher_->search(request);
    ASSERT_TRUE(after);
    ASSERT_EQ(after->hits.size(), 1u);
    EXPECT_EQ(after->hits[0].paper.votes, 99);
    EXPECT_NE(after->hits[0].snippet.find("편향을 줄이는"), std::string::npos)
        << after->hits[0].snippet;
    EXPECT_EQ(after->hits[0].snippet.find("코드 평가를"), std::string::npos);
    ASSERT_FALSE(after->hits[0].highlights.empty());
    const Highlight& mark = after->hits[0].highlights.front();
    EXPECT_EQ(after->hits[0].snippet.substr(mark.start, mark.end - mark.start), "judge");
}

TEST_F(SearcherTest, AuthorLookupIsExactCaseDiacriticAndOrderInsensitive) {
    for (const char* name : {"Ge Zhang", "ge zhang", "Zhang, Ge", "GE ZHANG"}) {
        auto results = searcher_->author(name);
        ASSERT_TRUE(results) << name;
        Ids found;
        for (const auto& hit : results->hits) found.push_back(hit.paper.arxiv_id);
        EXPECT_EQ(found, (Ids{"2409.00004", "2409.00001"})) << name;  // newest first
        EXPECT_EQ(results->matched_names, (std::vector<std::string>{"Ge Zhang"}));
    }
    auto pombal = searcher_->author("jose pombal");
    ASSERT_TRUE(pombal);
    ASSERT_EQ(pombal->hits.size(), 1u);
    EXPECT_EQ(pombal->matched_names, (std::vector<std::string>{"José Pombal"}));
    auto wei = searcher_->author("Zhang Ge Wei");
    ASSERT_TRUE(wei);
    ASSERT_EQ(wei->hits.size(), 1u);
    EXPECT_EQ(wei->hits[0].paper.arxiv_id, "2409.00002");
}

TEST_F(SearcherTest, UnknownAuthorGetsSuggestions) {
    auto results = searcher_->author("Ge Zhangg");
    ASSERT_TRUE(results);
    EXPECT_TRUE(results->hits.empty());
    ASSERT_FALSE(results->suggestions.empty());
    EXPECT_EQ(results->suggestions.front(), "Ge Zhang");
}

TEST_F(SearcherTest, ShowMergesDaysAndAcceptsUrlsAndVersions) {
    auto paper = searcher_->show("https://arxiv.org/abs/2409.00001v3");
    ASSERT_TRUE(paper);
    EXPECT_EQ(paper->date, "2024-09-25");   // earliest day
    EXPECT_EQ(paper->votes, 42);            // highest count
    EXPECT_EQ(paper->sections.size(), 3u);  // the earliest day's summary
    auto missing = searcher_->show("0000.00000");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
}

TEST_F(SearcherTest, Stats) {
    auto stats = searcher_->stats();
    ASSERT_TRUE(stats);
    EXPECT_EQ(stats->papers, 4u);
    EXPECT_EQ(stats->days, 2u);
    EXPECT_EQ(stats->authors, 7u);
    EXPECT_EQ(stats->first_day, "2024-09-25");
    EXPECT_EQ(stats->last_day, "2024-09-26");
    EXPECT_GT(stats->index_bytes, 0u);
    EXPECT_FALSE(stats->updated.empty());
}

// Xapian counts matches exactly up to 2000 and estimates beyond: the
// results say which, so that a printer can say "about".
class LargeResultTest : public IndexFixture {};

TEST_F(LargeResultTest, BeyondTwoThousandMatchesTheTotalIsAnEstimate) {
    // 2,300 papers: "alpha" in the first 2,150, "beta" from the 51st to the
    // 2,200th, so 2,100 have both; "gamma" in ten.
    std::string day = "## Daily Papers (2024-10-01)\n\n";
    for (int i = 0; i < 2300; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "2410.%05d", i);
        std::string words = "paper";
        if (i < 2150) words += " alpha";
        if (i >= 50 && i < 2200) words += " beta";
        if (i < 10) words += " gamma";
        day += "### [" + words + "](https://arxiv.org/abs/" + id + ")\n\nVote: 1\n\n";
    }
    std::filesystem::create_directories(corpus() + "/2024/10");
    write("2024/10/01.md", day);
    index();
    auto searcher = open();
    ASSERT_TRUE(searcher);
    SearchRequest request;
    request.query = "alpha beta";
    auto many = searcher->search(request);
    ASSERT_TRUE(many);
    EXPECT_FALSE(many->total_exact);
    EXPECT_GE(many->total_every_word, 2000u);
    EXPECT_LE(many->total_every_word, 2150u);
    request.query = "gamma";
    auto few = searcher->search(request);
    ASSERT_TRUE(few);
    EXPECT_TRUE(few->total_exact);
    EXPECT_EQ(few->total, 10u);
}

TEST(SearcherOpen, MissingIndexIsNoIndex) {
    auto searcher = Searcher::open("/tmp/papers-test-no-such-index");
    ASSERT_FALSE(searcher);
    EXPECT_EQ(searcher.error().kind, ErrorKind::NoIndex);
}

}  // namespace
}  // namespace papers::test
