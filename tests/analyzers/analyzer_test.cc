// The analysis chain end to end: input -> terms with positions, kinds and
// byte offsets (in the manner of Xapian's tests/api_termgen.cc).
#include "analyzers/analyzer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyzers/utf8.h"

namespace papers {
namespace {

// "term@position" for each term, space separated; compounds marked with '='.
std::string render(const std::vector<Term>& terms) {
    std::string out;
    for (const Term& t : terms) {
        if (!out.empty()) out += ' ';
        if (t.kind == TermKind::Compound) out += '=';
        out += t.text + '@' + std::to_string(t.position);
    }
    return out;
}

struct Case {
    const char* input;
    const char* expected;
};

class AnalyzerTest : public ::testing::Test {
  protected:
    Analyzer analyzer;
    std::string terms(std::string_view text) { return render(analyzer.analyze(text)); }
};

TEST_F(AnalyzerTest, TermsAndPositions) {
    const Case cases[] = {
        {"", ""},
        {"  \n\t ", ""},
        {"diffusion models", "diffus@1 model@2"},
        // Korean: particles and endings removed, one position per word.
        // A particle or ending leaves a gap, so phrases do not bridge it;
        // the genitive 의 does not (전문가의 혼합 is the compound 전문가 혼합).
        {"보상 모델을 학습했습니다", "보상@1 모델@2 학습@4"},
        {"이미지를 생성하는 모델", "이미지@1 생성@3 모델@5"},
        {"전문가의 혼합", "전문가@1 혼합@2"},
        {"보상모델이", "보상모델@1"},
        {"효율적인 추론", "효율@1 추론@3"},
        // A particle glued to a Latin word takes a position but yields no term.
        {"LLM들은 긴 텍스트를", "llm@1 긴@3 텍스트@4"},
        {"4000단어 이상의", "4000@1 단어@2 이상@3"},
        // Compounds: the whole at its first part's position, then the parts.
        {"GPT-4o를 사용", "=gpt-4o@1 gpt@1 4o@2 사용@4"},
        {"LLM-as-a-Judge 평가", "=llm-as-a-judge@1 llm@1 as@2 a@3 judg@4 평가@5"},
        {"Claude-3.5-Sonnet", "=claude-3.5-sonnet@1 claud@1 3.5@2 sonnet@3"},
        {"Llama-3-8B", "=llama-3-8b@1 llama@1 3@2 8b@3"},
        {"Text-to-Image.", "=text-to-image@1 text@1 to@2 imag@3"},
        {"bge-en-icl", "=bge-en-icl@1 bge@1 en@2 icl@3"},
        {"ϵ-prediction", "=ε-prediction@1 ε@1 predict@2"},
        {"input/output", "=input/output@1 input@1 output@2"},
        {"snake_case", "=snake_case@1 snake@1 case@2"},
        {"쿼리-패시지 쌍에", "=쿼리-패시지@1 쿼리@1 패시지@2 쌍@3"},
        // Not compounds: spaces around the hyphen, a sentence-final dot.
        {"GPT - 4", "gpt@1 4@2"},
        {"GPT. Then", "gpt@1 then@2"},
        // Numbers stay whole.
        {"52.24% 향상", "52.24@1 향상@2"},
        {"1,000 samples", "1,000@1 sampl@2"},
        // Possessive 's is dropped; typographic apostrophes too.
        {"Bloom's Taxonomy", "bloom@1 taxonomi@2"},
        {"What’s New", "what@1 new@2"},
        // Normalisation: NFKC, case folding, diacritics.
        {"ＧＰＴ", "gpt@1"},
        {"José Pombal", "jose@1 pombal@2"},
        // Han and Kana: one term per character.
        {"中文 カナ", "中@1 文@2 カ@3 ナ@4"},
        // Stop words and lone particles take a position.
        {"GPT-4o 및 Claude", "=gpt-4o@1 gpt@1 4o@2 claud@4"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(terms(c.input), c.expected) << "input: " << c.input;
    }
}

TEST_F(AnalyzerTest, Kinds) {
    const std::vector<Term> t = analyzer.analyze("GPT-4o 모델 中 7");
    ASSERT_EQ(t.size(), 6u);
    EXPECT_EQ(t[0].kind, TermKind::Compound);
    EXPECT_EQ(t[1].kind, TermKind::Word);
    EXPECT_EQ(t[2].kind, TermKind::Word);
    EXPECT_EQ(t[3].kind, TermKind::Hangul);
    EXPECT_EQ(t[4].kind, TermKind::Ideograph);
    EXPECT_EQ(t[5].kind, TermKind::Word);
}

TEST_F(AnalyzerTest, ByteOffsetsAreThoseOfTheSurfaceWord) {
    const std::string text = "새 모델을 GPT-4o를 José와";
    const std::vector<Term> t = analyzer.analyze(text);
    std::vector<std::string> surfaces;
    for (const Term& term : t) surfaces.push_back(text.substr(term.start, term.end - term.start));
    const std::vector<std::string> expected = {"새", "모델을", "GPT-4o", "GPT", "4o", "José"};
    EXPECT_EQ(surfaces, expected);
}

TEST_F(AnalyzerTest, SanitizedInvalidUtf8) {
    const std::string text = sanitize_utf8(
        "ab\xff"
        "cd \xe2\x82 모델\xc0\xafs");
    ASSERT_TRUE(is_valid_utf8(text));
    EXPECT_EQ(terms(text), "ab@1 cd@2 모델@3 s@4");
}

TEST_F(AnalyzerTest, QueryTermsMatchDocumentTerms) {
    // The symmetric chain: a query's terms are found among the document's.
    const std::vector<Term> doc = analyzer.analyze("보상 모델을 학습시키는 GPT-4o를");
    for (const char* query : {"보상 모델", "학습하는", "GPT-4o", "gpt 4o"}) {
        for (const Term& q : analyzer.analyze(query)) {
            bool found = false;
            for (const Term& d : doc) found = found || d.text == q.text;
            EXPECT_TRUE(found) << query << ": " << q.text;
        }
    }
}

TEST_F(AnalyzerTest, ReusableAndCallbackAgrees) {
    const std::string text = "LLM-as-a-Judge 평가 방법보다 人";
    const std::vector<Term> first = analyzer.analyze(text);
    analyzer.analyze("something else entirely 다른 글");
    std::vector<Term> second;
    analyzer.analyze(text, [&](const Term& t) { second.push_back(t); });
    EXPECT_EQ(render(first), render(second));
    EXPECT_EQ(render(first), "=llm-as-a-judge@1 llm@1 as@2 a@3 judg@4 평가@5 방법@6 人@8");
}

TEST_F(AnalyzerTest, OverlongTermsAreDropped) {
    const std::string long_word(300, 'x');
    EXPECT_EQ(terms(long_word + " ok"), "ok@2");
}

}  // namespace
}  // namespace papers
