// The whole real corpus (../shared/corpus), indexed once: every listed paper
// is recoverable exactly, the lost ones are reported and never invented, and
// the README's example searches give sensible top results.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "indexer/digest_parser.h"
#include "indexer/index_writer.h"
#include "indexer/paper_list.h"
#include "query/searcher.h"
#include "tests/test_paths.h"

namespace papers::test {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class SharedCorpusTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (!have_shared_corpus()) return;
        char pattern[] = "/tmp/papers-shared-XXXXXX";
        db_ = std::string(mkdtemp(pattern)) + "/index";
        IndexRequest request;
        request.db_path = db_;
        request.inputs = {shared_corpus_dir().string()};
        auto result = index_paths(request);
        ASSERT_TRUE(result) << result.error().message;
        report_ = new IndexReport(*result);
        auto searcher = Searcher::open(db_);
        ASSERT_TRUE(searcher);
        searcher_ = searcher->release();
    }
    static void TearDownTestSuite() {
        delete searcher_;
        delete report_;
        if (!db_.empty()) fs::remove_all(fs::path(db_).parent_path());
    }
    void SetUp() override {
        PAPERS_REQUIRE_SHARED();
        ASSERT_NE(searcher_, nullptr);
    }

    std::vector<std::string> top_ids(const std::string& query, size_t n) {
        SearchRequest request;
        request.query = query;
        request.limit = n;
        auto results = searcher_->search(request);
        EXPECT_TRUE(results) << query;
        std::vector<std::string> ids;
        if (results)
            for (const auto& hit : results->hits) ids.push_back(hit.paper.arxiv_id);
        return ids;
    }

    std::vector<Hit> top_hits(const std::string& query, size_t n) {
        SearchRequest request;
        request.query = query;
        request.limit = n;
        auto results = searcher_->search(request);
        EXPECT_TRUE(results) << query;
        return results ? results->hits : std::vector<Hit>{};
    }

    static inline std::string db_;
    static inline IndexReport* report_ = nullptr;
    static inline Searcher* searcher_ = nullptr;
};

TEST_F(SharedCorpusTest, EveryListedPaperIsIndexedAndTheLostOnesAreReported) {
    EXPECT_EQ(report_->papers_total, 2229u);
    EXPECT_EQ(report_->listed, 2259u);
    ASSERT_EQ(report_->listed_absent.size(), 30u);
    // The days upstream cut short (see the corpus README).
    const std::map<std::string, size_t> lost_per_day{{"2023-12-11", 2},
                                                     {"2023-12-12", 1},
                                                     {"2024-03-13", 9},
                                                     {"2024-04-19", 9},
                                                     {"2024-06-28", 9}};
    std::map<std::string, size_t> seen;
    for (const auto& lost : report_->listed_absent) {
        ++seen[lost.date];
        EXPECT_FALSE(searcher_->show(lost.arxiv_id)) << lost.arxiv_id << " was invented";
    }
    EXPECT_EQ(seen, lost_per_day);

    const auto listed = parse_paper_list(read_all(shared_corpus_dir() / "papers_list.csv"));
    std::set<std::string> absent;
    for (const auto& lost : report_->listed_absent) absent.insert(lost.arxiv_id);
    for (const auto& paper : listed) {
        if (absent.count(paper.arxiv_id)) continue;
        auto shown = searcher_->show(paper.arxiv_id);
        ASSERT_TRUE(shown) << paper.arxiv_id;
        EXPECT_EQ(shown->title, paper.title) << paper.arxiv_id;
        EXPECT_EQ(shown->date, paper.date) << paper.arxiv_id;
    }
}

TEST_F(SharedCorpusTest, ShowGivesExactlyWhatTheDigestSays) {
    size_t checked = 0;
    for (const auto& entry : fs::recursive_directory_iterator(shared_corpus_dir())) {
        if (entry.path().extension() != ".md") continue;
        const DigestParse parse = parse_digest(read_all(entry.path()), entry.path().string());
        for (const auto& paper : parse.papers) {
            auto shown = searcher_->show(paper.arxiv_id);
            ASSERT_TRUE(shown) << paper.arxiv_id;
            EXPECT_EQ(shown->title, paper.title);
            EXPECT_EQ(shown->date, paper.date);
            EXPECT_EQ(shown->votes, paper.votes) << paper.arxiv_id;
            EXPECT_EQ(shown->authors, paper.authors) << paper.arxiv_id;
            ASSERT_EQ(shown->sections.size(), paper.sections.size()) << paper.arxiv_id;
            for (size_t i = 0; i < paper.sections.size(); ++i) {
                EXPECT_EQ(shown->sections[i].name, paper.sections[i].name);
                EXPECT_EQ(shown->sections[i].text, paper.sections[i].text);
            }
            ++checked;
        }
    }
    EXPECT_EQ(checked, 2229u);
}

TEST_F(SharedCorpusTest, ReadmeSearchesGiveSensibleTopResults) {
    // Every top hit of an English query mentions its words somewhere, in
    // English or as the glossary's Korean (diffusion = 확산, reward = 보상).
    for (const auto& hit : top_hits("diffusion reward model", 5)) {
        std::string all = hit.paper.title;
        for (const auto& s : hit.paper.sections) all += " " + s.text;
        for (const auto& [english, korean] : {std::pair{"iffusion", "확산"}, {"eward", "보상"}})
            EXPECT_TRUE(all.find(english) != std::string::npos ||
                        all.find(korean) != std::string::npos)
                << hit.paper.arxiv_id;
    }
    // Korean: the top hits contain the words, with any particle or spacing.
    for (const auto& hit : top_hits("보상 모델", 5)) {
        std::string all;
        for (const auto& s : hit.paper.sections) all += " " + s.text;
        EXPECT_NE(all.find("보상"), std::string::npos) << hit.paper.arxiv_id;
    }
    for (const auto& hit : top_hits("강화학습", 10)) {
        std::string all;
        for (const auto& s : hit.paper.sections) all += " " + s.text;
        EXPECT_NE(all.find("강화"), std::string::npos) << hit.paper.arxiv_id;
        EXPECT_NE(all.find("학습"), std::string::npos) << hit.paper.arxiv_id;
    }
    // 강화학습 and 강화 학습 find the same papers.
    SearchRequest joined, spaced;
    joined.query = "강화학습";
    spaced.query = "강화 학습";
    EXPECT_EQ(searcher_->search(joined)->total_every_word,
              searcher_->search(spaced)->total_every_word);
}

TEST_F(SharedCorpusTest, AuthorGeZhangIsExact) {
    auto results = searcher_->author("Ge Zhang");
    ASSERT_TRUE(results);
    EXPECT_GT(results->hits.size(), 5u);
    EXPECT_EQ(results->matched_names, (std::vector<std::string>{"Ge Zhang"}));
    std::string previous = "9999";
    for (const auto& hit : results->hits) {
        EXPECT_LE(hit.paper.date, previous);  // newest first
        previous = hit.paper.date;
        EXPECT_NE(std::find(hit.paper.authors.begin(), hit.paper.authors.end(), "Ge Zhang"),
                  hit.paper.authors.end());
    }
    SearchRequest request;
    request.query = "author:\"Ge Zhang\"";
    request.limit = 1000;
    auto field = searcher_->search(request);
    ASSERT_TRUE(field);
    EXPECT_EQ(field->total, results->total);
}

// The glossary (analyzers/glossary.h) at work: a paper that writes a term in
// one language only is found by the term in the other.
TEST_F(SharedCorpusTest, GlossaryFindsPapersWritingOnlyTheOtherLanguage) {
    // Title and sections of every paper, ASCII lower-cased.
    std::map<std::string, std::string> texts;
    for (const auto& entry : fs::recursive_directory_iterator(shared_corpus_dir())) {
        if (entry.path().extension() != ".md") continue;
        for (const auto& paper :
             parse_digest(read_all(entry.path()), entry.path().string()).papers) {
            std::string& all = texts[paper.arxiv_id];
            all += paper.title;
            for (const auto& section : paper.sections) all += " " + section.text;
            for (char& c : all) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        }
    }
    struct Case {
        const char* query;
        const char* written;  // in the paper's text...
        const char* absent;   // ...and this is not
        size_t at_least;      // such papers, counted with a script over the corpus
    };
    for (const Case& c : {Case{"diffusion model", "확산 모델", "diffusion", 100},
                          Case{"reinforcement learning", "강화 학습", "reinforcement", 40},
                          Case{"강화학습", "reinforcement learning", "강화", 5}}) {
        const std::vector<std::string> found = top_ids(c.query, texts.size());
        const std::set<std::string> hits(found.begin(), found.end());
        size_t only_other = 0, missed = 0;
        for (const auto& [id, text] : texts) {
            if (text.find(c.written) == std::string::npos ||
                text.find(c.absent) != std::string::npos)
                continue;
            ++only_other;
            missed += !hits.count(id);
        }
        EXPECT_GE(only_other, c.at_least) << c.query;
        EXPECT_EQ(missed, 0u) << c.query << ": " << only_other << " papers write only "
                              << c.written;
    }
}

TEST_F(SharedCorpusTest, MisspeltWordsAreCorrected) {
    const std::pair<const char*, const char*> typos[] = {
        {"difusion", "diffusion"},
        {"trasformer", "transformer"},
        {"title:difusion model", "title:diffusion model"},
        {"강화학숩", "강화학습"},
    };
    for (const auto& [typed, meant] : typos) {
        SearchRequest request;
        request.query = typed;
        auto results = searcher_->search(request);
        ASSERT_TRUE(results) << typed;
        EXPECT_EQ(results->suggestion, meant) << typed;
        EXPECT_TRUE(results->corrected) << typed;
        EXPECT_GT(results->total, 50u) << typed;
    }
    // A word one paper misspells: that paper, and a hint.
    SearchRequest rare;
    rare.query = "retrival";
    auto results = searcher_->search(rare);
    ASSERT_TRUE(results);
    EXPECT_EQ(results->suggestion, "retrieval");
    EXPECT_FALSE(results->corrected);
    EXPECT_EQ(results->total, 1u);
    for (const char* right : {"diffusion", "보상 모델", "mamba", "lumiere", "agentic"}) {
        SearchRequest request;
        request.query = right;
        EXPECT_EQ(searcher_->search(request)->suggestion, "") << right;
    }
    // A word the index holds is no slip, though the field lacks it: no
    // section has "limitations", and it is not "corrected" to imitation.
    SearchRequest field;
    field.query = "section:limitations";
    results = searcher_->search(field);
    ASSERT_TRUE(results);
    EXPECT_EQ(results->suggestion, "");
    EXPECT_FALSE(results->corrected);
}

TEST_F(SharedCorpusTest, KoreanWordsMatchInAnySpacingWithinALongerQuery) {
    // 강화 학습 is written both ways in the digests: the set is the same
    // whichever way it is typed, beside another word.
    const auto every_word = [&](const std::string& query) {
        SearchRequest request;
        request.query = query;
        request.fill_with_partial = false;
        request.limit = 500;
        auto results = searcher_->search(request);
        EXPECT_TRUE(results) << query;
        std::set<std::string> ids;
        if (results)
            for (const auto& hit : results->hits) ids.insert(hit.paper.arxiv_id);
        return ids;
    };
    const auto spaced = every_word("강화 학습 알고리즘");
    EXPECT_GT(spaced.size(), 20u);
    EXPECT_EQ(spaced, every_word("강화학습 알고리즘"));
    // 데이터세트 is mostly written as one word: typed apart, it is found
    // (and papers with 데이터 and 세트 apart too).
    const auto joined = every_word("데이터세트 필드"), apart = every_word("데이터 세트 필드");
    EXPECT_GE(joined.size(), 2u);
    EXPECT_TRUE(std::includes(apart.begin(), apart.end(), joined.begin(), joined.end()));
}

TEST_F(SharedCorpusTest, PapersWithSomeWordsAreRankedByTheBestPapersWords) {
    // Four papers say 긴 동영상 and 생성; of those with some of the words, the
    // ones about long videos (which mostly write 비디오, and "Long Video" in
    // the title) come first through the best papers' words
    // (query/feedback.h). Without them, 4 of the top 10 titles say "long".
    SearchRequest request;
    request.query = "긴 동영상 생성";
    request.limit = 10;
    request.explain = true;
    auto results = searcher_->search(request);
    ASSERT_TRUE(results);
    ASSERT_EQ(results->hits.size(), 10u);
    size_t long_titles = 0, related = 0;
    for (const auto& hit : results->hits) {
        std::string title = hit.paper.title;
        std::transform(title.begin(), title.end(), title.begin(), ::tolower);
        if (title.find("long") != std::string::npos) ++long_titles;
        ASSERT_TRUE(hit.explanation);
        for (const auto& term : hit.explanation->terms) {
            if (term.origin != TermOrigin::Related) continue;
            ++related;
            EXPECT_TRUE(hit.partial) << hit.paper.arxiv_id << ": " << term.term;
        }
    }
    EXPECT_GE(long_titles, 5u);
    EXPECT_GT(related, 0u);
}

TEST_F(SharedCorpusTest, SimilarPapersShareTheTopic) {
    // Paper, and words at least 3 of its 5 nearest have in their titles.
    const std::pair<const char*, std::vector<const char*>> cases[] = {
        {"2406.09760", {"Preference", "DPO", "Reward", "RLHF", "Alignment"}},  // DPO rewards
        {"2401.04081", {"Mamba", "State Space", "Experts", "SSM"}},            // MoE-Mamba
        {"2312.03491", {"Speech", "TTS", "Voice", "Audio"}},                   // text-to-speech
        {"2312.06655", {"3D", "NeRF", "Gaussian"}},                            // text-to-3D
    };
    for (const auto& [id, words] : cases) {
        Ranking top;
        top.limit = 5;
        auto results = searcher_->similar(id, top);
        ASSERT_TRUE(results) << id;
        ASSERT_EQ(results->hits.size(), 5u) << id;
        size_t on_topic = 0;
        for (const auto& hit : results->hits) {
            EXPECT_NE(hit.paper.arxiv_id, id);
            const bool any = std::any_of(words.begin(), words.end(), [&](const char* word) {
                return hit.paper.title.find(word) != std::string::npos;
            });
            on_topic += any ? 1 : 0;
        }
        EXPECT_GE(on_topic, 3u) << id;
        // Korean words of the summary take part.
        EXPECT_TRUE(std::any_of(
            results->terms.begin(), results->terms.end(),
            [](const std::string& term) { return static_cast<unsigned char>(term[0]) >= 0xEA; }))
            << id;
    }
}

}  // namespace
}  // namespace papers::test
