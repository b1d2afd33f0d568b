// Vote bands (schema::vote_band_term) only let a search skip papers that
// cannot reach the page: the hits with them are the hits without them. An
// index whose bands are stripped stands for one from before bands (schema
// 3), which VotePriorSource and the votes sort read paper by paper.
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "analyzers/document_data.h"
#include "analyzers/schema.h"
#include "analyzers/vote_table.h"
#include "query/vote_prior.h"
#include "tests/query/index_fixture.h"

namespace papers::test {
namespace {

// 400 papers that all say "common", with votes spread over every band
// (0 to about 2,000, some ties) and texts of different lengths, so that
// BM25 and the votes prior both decide the order.
std::string many_papers_day() {
    std::string day = "## Daily Papers (2024-10-01)\n\n";
    unsigned state = 12345;
    for (int i = 0; i < 400; ++i) {
        state = state * 1103515245u + 12345u;
        const int votes = static_cast<int>((state >> 8) % 2048) >> ((state >> 4) % 8);
        char id[16];
        std::snprintf(id, sizeof id, "2410.%05d", i);
        std::string title = "common";
        for (int w = 0; w < i % 7; ++w) title += " filler" + std::to_string(w);
        if (i % 3 == 0) title += " rare";
        if (i % 5 == 0) title += " common";
        day += "### [" + title + "](https://arxiv.org/abs/" + id +
               ")\n\nVote: " + std::to_string(votes) + "\n\n- **What's New**: 공통 연구입니다.\n\n";
    }
    return day;
}

class VoteBandTest : public IndexFixture {
  protected:
    void SetUp() override {
        IndexFixture::SetUp();
        std::filesystem::create_directories(corpus() + "/2024/10");
        write("2024/10/01.md", many_papers_day());
        index();
    }

    // Removes the stored vote table, as an index from before it has none.
    void strip_vote_table() {
        Xapian::WritableDatabase db(IndexFixture::db());
        db.set_metadata(std::string(schema::kMetaVoteTable), "");
        db.commit();
    }

    // The ids of a page, in order.
    std::vector<std::string> page(const std::string& query, SortOrder sort, size_t offset,
                                  size_t limit = 10) {
        auto searcher = open();
        if (!searcher) return {};
        SearchRequest request;
        request.query = query;
        request.sort = sort;
        request.offset = offset;
        request.limit = limit;
        request.fill_with_partial = false;
        auto results = searcher->search(request);
        EXPECT_TRUE(results) << (results ? "" : results.error().message);
        std::vector<std::string> ids;
        if (results)
            for (const auto& hit : results->hits) ids.push_back(hit.paper.arxiv_id);
        return ids;
    }

    struct Case {
        std::string query;
        SortOrder sort;
        size_t offset;
    };
    std::vector<Case> cases() const {
        std::vector<Case> all;
        for (const char* query : {"common", "common rare", "공통", "filler2"})
            for (const SortOrder sort : {SortOrder::Relevance, SortOrder::Votes})
                for (const size_t offset : {0, 10, 50, 390}) all.push_back({query, sort, offset});
        return all;
    }
};

// A page that fills lets the votes prior skip papers by band; a list longer
// than every match never fills, so every paper is weighed: the pages are its
// slices.
TEST_F(VoteBandTest, BandsChangeNoPageOfAnyRanking) {
    const std::vector<Case> all = cases();
    for (const Case& c : all) {
        SCOPED_TRACE(c.query + (c.sort == SortOrder::Votes ? " by votes" : " by relevance") +
                     " from " + std::to_string(c.offset));
        const std::vector<std::string> every = page(c.query, c.sort, 0, 100000);
        const size_t begin = std::min(c.offset, every.size());
        const size_t end = std::min(c.offset + 10, every.size());
        EXPECT_EQ(page(c.query, c.sort, c.offset),
                  std::vector<std::string>(every.begin() + begin, every.begin() + end));
    }
    EXPECT_EQ(page("common", SortOrder::Relevance, 0).size(), 10u);
}

TEST_F(VoteBandTest, VotesSortIsByVotesAcrossBands) {
    auto searcher = open();
    ASSERT_TRUE(searcher);
    SearchRequest request;
    request.query = "common";
    request.sort = SortOrder::Votes;
    request.fill_with_partial = false;
    int last = 1 << 30;
    for (request.offset = 0; request.offset < 400; request.offset += 25) {
        request.limit = 25;
        auto results = searcher->search(request);
        ASSERT_TRUE(results);
        ASSERT_EQ(results->hits.size(), 25u);
        for (const auto& hit : results->hits) {
            EXPECT_LE(hit.paper.votes.value_or(0), last) << hit.paper.arxiv_id;
            last = hit.paper.votes.value_or(0);
        }
    }
}

// VotePriorSource weighs as Xapian's own ValueWeightPostingSource over the
// prior slot, scaled, whether it reads the value stream, the index's stored
// vote table or a table filled from the stream, and with or without a page
// to fill (its skipping only drops papers that cannot reach the page).
TEST_F(VoteBandTest, ThePriorWeighsAsXapiansValueWeightSource) {
    const double votes_weight = 0.5;
    const auto page = [&](const Xapian::Query& prior, const std::string& word, size_t size) {
        Xapian::Enquire enquire{Xapian::Database(db())};
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query(word), prior));
        std::vector<std::pair<Xapian::docid, double>> hits;
        const Xapian::MSet mset = enquire.get_mset(0, size);
        for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back({*it, it.get_weight()});
        return hits;
    };
    Xapian::ValueWeightPostingSource reference_source(schema::kSlotVotePrior);
    const Xapian::Query reference(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(&reference_source),
                                  votes_weight);
    for (const bool stored : {true, false}) {
        if (!stored) strip_vote_table();
        ASSERT_EQ(VoteTable::read(Xapian::Database(db())).has_value(), stored);
        for (const char* word : {"common", "rare", "filler3"}) {
            for (const size_t size : {1, 10, 400}) {
                SCOPED_TRACE(std::string(word) + ", " + std::to_string(size) +
                             (stored ? ", stored table" : ", no stored table"));
                const auto expected = page(reference, word, size);
                ASSERT_FALSE(expected.empty());
                VotePriorSource from_stream(votes_weight);
                const auto table = std::make_shared<VotePriorTable>();
                VotePriorSource from_table(votes_weight, table);
                for (VotePriorSource* source : {&from_stream, &from_table}) {
                    const auto got = page(Xapian::Query(source), word, size);
                    ASSERT_EQ(got.size(), expected.size());
                    for (size_t i = 0; i < got.size(); ++i) {
                        EXPECT_EQ(got[i].first, expected[i].first) << i;
                        EXPECT_NEAR(got[i].second, expected[i].second, 1e-9) << i;
                    }
                }
                // Stored: read at once. Else "common" reads more than 1% of
                // the papers from the stream, which fills the table.
                EXPECT_TRUE(table->loaded());
            }
        }
    }
}

// Every commit stores the votes of every paper by document id, and a table
// that a later commit did not write again is not read.
TEST_F(VoteBandTest, TheIndexStoresEveryPapersVotesForItsRevision) {
    {
        const Xapian::Database database(db());
        const auto table = VoteTable::read(database);
        ASSERT_TRUE(table);
        EXPECT_EQ(table->last_docid(), database.get_lastdocid());
        size_t papers = 0;
        const auto end = database.valuestream_end(schema::kSlotVotes);
        for (auto it = database.valuestream_begin(schema::kSlotVotes); it != end; ++it, ++papers)
            EXPECT_EQ(table->votes(it.get_docid()), Xapian::sortable_unserialise(*it))
                << it.get_docid();
        EXPECT_EQ(papers, database.get_doccount());
        EXPECT_EQ(table->votes(database.get_lastdocid() + 1), VoteTable::kNoPaper);
    }
    Xapian::WritableDatabase writable(db());
    Xapian::Document doc = writable.get_document(1);
    doc.add_value(schema::kSlotVotes, Xapian::sortable_serialise(7));
    writable.replace_document(1, doc);
    writable.commit();
    EXPECT_FALSE(VoteTable::read(writable));
    writable.delete_document(2);
    writable.set_metadata(std::string(schema::kMetaVoteTable),
                          VoteTable::pack_for_commit(writable));
    writable.commit();
    const auto table = VoteTable::read(writable);
    ASSERT_TRUE(table);
    EXPECT_EQ(table->votes(1), 7);
    EXPECT_EQ(table->votes(2), VoteTable::kNoPaper);
}

// The directory of the live database the index's stub names.
std::string live_directory(const std::string& index) {
    std::ifstream stub(index + "/XAPIANDB");
    std::string backend, name;
    stub >> backend >> name;
    return name.empty() ? index : index + "/" + name;
}

// Every commit also leaves the table as a file in the database's directory,
// which a reader maps; one that the last commit did not write, or that is of
// another database, is not used (the entry is read instead).
TEST_F(VoteBandTest, TheTableFileServesOnlyTheRevisionItWasWrittenFor) {
    const std::string dir = live_directory(db());
    ASSERT_TRUE(std::filesystem::exists(dir + "/" + std::string(schema::kVoteTableFile)));
    {
        const Xapian::Database database(db());
        const auto mapped = VoteTable::read(database, dir);
        const auto entry = VoteTable::read(database);
        ASSERT_TRUE(mapped && entry);
        EXPECT_TRUE(mapped->mapped());
        EXPECT_FALSE(entry->mapped());
        ASSERT_EQ(mapped->last_docid(), entry->last_docid());
        for (Xapian::docid did = 1; did <= entry->last_docid() + 1; ++did)
            ASSERT_EQ(mapped->votes(did), entry->votes(did)) << did;
    }
    // A commit that wrote the entry but not the file (a crash between them).
    Xapian::WritableDatabase writable(db());
    Xapian::Document doc = writable.get_document(1);
    doc.add_value(schema::kSlotVotes, Xapian::sortable_serialise(7));
    writable.replace_document(1, doc);
    writable.set_metadata(std::string(schema::kMetaVoteTable),
                          VoteTable::pack_for_commit(writable));
    writable.commit();
    auto table = VoteTable::read(writable, dir);
    ASSERT_TRUE(table);
    EXPECT_FALSE(table->mapped());
    EXPECT_EQ(table->votes(1), 7);
    // The file of another database at the same revision, with as many papers.
    const std::string other = db() + "-other";
    {
        Xapian::WritableDatabase another(other, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        for (Xapian::docid did = 1; did <= writable.get_lastdocid(); ++did)
            another.add_document(Xapian::Document());
        another.commit();
        while (another.get_revision() + 1 < writable.get_revision() + 1) {
            another.set_metadata("papers:test", std::to_string(another.get_revision()));
            another.commit();
        }
        const std::string packed = VoteTable::pack_for_commit(another);
        another.set_metadata("papers:test", "the last commit");
        another.commit();
        ASSERT_TRUE(VoteTable::save_file(other, another, packed));
    }
    std::filesystem::copy_file(other + "/" + std::string(schema::kVoteTableFile),
                               dir + "/" + std::string(schema::kVoteTableFile),
                               std::filesystem::copy_options::overwrite_existing);
    writable.set_metadata("papers:test", "a commit of its own");
    writable.set_metadata(std::string(schema::kMetaVoteTable),
                          VoteTable::pack_for_commit(writable));
    writable.commit();
    ASSERT_EQ(writable.get_revision(), Xapian::Database(other).get_revision());
    table = VoteTable::read(writable, dir);
    ASSERT_TRUE(table);
    EXPECT_FALSE(table->mapped()) << "a table file of another database was read";
}

// A Searcher reads the votes from the table file of the database it opened:
// a file that gives one paper far more votes than the index ranks it first.
TEST_F(VoteBandTest, ASearcherRanksByTheTableFile) {
    SearchRequest request;
    request.query = "common";
    request.limit = 1;
    request.fill_with_partial = false;
    std::string first;
    {
        auto searcher = open();
        ASSERT_TRUE(searcher);
        const auto results = searcher->search(request);
        ASSERT_TRUE(results && results->hits.size() == 1u);
        first = results->hits[0].paper.arxiv_id;
    }
    const Xapian::Database database(db());
    const auto entry = VoteTable::read(database);
    ASSERT_TRUE(entry);
    Xapian::docid chosen = 0;  // a paper the search does not rank first
    for (Xapian::docid did = 1; did <= entry->last_docid() && !chosen; ++did)
        if (const std::string id =
                from_document_data(database.get_document(did).get_data()).paper.arxiv_id;
            entry->votes(did) >= 0 && id.rfind("2410.", 0) == 0 && id != first)
            chosen = did;
    ASSERT_NE(chosen, 0u);
    std::string packed = database.get_metadata(std::string(schema::kMetaVoteTable));
    packed[12 + 2 * (chosen - 1)] = static_cast<char>(60000 & 0xff);
    packed[12 + 2 * (chosen - 1) + 1] = static_cast<char>(60000 >> 8);
    ASSERT_TRUE(VoteTable::save_file(live_directory(db()), database, packed));
    auto searcher = open();
    ASSERT_TRUE(searcher);
    const auto results = searcher->search(request);
    ASSERT_TRUE(results && results->hits.size() == 1u);
    EXPECT_EQ(results->hits[0].paper.arxiv_id,
              from_document_data(database.get_document(chosen).get_data()).paper.arxiv_id);
}

// A long-lived Searcher keeps the priors it read (VotePriorTable): votes
// indexed again must rank as they are now, from the stored vote table and,
// once a paper has more votes than it holds, from the value stream.
TEST_F(VoteBandTest, ALongLivedSearcherRanksByTheVotesAsTheyAreNow) {
    auto searcher = open();
    ASSERT_TRUE(searcher);
    SearchRequest request;
    request.query = "common";
    request.limit = 1;
    request.fill_with_partial = false;
    auto before = searcher->search(request);
    ASSERT_TRUE(before);
    ASSERT_EQ(before->hits.size(), 1u);
    ASSERT_NE(before->hits[0].paper.arxiv_id, "2410.00001");
    std::string day = many_papers_day();
    const auto give_votes = [&](const std::string& id, const std::string& votes) {
        const std::string block = "(https://arxiv.org/abs/" + id + ")\n\nVote: ";
        const size_t at = day.find(block) + block.size();
        day.replace(at, day.find('\n', at) - at, votes);
        write("2024/10/01.md", day);
        index();
    };
    struct Step {
        std::string id, votes;
        bool stored;  // the votes fit in the stored table
    };
    for (const Step& step :
         {Step{"2410.00001", "60000", true}, Step{"2410.00002", "1000000", false}}) {
        SCOPED_TRACE(step.id + " with " + step.votes + " votes");
        give_votes(step.id, step.votes);  // far more than any other paper
        EXPECT_EQ(VoteTable::read(Xapian::Database(db())).has_value(), step.stored);
        auto after = searcher->search(request);
        ASSERT_TRUE(after);
        ASSERT_EQ(after->hits.size(), 1u);
        EXPECT_EQ(after->hits[0].paper.arxiv_id, step.id);
    }
}

}  // namespace
}  // namespace papers::test
