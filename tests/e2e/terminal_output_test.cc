// What reaches a terminal: colour only on a terminal (or when asked), never
// when NO_COLOR says no, and never a control character that came from a digest.
#include <algorithm>

#include "tests/e2e/papers_test.h"

namespace papers::test {
namespace {

bool has_escape(const std::string& s) {
    return s.find(kEsc) != std::string::npos;
}

// Commands whose text output is checked; all have results on the seed corpus.
const std::vector<std::vector<std::string>> kTextCommands = {
    {"search", "diffusion"}, {"author", "Ge Zhang"}, {"show", "2409.16191"}, {"stats"}};

std::vector<std::string> with(std::vector<std::string> args, const std::string& flag,
                              const std::string& value) {
    args.insert(args.begin() + 1, {flag, value});
    return args;
}

class TerminalTest : public PapersTest {
  protected:
    void SetUp() override { ASSERT_NO_FATAL_FAILURE(index_seed_corpus()); }
};

TEST_F(TerminalTest, PipedOutputHasNoEscapes) {
    for (const auto& args : kTextCommands) {
        const RunResult result = papers(args);
        ASSERT_EQ(result.exit_code, 0) << describe(result);
        EXPECT_FALSE(has_escape(result.out)) << args[0] << "\n" << describe(result);
        EXPECT_FALSE(has_escape(result.err)) << args[0] << "\n" << describe(result);
    }
}

TEST_F(TerminalTest, ColorAlwaysPaintsEvenAPipe) {
    for (const auto& args : kTextCommands) {
        const RunResult result = papers(with(args, "--color", "always"));
        ASSERT_EQ(result.exit_code, 0) << describe(result);
        EXPECT_TRUE(has_escape(result.out)) << args[0] << "\n" << describe(result);
    }
}

TEST_F(TerminalTest, MatchedWordsAreHighlightedWithColour) {
    const RunResult plain = papers({"search", "HelloBench"});
    const RunResult painted = papers({"search", "--color", "always", "HelloBench"});
    ASSERT_EQ(painted.exit_code, 0) << describe(painted);
    // The snippet line holds more escapes than title, metadata and link alone.
    const auto escapes = [](const std::string& s) { return std::count(s.begin(), s.end(), kEsc); };
    EXPECT_EQ(escapes(plain.out), 0);
    EXPECT_GT(escapes(painted.out), 6) << painted.out;
}

TEST_F(TerminalTest, AutoColoursATerminal) {
    const RunResult result = papers({"search", "diffusion"}, {}, Stdout::Terminal);
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_TRUE(has_escape(result.out)) << describe(result);
}

TEST_F(TerminalTest, NoColorAndNeverWinOnATerminal) {
    const RunResult no_color =
        papers({"search", "--color", "auto", "diffusion"}, {{"NO_COLOR", "1"}}, Stdout::Terminal);
    ASSERT_EQ(no_color.exit_code, 0) << describe(no_color);
    EXPECT_FALSE(has_escape(no_color.out)) << describe(no_color);

    const RunResult never =
        papers({"search", "--color", "never", "diffusion"}, {}, Stdout::Terminal);
    ASSERT_EQ(never.exit_code, 0) << describe(never);
    EXPECT_FALSE(has_escape(never.out)) << describe(never);

    const RunResult dumb = papers({"search", "diffusion"}, {{"TERM", "dumb"}}, Stdout::Terminal);
    EXPECT_FALSE(has_escape(dumb.out)) << describe(dumb);
}

TEST_F(TerminalTest, NoColorOnAPipeInAutoMode) {
    const RunResult result =
        papers({"search", "--color", "auto", "diffusion"}, {{"NO_COLOR", "1"}});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_FALSE(has_escape(result.out)) << describe(result);
}

TEST_F(TerminalTest, JsonNeverHasEscapes) {
    const RunResult result =
        papers({"search", "--json", "--color", "always", "diffusion"}, {}, Stdout::Terminal);
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_FALSE(has_escape(result.out)) << describe(result);
}

// A digest whose title, authors and sections carry ESC sequences, BEL and a
// C1 CSI (tests/fixtures/e2e/control-chars/2024-10-01.md).
class ControlCharacterTest : public PapersTest {
  protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(index((fixtures_dir() / "e2e" / "control-chars").string()));
    }
};

// No BEL, no C1 CSI (U+009B), and no ESC that the digest wrote.
void expect_no_raw_controls(const RunResult& result, const std::string& what) {
    EXPECT_EQ(result.out.find('\a'), std::string::npos) << what << "\n" << describe(result);
    EXPECT_EQ(result.out.find("\xc2\x9b"), std::string::npos) << what << "\n" << describe(result);
    for (const char* sequence : {"\x1b[31m", "\x1b]0;", "\x1b[2J", "\x1b[5m"})
        EXPECT_EQ(result.out.find(sequence), std::string::npos) << what << "\n" << describe(result);
}

TEST_F(ControlCharacterTest, TextOutputShowsThemAsVisibleEscapes) {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"show", "2410.00001"}, {"search", "Zorblax"}, {"author", "Eve Example"}}) {
        for (const char* color : {"never", "always"}) {
            const RunResult result = papers(with(args, "--color", color), {}, Stdout::Terminal);
            ASSERT_EQ(result.exit_code, 0) << describe(result);
            expect_no_raw_controls(result, args[0] + " --color " + color);
            if (std::string(color) == "never") {
                EXPECT_FALSE(has_escape(result.out)) << describe(result);
            }
        }
    }
    const RunResult show = papers({"show", "2410.00001"});
    EXPECT_NE(show.out.find("\\x1b"), std::string::npos) << describe(show);
}

TEST_F(ControlCharacterTest, JsonEscapesThemAndKeepsTheText) {
    const RunResult result = papers({"show", "--json", "2410.00001"});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_FALSE(has_escape(result.out)) << describe(result);
    EXPECT_EQ(result.out.find('\a'), std::string::npos) << describe(result);
    const auto title = parse_json(result).at("title").get<std::string>();
    EXPECT_NE(title.find("\x1b[31m"), std::string::npos) << title;  // data, escaped as \u001b
}

}  // namespace
}  // namespace papers::test
