// The pager as a user meets it: on a terminal the text goes through $PAGER;
// --no-pager, PAGER=cat and a stdout that is not a terminal print directly.
// The "pager" here is sed, which marks every line it passes on.
#include "tests/e2e/papers_test.h"

namespace papers::test {
namespace {

constexpr const char* kMarkingPager = "sed s/^/paged:/";

bool paged(const RunResult& result) {
    return result.out.rfind("paged:", 0) == 0;
}

class PagerTest : public PapersTest {
  protected:
    void SetUp() override { ASSERT_NO_FATAL_FAILURE(index_seed_corpus()); }
};

TEST_F(PagerTest, ATerminalGetsThePager) {
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"search", "diffusion"},
                                               {"author", "Ge Zhang"},
                                               {"show", "2409.16191"},
                                               {"similar", "2409.16191"},
                                               {"stats"}}) {
        const RunResult result = papers(args, {{"PAGER", kMarkingPager}}, Stdout::Terminal);
        EXPECT_TRUE(paged(result)) << args[0] << "\n" << describe(result);
    }
}

TEST_F(PagerTest, ColourAndWidthAreTheTerminalsThroughThePager) {
    const RunResult result =
        papers({"search", "diffusion"}, {{"PAGER", kMarkingPager}}, Stdout::Terminal);
    ASSERT_TRUE(paged(result)) << describe(result);
    EXPECT_NE(result.out.find(kEsc), std::string::npos) << describe(result);
}

TEST_F(PagerTest, NoPagerPagerCatOrAPipePrintDirectly) {
    const RunResult no_pager =
        papers({"search", "--no-pager", "diffusion"}, {{"PAGER", kMarkingPager}}, Stdout::Terminal);
    EXPECT_EQ(no_pager.exit_code, 0) << describe(no_pager);
    EXPECT_FALSE(paged(no_pager)) << describe(no_pager);

    const RunResult cat = papers({"search", "diffusion"}, {{"PAGER", "cat"}}, Stdout::Terminal);
    EXPECT_FALSE(paged(cat)) << describe(cat);
    EXPECT_NE(cat.out.find("diffusion"), std::string::npos) << describe(cat);

    const RunResult pipe = papers({"search", "diffusion"}, {{"PAGER", kMarkingPager}});
    EXPECT_EQ(pipe.exit_code, 0) << describe(pipe);
    EXPECT_FALSE(paged(pipe)) << describe(pipe);
}

TEST_F(PagerTest, JsonOnelineAndWritersAreNotPaged) {
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"search", "--json", "diffusion"},
                                               {"search", "--format", "oneline", "diffusion"},
                                               {"index", (source_dir() / "corpus").string()}}) {
        const RunResult result = papers(args, {{"PAGER", kMarkingPager}}, Stdout::Terminal);
        EXPECT_EQ(result.exit_code, 0) << describe(result);
        EXPECT_FALSE(paged(result)) << args[1] << "\n" << describe(result);
    }
}

TEST_F(PagerTest, ExitStatusIsTheCommandsNotThePagers) {
    const RunResult result =
        papers({"search", "xyzzyplughzork"}, {{"PAGER", "false"}}, Stdout::Terminal);
    EXPECT_EQ(result.exit_code, 1) << describe(result);
}

}  // namespace
}  // namespace papers::test
