// Checks on the real digests in ../shared/corpus (skipped where absent).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/korean_stemmer.h"
#include "analyzers/utf8.h"
#include "tests/test_paths.h"

namespace papers {
namespace {

std::vector<std::string> read_corpus() {
    std::vector<std::string> days;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(test::shared_corpus_dir())) {
        if (entry.path().extension() != ".md") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        days.push_back(sanitize_utf8(text.str()));
    }
    return days;
}

// Every maximal run of Hangul syllables (3-byte UTF-8, U+AC00..U+D7A3).
std::set<std::string> hangul_words(const std::vector<std::string>& days) {
    std::set<std::string> words;
    for (const std::string& text : days) {
        std::string word;
        for (size_t i = 0; i < text.size();) {
            const auto b0 = static_cast<unsigned char>(text[i]);
            if (b0 >= 0xEA && b0 <= 0xED && i + 2 < text.size()) {
                const char32_t c = ((b0 & 0x0Fu) << 12) |
                                   ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                                   (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
                if (c >= 0xAC00 && c <= 0xD7A3) {
                    word.append(text, i, 3);
                    i += 3;
                    continue;
                }
            }
            if (!word.empty()) words.insert(word);
            word.clear();
            ++i;
        }
        if (!word.empty()) words.insert(word);
    }
    return words;
}

// Written for this test, independently of the stemmer's tables: what may
// follow a noun in the digests.
const char* const kParticles[] = {
    "을",     "를",     "이",     "가",     "은",     "는",     "의",   "에",   "에서", "으로",
    "로",     "과",     "와",     "도",     "만",     "에게",   "까지", "부터", "보다", "처럼",
    "마다",   "에서는", "에서도", "에서의", "으로는", "으로의", "과의", "와의", "에는", "에도",
    "만으로", "이나",   "나",     "입니다", "이며",   "이다",   "인",   "들",   "들은", "들이",
    "들을",   "들의",   "들과",   "들에",   "들에서", "들보다", "들로",
};
const char* const kVerbEndings[] = {
    "하는",   "하여",       "된",   "했습니다", "하였습니다", "합니다", "한",
    "할",     "하고",       "하기", "하며",     "해",         "함",     "되는",
    "됩니다", "되었습니다", "되어", "시키는",   "시킨",       "시켜",   "시킵니다",
};

class CorpusTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (test::have_shared_corpus()) days_ = new std::vector<std::string>(read_corpus());
    }
    static void TearDownTestSuite() {
        delete days_;
        days_ = nullptr;
    }
    static std::vector<std::string>* days_;
};
std::vector<std::string>* CorpusTest::days_ = nullptr;

TEST_F(CorpusTest, EveryFormOfAFrequentNounStemsToTheNoun) {
    PAPERS_REQUIRE_SHARED();
    const std::set<std::string> words = hangul_words(*days_);
    ASSERT_GT(words.size(), 10000u);
    std::map<std::string, std::vector<std::string>> suffixes;
    for (const char* noun : {"모델", "학습", "데이터", "성능", "보상"}) {
        for (const char* p : kParticles) suffixes[noun].push_back(p);
    }
    for (const char* noun : {"학습", "보상"}) {  // nouns that also make verbs
        for (const char* e : kVerbEndings) suffixes[noun].push_back(e);
    }
    for (const auto& [noun, endings] : suffixes) {
        size_t forms = 0;
        for (const std::string& ending : endings) {
            const std::string form = noun + ending;
            if (!words.count(form)) continue;
            ++forms;
            EXPECT_EQ(korean_stem(form), noun) << "form: " << form;
        }
        EXPECT_EQ(korean_stem(noun), noun);
        EXPECT_GE(forms, 5u) << noun << ": too few forms found; is the corpus readable?";
    }
}

TEST_F(CorpusTest, AnalysingEveryDayGivesSaneTerms) {
    PAPERS_REQUIRE_SHARED();
    ASSERT_GT(days_->size(), 100u);
    Analyzer analyzer;
    size_t terms = 0;
    std::map<TermKind, size_t> kinds;
    for (const std::string& text : *days_) {
        uint32_t last_position = 0;
        analyzer.analyze(text, [&](const Term& t) {
            ++terms;
            ++kinds[t.kind];
            ASSERT_FALSE(t.text.empty());
            ASSERT_TRUE(is_valid_utf8(t.text)) << t.text;
            ASSERT_GE(t.position, last_position) << t.text;  // never goes back
            ASSERT_GE(t.position, 1u);
            ASSERT_LT(t.start, t.end);
            ASSERT_LE(t.end, text.size());
            last_position = t.position;
        });
    }
    EXPECT_GT(terms, 300000u);
    EXPECT_GT(kinds[TermKind::Hangul], 100000u);
    EXPECT_GT(kinds[TermKind::Word], 50000u);
    EXPECT_GT(kinds[TermKind::Compound], 1000u);
}

}  // namespace
}  // namespace papers
