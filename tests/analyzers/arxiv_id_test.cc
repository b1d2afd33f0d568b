// What people paste for a paper: every form gives the id the index keys it by.
#include "analyzers/arxiv_id.h"

#include <gtest/gtest.h>

namespace papers {
namespace {

TEST(ArxivId, PastedFormsGiveTheBareId) {
    const std::pair<const char*, const char*> cases[] = {
        {"2409.16191", "2409.16191"},
        {" 2409.16191v2 ", "2409.16191"},
        {"arXiv:2409.16191v1", "2409.16191"},
        {"https://arxiv.org/abs/2409.16191", "2409.16191"},
        {"https://arxiv.org/pdf/2409.16191v3.pdf", "2409.16191"},
        {"https://huggingface.co/papers/2409.16191", "2409.16191"},
        {"http://huggingface.co/papers/2409.16191/", "2409.16191"},
        {"https://huggingface.co/papers/2409.16191#community", "2409.16191"},
        {"https://huggingface.co/papers/2409.16191?utm_source=x", "2409.16191"},
        {"huggingface.co/papers/2409.16191", "2409.16191"},
        {"https://hf.co/papers/2409.16191", "2409.16191"},
    };
    for (const auto& [pasted, id] : cases) EXPECT_EQ(canonical_arxiv_id(pasted), id) << pasted;
}

TEST(ArxivId, HuggingFacePaperUrls) {
    EXPECT_TRUE(is_hugging_face_paper_url("https://huggingface.co/papers/2409.16191"));
    EXPECT_FALSE(is_hugging_face_paper_url("https://huggingface.co/datasets/x"));
    EXPECT_FALSE(is_arxiv_url("https://huggingface.co/papers/2409.16191"));
}

}  // namespace
}  // namespace papers
