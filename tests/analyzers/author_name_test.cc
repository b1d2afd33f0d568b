#include "analyzers/author_name.h"

#include <gtest/gtest.h>

namespace papers {
namespace {

using Words = std::vector<std::string>;

TEST(AuthorNameTest, Words) {
    EXPECT_EQ(author_name_words("Ge Zhang"), (Words{"ge", "zhang"}));
    EXPECT_EQ(author_name_words("Zhang, Ge"), (Words{"ge", "zhang"}));
    EXPECT_EQ(author_name_words("José Pombal"), (Words{"jose", "pombal"}));
    EXPECT_EQ(author_name_words("Jean-Pierre O'Brien"), (Words{"jean-pierre", "o'brien"}));
    EXPECT_EQ(author_name_words("Jean-Pierre O’Brien"), (Words{"jean-pierre", "o'brien"}));
    EXPECT_EQ(author_name_words("J. R. R. Tolkien"), (Words{"j", "r", "r", "tolkien"}));
    EXPECT_EQ(author_name_words("  Zekun   Moore Wang "), (Words{"zekun", "moore", "wang"}));
    EXPECT_EQ(author_name_words("-Ann- 'Lee'"), (Words{"ann", "lee"}));
    EXPECT_EQ(author_name_words("ＭｉｎｇＨａｏ Qin"), (Words{"minghao", "qin"}));
    EXPECT_EQ(author_name_words("김철수"), (Words{"김철수"}));
    EXPECT_TRUE(author_name_words("").empty());
    EXPECT_TRUE(author_name_words(" , . ").empty());
}

TEST(AuthorNameTest, KeysMatchWhateverTheSpelling) {
    const std::string key = author_key("Ge Zhang");
    EXPECT_EQ(key, "ge zhang");
    for (const char* same : {"ge zhang", "Zhang, Ge", "Zhang Ge", "GE ZHANG", " Ge  Zhang "}) {
        EXPECT_EQ(author_key(same), key) << same;
    }
    EXPECT_EQ(author_key("jose pombal"), author_key("José Pombal"));
    EXPECT_EQ(author_key("Łukasz Kaiser"), author_key("lukasz kaiser"));
}

TEST(AuthorNameTest, DifferentNamesDiffer) {
    EXPECT_NE(author_key("Zhang Ge Wei"), author_key("Ge Zhang"));
    EXPECT_NE(author_key("Ge Zhang"), author_key("Ge Zhan"));
    EXPECT_NE(author_key("Jean-Pierre Li"), author_key("Jean Pierre Li"));
    EXPECT_EQ(author_key("Zhang, Ge, Wei"), author_key("Zhang Ge Wei"));  // a list: no reordering
}

}  // namespace
}  // namespace papers
