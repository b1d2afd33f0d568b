// Several --db (or a stub file listing them, remote ones too) search as one
// index: the same papers, scores and counts as one index of all the days.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "tests/serving/serving_fixture.h"

namespace papers::test {
namespace {

class ShardsTest : public ServingTest {
  protected:
    void SetUp() override {
        const size_t days = sample_days();
        const size_t half = days / 2;
        index(path("first"), corpus("first-days", 0, half));
        index(path("second"), corpus("second-days", half, days - half));
        index(path("whole"), corpus("all-days", 0, days));
    }

    // Hits as score -> ids: documents are numbered differently across
    // shards, so papers with equal scores may come in another order, and a
    // tie at the end of a full page may be cut differently (left out).
    static std::map<std::string, std::set<std::string>> by_score(const nlohmann::json& result,
                                                                 size_t page) {
        std::map<std::string, std::set<std::string>> out;
        char score[32];
        for (const auto& hit : result["results"]) {
            std::snprintf(score, sizeof score, "%.9f", hit.value("score", 0.0));
            out[score].insert(hit["arxiv_id"].get<std::string>());
        }
        if (result["results"].size() == page && !out.empty()) out.erase(out.begin());
        return out;
    }

    void expect_one_index(const std::vector<std::string>& shards) {
        for (const auto& query : {"diffusion reward model", "보상 모델", "agent", "difusion",
                                  "language model benchmark"}) {
            std::vector<std::string> args = {"search", "--json", "--limit", "20", query};
            std::vector<std::string> sharded = args;
            for (const auto& shard : shards) sharded.insert(sharded.begin() + 1, {"--db", shard});
            args.insert(args.begin() + 1, {"--db", path("whole")});
            const auto whole = papers_json(args);
            const auto parts = papers_json(sharded);
            EXPECT_EQ(whole["total"], parts["total"]) << query;
            EXPECT_EQ(whole["suggestion"], parts["suggestion"]) << query;
            EXPECT_EQ(by_score(whole, 20), by_score(parts, 20)) << query;
        }
        const auto whole = papers_json({"stats", "--json", "--db", path("whole")});
        std::vector<std::string> args = {"stats", "--json"};
        for (const auto& shard : shards) args.insert(args.end(), {"--db", shard});
        const auto parts = papers_json(args);
        for (const char* field : {"papers", "days", "authors", "first_day", "last_day"})
            EXPECT_EQ(whole[field], parts[field]) << field;
    }
};

TEST_F(ShardsTest, TwoShardsAreOneIndex) {
    expect_one_index({path("first"), path("second")});
    // show and author find a paper in either shard.
    const auto second = papers_json({"search", "--json", "--db", path("second"), "model"});
    ASSERT_FALSE(second["results"].empty());
    const std::string id = second["results"][0]["arxiv_id"];
    const RunResult shown = papers({"show", "--db", path("first"), "--db", path("second"), id});
    EXPECT_EQ(shown.exit_code, 0) << describe_run(shown);
    const std::string author = second["results"][0]["authors"][0];
    const auto whole = papers_json({"author", "--json", "--db", path("whole"), author});
    const auto parts =
        papers_json({"author", "--json", "--db", path("first"), "--db", path("second"), author});
    EXPECT_EQ(whole["total"], parts["total"]);
}

TEST_F(ShardsTest, AStubFileListsShardsRemoteOrLocal) {
    const Server server = serve(path("second"));
    ASSERT_TRUE(server.process);
    {
        std::ofstream stub(path("shards.stub"));
        stub << "# one index in two shards\nauto first\nremote " << server.address() << "\n";
    }
    expect_one_index({path("shards.stub")});
    expect_one_index({path("first"), server.url()});
}

TEST_F(ShardsTest, IndexWritesOneDatabase) {
    const RunResult result =
        papers({"index", "--db", path("first"), "--db", path("second"), path("first-days")});
    EXPECT_EQ(result.exit_code, 2) << describe_run(result);
}

}  // namespace
}  // namespace papers::test
