// When papers pages its output (tools/pager.h): only on a terminal, never
// with --no-pager, PAGER="" or PAGER=cat; $PAGER when set, else less -FRX when
// less is there.
#include "tools/pager.h"

#include <gtest/gtest.h>

namespace papers::cli {
namespace {

TEST(PagerCommand, OnlyOnATerminal) {
    EXPECT_EQ(pager_command(false, false, nullptr, true), std::nullopt);
    EXPECT_EQ(pager_command(false, false, "less", true), std::nullopt);
    EXPECT_EQ(pager_command(true, false, nullptr, true), "less -FRX");
}

TEST(PagerCommand, NoPagerTurnsItOff) {
    EXPECT_EQ(pager_command(true, true, nullptr, true), std::nullopt);
    EXPECT_EQ(pager_command(true, true, "most", true), std::nullopt);
}

TEST(PagerCommand, PagerVariableWins) {
    EXPECT_EQ(pager_command(true, false, "most", true), "most");
    EXPECT_EQ(pager_command(true, false, " less -R ", true), "less -R");
    EXPECT_EQ(pager_command(true, false, "more", false), "more");
}

TEST(PagerCommand, CatOrEmptyPagerTurnsItOff) {
    EXPECT_EQ(pager_command(true, false, "cat", true), std::nullopt);
    EXPECT_EQ(pager_command(true, false, "", true), std::nullopt);
    EXPECT_EQ(pager_command(true, false, "  ", true), std::nullopt);
}

TEST(PagerCommand, WithoutLessNothingIsPagedByDefault) {
    EXPECT_EQ(pager_command(true, false, nullptr, false), std::nullopt);
}

TEST(OnPath, FindsShNotNonsense) {
    EXPECT_TRUE(on_path("sh"));
    EXPECT_FALSE(on_path("papers-no-such-program-xyzzy"));
}

}  // namespace
}  // namespace papers::cli
