// The fresh build on several cores (indexer/sharded_build.h) against one
// writer (index_into): the same documents, in the same order, with the same
// terms, spelling counts, synonyms and file states, however many workers.
#include "indexer/sharded_build.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <map>

#include "tests/query/index_fixture.h"

namespace papers::test {
namespace {

class ShardedBuildTest : public IndexFixture {
  protected:
    void SetUp() override {
        IndexFixture::SetUp();
        // A third day that repeats a paper of the first, so that with two or
        // three workers its occurrences land in different shards.
        write("2024/09/27.md", R"(## Daily Papers (2024-09-27)

### [Scaling Laws for Language Models](https://arxiv.org/abs/2409.00002)

Vote: 9

Authors: Zhang Ge Wei, Bob Stone

- **What's New**: 스케일링 법칙(scaling law)을 다시 요약합니다.

### [Speech Recognition at Scale](https://arxiv.org/abs/2409.00005)

Vote: 3

Authors: Erin Gray

- **What's New**: 대규모 음성 인식(speech recognition) 모델을 제안합니다.
)");
    }

    std::string one_writer() {
        const std::string path = root_ + "/one";
        IndexRequest request;
        request.inputs = {corpus()};
        request.force = true;
        auto report = index_into(path, request);
        EXPECT_TRUE(report) << (report ? "" : report.error().message);
        return path;
    }

    std::string sharded(unsigned workers, IndexReport* report_out = nullptr) {
        const std::string path = root_ + "/sharded-" + std::to_string(workers);
        auto files = collect_files({corpus()});
        EXPECT_TRUE(files);
        auto report = build_sharded(*files, {path + ".shards", path, workers});
        EXPECT_TRUE(report) << (report ? "" : report.error().message);
        if (report && report_out) *report_out = *report;
        return path;
    }
};

// Everything a search can see, docid by docid.
struct Snapshot {
    std::vector<std::string> data;                     // by docid
    std::vector<std::map<std::string, size_t>> terms;  // term -> wdf, by docid
    std::vector<std::map<std::string, std::vector<Xapian::termpos>>> positions;
    std::map<std::string, Xapian::doccount> spelling;
    std::map<std::string, std::vector<std::string>> synonyms;
    std::map<std::string, std::string> files;  // file states

    static Snapshot of(const std::string& path) {
        Xapian::Database db(path);
        Snapshot s;
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            const Xapian::Document doc = db.get_document(*it);
            s.data.push_back(doc.get_data());
            s.terms.emplace_back();
            s.positions.emplace_back();
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
                s.terms.back()[*t] = t.get_wdf();
                std::vector<Xapian::termpos> at(t.positionlist_begin(), t.positionlist_end());
                if (!at.empty()) s.positions.back()[*t] = at;
            }
        }
        for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
            s.spelling[*it] = it.get_termfreq();
        for (auto it = db.synonym_keys_begin(); it != db.synonym_keys_end(); ++it)
            s.synonyms[*it] = {db.synonyms_begin(*it), db.synonyms_end(*it)};
        for (auto it = db.metadata_keys_begin("papers:file:");
             it != db.metadata_keys_end("papers:file:"); ++it)
            s.files[*it] = db.get_metadata(*it);
        return s;
    }
};

TEST_F(ShardedBuildTest, AnyNumberOfWorkersBuildsWhatOneWriterBuilds) {
    const Snapshot expected = Snapshot::of(one_writer());
    ASSERT_EQ(expected.data.size(), 5u);
    ASSERT_FALSE(expected.spelling.empty());
    for (unsigned workers : {1u, 2u, 3u, 8u}) {
        IndexReport report;
        const Snapshot got = Snapshot::of(sharded(workers, &report));
        EXPECT_EQ(got.data, expected.data) << workers << " workers";
        EXPECT_EQ(got.terms, expected.terms) << workers << " workers";
        EXPECT_EQ(got.positions, expected.positions) << workers << " workers";
        EXPECT_EQ(got.spelling, expected.spelling) << workers << " workers";
        EXPECT_EQ(got.synonyms, expected.synonyms) << workers << " workers";
        EXPECT_EQ(got.files, expected.files) << workers << " workers";
        EXPECT_EQ(report.files_seen, 3u);
        EXPECT_EQ(report.files_indexed, 3u);
        EXPECT_EQ(report.papers_total, 5u);
    }
}

TEST_F(ShardedBuildTest, RepeatedPaperIsMergedAcrossShards) {
    auto searcher = Searcher::open(sharded(3));
    ASSERT_TRUE(searcher);
    auto paper = (*searcher)->show("2409.00002");
    ASSERT_TRUE(paper);
    EXPECT_EQ(paper->votes, 9);            // the highest of both days
    EXPECT_EQ(paper->date, "2024-09-25");  // the first day's record
}

TEST_F(ShardedBuildTest, MalformedFileIsReportedInFileOrder) {
    write("2024/09/24.md", "## Daily Papers (2024-09-24)\n\n### [Broken](https://example.com/x)\n");
    write("2024/09/28.md", "## Daily Papers (2024-09-28)\n\n### Not a link\n\nVote: 1\n");
    IndexReport report;
    sharded(2, &report);
    EXPECT_EQ(report.files_seen, 5u);
    ASSERT_GE(report.issues.size(), 2u);
    EXPECT_NE(report.issues.front().file.find("24.md"), std::string::npos);
    EXPECT_NE(report.issues.back().file.find("28.md"), std::string::npos);
    EXPECT_EQ(report.papers_total, 5u);
}

TEST_F(ShardedBuildTest, PhraseWithinASectionNeedsTheWordsInThatSection) {
    index();
    auto searcher = open();
    ASSERT_TRUE(searcher);
    const auto ids = [&](const std::string& query) {
        SearchRequest request;
        request.query = query;
        std::vector<std::string> found;
        auto results = searcher->search(request);
        EXPECT_TRUE(results) << query;
        if (results)
            for (const auto& hit : results->hits)
                if (!hit.partial) found.push_back(hit.paper.arxiv_id);
        return found;
    };
    EXPECT_EQ(ids("details:\"reinforcement learning\""), std::vector<std::string>{"2409.00001"});
    EXPECT_TRUE(ids("details:\"learning reinforcement\"").empty());
    EXPECT_TRUE(ids("whatsnew:\"reinforcement learning\"").empty());  // it is in details
    EXPECT_EQ(ids("title:\"language models\""), std::vector<std::string>{"2409.00002"});
}

}  // namespace
}  // namespace papers::test
