#include "analyzers/text_normalizer.h"

#include <gtest/gtest.h>

namespace papers {
namespace {

TEST(TextNormalizerTest, Folds) {
    struct Case {
        const char* input;
        const char* expected;
    };
    const Case cases[] = {
        {"", ""},
        {"Diffusion", "diffusion"},
        {"ＧＰＴ－４", "gpt-4"},        // fullwidth forms (NFKC)
        {"ﬁne-tuning", "fine-tuning"},  // ligature
        {"José", "jose"},
        {"Jose\u0301", "jose"},  // decomposed accent
        {"naïve Café", "naive cafe"},
        {"Straße", "strasse"},
        {"Łukasz Øster", "lukasz oster"},
        {"ΣΊΣΥΦΟΣ", "σισυφοσ"},  // Greek: accents removed, final sigma folded
        {"ϵ", "ε"},
        {"한국어 모델", "한국어 모델"},
        {"GPT 모델을", "gpt 모델을"},
        {"\u1112\u1161\u11ab\u1100\u1173\u11af", "한글"},  // conjoining jamo -> syllables
        {"Café 한국어", "cafe 한국어"},                    // diacritics removed, Hangul untouched
        {"がぎ", "がぎ"},                                  // kana voicing marks are not diacritics
        {"㎏", "kg"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(normalize_text(c.input), c.expected) << "input: " << c.input;
    }
}

TEST(TextNormalizerTest, ReusesOutputBuffer) {
    std::string out = "previous contents";
    normalize_text("ABC", out);
    EXPECT_EQ(out, "abc");
    normalize_text("Ünïcödé", out);
    EXPECT_EQ(out, "unicode");
}

}  // namespace
}  // namespace papers
