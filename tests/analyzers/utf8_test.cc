#include "analyzers/utf8.h"

#include <gtest/gtest.h>

namespace papers {
namespace {

TEST(Utf8Test, Sanitize) {
    struct Case {
        std::string input;
        std::string expected;
    };
    const std::string r = "\xEF\xBF\xBD";
    const Case cases[] = {
        {"", ""},
        {"plain ascii", "plain ascii"},
        {"한국어 ＧＰＴ 😀", "한국어 ＧＰＴ 😀"},
        {"a\xFF"
         "b",
         "a" + r + "b"},
        {"\xC0\xAF", r + r},                  // overlong '/'
        {"\xE0\x80\xAF", r + r + r},          // overlong, three bytes
        {"\xED\xA0\x80", r + r + r},          // surrogate
        {"\xF4\x90\x80\x80", r + r + r + r},  // above U+10FFFF
        {"\xEA\xB0", r + r},                  // truncated at the end
        {"\xEA\xB0"
         "a",
         r + r + "a"},  // truncated before ASCII
        {std::string("nul\0byte", 8), std::string("nul\0byte", 8)},
    };
    for (const Case& c : cases) {
        const std::string out = sanitize_utf8(c.input);
        EXPECT_EQ(out, c.expected);
        EXPECT_TRUE(is_valid_utf8(out));
        EXPECT_EQ(is_valid_utf8(c.input), out == c.input);
    }
}

TEST(Utf8Test, Printable) {
    EXPECT_EQ(printable("plain 한글"), "plain 한글");
    EXPECT_EQ(printable("a\x1b[31mred"), "a\\x1b[31mred");
    EXPECT_EQ(printable("tab\there\nnew"), "tab here new");
    EXPECT_EQ(printable("bell\x07"), "bell\\x07");
    EXPECT_EQ(printable("del\x7f"), "del\\x7f");
    EXPECT_EQ(printable("c1\xC2\x9B"), "c1\\x9b");
    EXPECT_EQ(printable("rtl\xE2\x80\xAEx"), "rtl x");
    EXPECT_EQ(printable("bad\xFF"), "bad\xEF\xBF\xBD");
}

}  // namespace
}  // namespace papers
