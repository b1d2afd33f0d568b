// The command-line contract: subcommands, JSON shapes, exit codes and where
// the index lives, checked on the shipped one-day corpus (corpus/2024-09-25.md,
// 17 papers).
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "tests/e2e/papers_test.h"

namespace papers::test {
namespace {

using nlohmann::json;

constexpr size_t kSeedPapers = 17;
constexpr const char* kHelloBench = "2409.16191";

// True if `text` starts with `shape`, where '9' in the shape stands for any digit.
bool starts_with_shape(const std::string& text, const std::string& shape) {
    if (text.size() < shape.size()) return false;
    for (size_t i = 0; i < shape.size(); ++i) {
        const bool digit = text[i] >= '0' && text[i] <= '9';
        if (shape[i] == '9' ? !digit : text[i] != shape[i]) return false;
    }
    return true;
}

bool is_iso_date(const json& value) {
    return value.is_string() && value.get<std::string>().size() == 10 &&
           starts_with_shape(value, "9999-99-99");
}

// The value on the line of a text table that starts with `label`.
std::string table_value(const std::string& table, const std::string& label) {
    std::istringstream lines(table);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind(label + " ", 0) != 0) continue;
        const size_t value = line.find_first_not_of(' ', label.size());
        return value == std::string::npos ? "" : line.substr(value);
    }
    return "(no " + label + " row)";
}

std::vector<std::string> result_ids(const json& object) {
    std::vector<std::string> ids;
    for (const auto& result : object.at("results")) ids.push_back(result.at("arxiv_id"));
    return ids;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

// The keys and types every paper object has.
void expect_paper_shape(const json& paper) {
    ASSERT_TRUE(paper.is_object()) << paper;
    EXPECT_TRUE(paper.at("arxiv_id").is_string()) << paper;
    EXPECT_TRUE(paper.at("title").is_string()) << paper;
    EXPECT_TRUE(is_iso_date(paper.at("date"))) << paper;
    EXPECT_TRUE(paper.at("votes").is_null() || paper.at("votes").is_number_integer()) << paper;
    ASSERT_TRUE(paper.at("authors").is_array()) << paper;
    for (const auto& author : paper.at("authors")) EXPECT_TRUE(author.is_string()) << paper;
}

class IndexedTest : public PapersTest {
  protected:
    void SetUp() override { ASSERT_NO_FATAL_FAILURE(index_seed_corpus()); }
};

TEST_F(IndexedTest, SearchJsonHasTheDocumentedShape) {
    const RunResult result = papers({"search", "--json", "diffusion"});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    const json object = parse_json(result);
    ASSERT_TRUE(object.is_object()) << describe(result);
    EXPECT_EQ(object.at("query"), "diffusion");
    ASSERT_TRUE(object.at("total").is_number_unsigned());
    EXPECT_GT(object.at("total").get<size_t>(), 0u);
    ASSERT_TRUE(object.at("results").is_array());
    ASSERT_FALSE(object.at("results").empty());
    size_t rank = 0;
    for (const auto& hit : object.at("results")) {
        ASSERT_NO_FATAL_FAILURE(expect_paper_shape(hit));
        EXPECT_EQ(hit.at("rank"), ++rank) << hit;
        EXPECT_TRUE(hit.at("score").is_number()) << hit;
        EXPECT_TRUE(hit.at("snippet").is_string()) << hit;
        EXPECT_TRUE(hit.at("partial").is_boolean()) << hit;
    }
    EXPECT_LE(object.at("total_every_word").get<size_t>(), object.at("total").get<size_t>());
}

TEST_F(IndexedTest, EveryWordDropsPapersWithSomeOfTheWords) {
    const json all =
        parse_json(papers({"search", "--json", "--limit", "100", "generation", "HelloBench"}));
    const json every =
        parse_json(papers({"search", "--json", "--every-word", "generation", "HelloBench"}));
    EXPECT_GT(all.at("total").get<size_t>(), all.at("total_every_word").get<size_t>());
    EXPECT_EQ(every.at("total"), every.at("total_every_word"));
    EXPECT_EQ(every.at("total"), all.at("total_every_word"));
    size_t partial = 0;
    for (const auto& hit : all.at("results")) partial += hit.at("partial").get<bool>();
    EXPECT_EQ(partial, all.at("total").get<size_t>() - all.at("total_every_word").get<size_t>());
    for (const auto& hit : every.at("results")) EXPECT_FALSE(hit.at("partial").get<bool>());
}

TEST_F(IndexedTest, SearchTextHasHeaderLinkAndAuthors) {
    const RunResult result = papers({"search", "HelloBench"});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_NE(result.out.find("for \"HelloBench\" (showing 1-"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("https://arxiv.org/abs/2409.16191"), std::string::npos);
    EXPECT_NE(result.out.find("HelloBench: Evaluating Long Text Generation"), std::string::npos);
    EXPECT_NE(result.out.find("28 votes"), std::string::npos);
    // 14 authors: the first three, then how many more.
    EXPECT_NE(result.out.find("Songyang Zhang, Liqun He, Ge Zhang +11"), std::string::npos)
        << result.out;
}

TEST_F(IndexedTest, ExplainSplitsTheScoreAndNamesTheMatchedTerms) {
    const RunResult json_run = papers({"search", "--json", "--explain", "title:HelloBench"});
    ASSERT_EQ(json_run.exit_code, 0) << describe(json_run);
    const json hit = parse_json(json_run).at("results").at(0);
    const json& why = hit.at("explain");
    EXPECT_NEAR(why.at("text_score").get<double>() + why.at("votes_score").get<double>(),
                hit.at("score").get<double>(), 1e-6);
    EXPECT_NEAR(why.at("votes_score").get<double>(), 0.5 * std::log1p(28.0), 1e-6);  // 28 votes
    ASSERT_EQ(why.at("terms").size(), 1u) << why;
    EXPECT_EQ(why.at("terms")[0].at("field"), "title");
    EXPECT_EQ(why.at("terms")[0].at("term"), "hellobench");
    EXPECT_EQ(why.at("terms")[0].at("origin"), "typed");
    EXPECT_GT(why.at("terms")[0].at("weight").get<double>(), 0);
    // Without --explain there is no "explain" key.
    EXPECT_FALSE(parse_json(papers({"search", "--json", "title:HelloBench"}))
                     .at("results")
                     .at(0)
                     .contains("explain"));

    const RunResult text_run = papers({"search", "--explain", "title:HelloBench"});
    ASSERT_EQ(text_run.exit_code, 0) << describe(text_run);
    EXPECT_NE(text_run.out.find("= text "), std::string::npos) << text_run.out;
    EXPECT_NE(text_run.out.find("title:hellobench "), std::string::npos) << text_run.out;
}

TEST_F(IndexedTest, QueryWordsAreJoinedWithSpaces) {
    const json joined = parse_json(papers({"search", "--json", "long", "text", "generation"}));
    const json quoted = parse_json(papers({"search", "--json", "long text generation"}));
    EXPECT_EQ(joined.at("query"), "long text generation");
    EXPECT_EQ(result_ids(joined), result_ids(quoted));
}

TEST_F(IndexedTest, LimitOffsetAndSortPage) {
    const json all = parse_json(papers({"search", "--json", "--limit", "100", "모델"}));
    ASSERT_GE(all.at("results").size(), 4u) << all;
    const json page =
        parse_json(papers({"search", "--json", "--limit", "2", "--offset", "2", "모델"}));
    ASSERT_EQ(page.at("results").size(), 2u) << page;
    EXPECT_EQ(page.at("results").at(0).at("rank"), 3);
    EXPECT_EQ(page.at("results").at(0).at("arxiv_id"), all.at("results").at(2).at("arxiv_id"));

    const json by_votes =
        parse_json(papers({"search", "--json", "--limit", "100", "--sort", "votes", "모델"}));
    int previous = 1 << 30;
    for (const auto& hit : by_votes.at("results")) {
        const int votes = hit.at("votes").is_null() ? -1 : hit.at("votes").get<int>();
        EXPECT_LE(votes, previous) << by_votes;
        previous = votes;
    }
}

TEST_F(IndexedTest, ShowJsonGivesHelloBenchInFull) {
    const RunResult result = papers({"show", "--json", kHelloBench});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    const json paper = parse_json(result);
    ASSERT_NO_FATAL_FAILURE(expect_paper_shape(paper));
    EXPECT_EQ(paper.at("arxiv_id"), kHelloBench);
    EXPECT_EQ(paper.at("title"),
              "HelloBench: Evaluating Long Text Generation Capabilities of Large Language Models");
    EXPECT_EQ(paper.at("date"), "2024-09-25");
    EXPECT_EQ(paper.at("votes"), 28);
    EXPECT_EQ(paper.at("authors").size(), 14u);
    EXPECT_EQ(paper.at("authors").at(0), "Songyang Zhang");
    EXPECT_EQ(paper.at("authors").at(13), "Kai Chen");
    for (const char* key : {"rank", "score", "snippet"}) EXPECT_FALSE(paper.contains(key)) << key;
    const json& sections = paper.at("sections");
    ASSERT_TRUE(sections.is_object()) << paper;
    for (const char* name : {"What's New", "Technical Details", "Performance Highlights"}) {
        ASSERT_TRUE(sections.contains(name)) << name << "\n" << sections;
        EXPECT_TRUE(sections.at(name).is_string());
    }
    EXPECT_NE(sections.at("What's New").get<std::string>().find("HelloBench"), std::string::npos);
}

TEST_F(IndexedTest, ShowTextListsEveryAuthorAndSection) {
    const RunResult result = papers({"show", kHelloBench});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    for (const char* expected :
         {"HelloBench: Evaluating Long Text Generation Capabilities of Large Language Models",
          "https://arxiv.org/abs/2409.16191", "2024-09-25", "28 votes", "Songyang Zhang",
          "Kai Chen", "What's New", "Technical Details", "Performance Highlights"})
        EXPECT_NE(result.out.find(expected), std::string::npos) << expected << "\n" << result.out;
}

TEST_F(IndexedTest, ShowUnknownIdExitsOne) {
    const RunResult result = papers({"show", "0000.00000"});
    EXPECT_EQ(result.exit_code, 1) << describe(result);
    EXPECT_TRUE(result.out.empty()) << describe(result);
    EXPECT_NE(result.err.find("0000.00000"), std::string::npos) << describe(result);
}

TEST_F(IndexedTest, SearchWithoutMatchExitsOne) {
    const RunResult text = papers({"search", "xyzzyplughzork"});
    EXPECT_EQ(text.exit_code, 1) << describe(text);
    EXPECT_FALSE(text.err.empty());
    const RunResult json_run = papers({"search", "--json", "xyzzyplughzork"});
    EXPECT_EQ(json_run.exit_code, 1) << describe(json_run);
    EXPECT_EQ(parse_json(json_run).at("total"), 0);
}

TEST_F(IndexedTest, QuerySyntaxErrorsExitTwo) {
    for (const char* query : {"\"unclosed", "title:("}) {
        const RunResult result = papers({"search", query});
        EXPECT_EQ(result.exit_code, 2) << query << "\n" << describe(result);
        EXPECT_NE(result.err.find("papers: "), std::string::npos) << describe(result);
    }
}

TEST_F(IndexedTest, AuthorFindsGeZhangInAnyOrderAndCase) {
    for (const char* name : {"Ge Zhang", "zhang, ge", "GE ZHANG"}) {
        const RunResult result = papers({"author", "--json", name});
        ASSERT_EQ(result.exit_code, 0) << name << "\n" << describe(result);
        const json object = parse_json(result);
        EXPECT_EQ(object.at("query"), name);
        const auto ids = result_ids(object);
        EXPECT_TRUE(contains(ids, kHelloBench)) << object;
        EXPECT_TRUE(contains(ids, "2409.15272")) << object;  // OmniBench, same author
        EXPECT_EQ(object.at("total"), ids.size());
        EXPECT_TRUE(object.at("matched_names").is_array());
        EXPECT_TRUE(object.at("suggestions").is_array());
        for (const auto& hit : object.at("results")) expect_paper_shape(hit);
    }
    const RunResult words = papers({"author", "Ge", "Zhang"});
    EXPECT_EQ(words.exit_code, 0) << describe(words);
    EXPECT_NE(words.out.find("https://arxiv.org/abs/2409.16191"), std::string::npos);
}

TEST_F(IndexedTest, UnknownAuthorExitsOne) {
    const RunResult result = papers({"author", "Nobody Atall"});
    EXPECT_EQ(result.exit_code, 1) << describe(result);
    EXPECT_NE(result.err.find("Nobody Atall"), std::string::npos) << describe(result);
}

TEST_F(IndexedTest, StatsJsonHasTheDocumentedKeys) {
    const RunResult result = papers({"stats", "--json"});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    const json stats = parse_json(result);
    EXPECT_EQ(stats.at("papers"), kSeedPapers);
    EXPECT_EQ(stats.at("days"), 1);
    EXPECT_GT(stats.at("authors").get<size_t>(), 50u);
    EXPECT_EQ(stats.at("first_day"), "2024-09-25");
    EXPECT_EQ(stats.at("last_day"), "2024-09-25");
    EXPECT_GT(stats.at("index_bytes").get<uint64_t>(), 0u);
    ASSERT_TRUE(stats.at("updated").is_string());
    EXPECT_TRUE(starts_with_shape(stats.at("updated"), "9999-99-99T99:99")) << stats;
}

TEST_F(IndexedTest, StatsTextIsATable) {
    const RunResult result = papers({"stats"});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_EQ(table_value(result.out, "papers"), "17") << result.out;
    EXPECT_EQ(table_value(result.out, "days"), "1") << result.out;
    EXPECT_EQ(table_value(result.out, "first day"), "2024-09-25") << result.out;
    const std::string size = table_value(result.out, "index size");
    EXPECT_TRUE(size.find(" KiB") != std::string::npos || size.find(" MiB") != std::string::npos)
        << result.out;
}

TEST_F(IndexedTest, ReindexingUnchangedFilesChangesNothing) {
    const RunResult again = papers({"index", "--json", (source_dir() / "corpus").string()});
    ASSERT_EQ(again.exit_code, 0) << describe(again);
    const json report = parse_json(again);
    EXPECT_EQ(report.at("files").at("seen"), 1);
    EXPECT_EQ(report.at("files").at("unchanged"), 1);
    EXPECT_EQ(report.at("files").at("indexed"), 0);
    EXPECT_EQ(report.at("papers").at("indexed"), 0);
    EXPECT_EQ(report.at("papers").at("total"), kSeedPapers);

    const RunResult text = papers({"index", (source_dir() / "corpus").string()});
    EXPECT_NE(text.out.find("1 unchanged"), std::string::npos) << describe(text);

    const json forced =
        parse_json(papers({"index", "--json", "--force", (source_dir() / "corpus").string()}));
    EXPECT_EQ(forced.at("files").at("indexed"), 1);
    EXPECT_EQ(forced.at("papers").at("total"), kSeedPapers);
    EXPECT_EQ(parse_json(papers({"stats", "--json"})).at("papers"), kSeedPapers);
}

TEST_F(PapersTest, IndexSummaryCountsFilesAndPapers) {
    const RunResult result = papers({"index", (source_dir() / "corpus").string()});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_NE(result.out.find("files: 1 indexed, 0 unchanged, 0 failed; papers: 17 indexed, 17 in"),
              std::string::npos)
        << describe(result);
}

TEST_F(PapersTest, BrokenBlockIsReportedAndSkipped) {
    const std::string fixture = (fixtures_dir() / "e2e" / "broken-block").string();
    const RunResult result = papers({"index", fixture});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    // Reported as file:line: message, the line of the bad "### [" heading.
    EXPECT_NE(result.err.find("2024-10-02.md:3: "), std::string::npos) << describe(result);
    const RunResult show = papers({"show", "--json", "2410.00002"});
    ASSERT_EQ(show.exit_code, 0) << describe(show);
    EXPECT_EQ(parse_json(show).at("authors").size(), 2u);
    EXPECT_EQ(parse_json(papers({"stats", "--json"})).at("papers"), 1);
}

// Before a mirror's first copy is complete there is nothing to build: the
// advice names the copy under way instead (serving/mirror.h).
TEST_F(PapersTest, NoIndexWhileAMirrorReceivesItsFirstCopy) {
    std::filesystem::create_directories(db() + ".first-copy");
    const RunResult result = papers({"search", "diffusion"});
    EXPECT_EQ(result.exit_code, 3) << describe(result);
    EXPECT_NE(result.err.find("first copy"), std::string::npos) << describe(result);
    EXPECT_EQ(result.err.find("papers index"), std::string::npos) << describe(result);
    std::filesystem::remove_all(db() + ".first-copy");
}

TEST_F(PapersTest, IndexMissingPathExitsFour) {
    const RunResult result = papers({"index", dir_path("no-such-dir")});
    EXPECT_EQ(result.exit_code, 4) << describe(result);
    EXPECT_NE(result.err.find("no-such-dir"), std::string::npos) << describe(result);
}

TEST_F(PapersTest, NoIndexExitsThreeAndSaysHowToBuildOne) {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"search", "diffusion"}, {"author", "Ge Zhang"}, {"show", kHelloBench}, {"stats"}}) {
        const RunResult result = papers(args);
        EXPECT_EQ(result.exit_code, 3) << args[0] << "\n" << describe(result);
        EXPECT_NE(result.err.find("papers index"), std::string::npos) << describe(result);
        EXPECT_NE(result.err.find(db()), std::string::npos) << describe(result);
        EXPECT_TRUE(result.out.empty()) << describe(result);
    }
}

// The index path: --db, else $PAPERS_DB, else $XDG_DATA_HOME/papers/index,
// else ~/.local/share/papers/index. Seen in the "no index at ..." message.
TEST_F(PapersTest, DatabasePathPrecedence) {
    const auto looked_at = [&](const std::vector<std::string>& args, const Environment& env) {
        const RunResult result = papers(args, env);
        EXPECT_EQ(result.exit_code, 3) << describe(result);
        return result.err;
    };
    const std::string flag = dir_path("flag"), env_db = dir_path("env"), xdg = dir_path("xdg");
    EXPECT_NE(looked_at({"stats", "--db", flag}, {{"PAPERS_DB", env_db}}).find(flag),
              std::string::npos);
    EXPECT_NE(looked_at({"stats"}, {{"PAPERS_DB", env_db}, {"XDG_DATA_HOME", xdg}}).find(env_db),
              std::string::npos);
    EXPECT_NE(looked_at({"stats"}, {{"PAPERS_DB", ""}, {"XDG_DATA_HOME", xdg}})
                  .find(xdg + "/papers/index"),
              std::string::npos);
    EXPECT_NE(looked_at({"stats"}, {{"PAPERS_DB", std::nullopt}})
                  .find(home() + "/.local/share/papers/index"),
              std::string::npos);
}

TEST_F(PapersTest, IndexWritesWhereTheEnvironmentSays) {
    const std::string xdg = dir_path("xdg");
    const RunResult result = papers({"index", (source_dir() / "corpus").string()},
                                    {{"PAPERS_DB", std::nullopt}, {"XDG_DATA_HOME", xdg}});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    const RunResult stats =
        papers({"stats", "--json", "--db", xdg + "/papers/index"}, {{"PAPERS_DB", std::nullopt}});
    ASSERT_EQ(stats.exit_code, 0) << describe(stats);
    EXPECT_EQ(parse_json(stats).at("papers"), kSeedPapers);
}

TEST_F(PapersTest, UsageErrorsExitTwo) {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {},
             {"frobnicate"},
             {"search"},
             {"search", " "},  // validated before the (absent) index is opened
             {"author", " ", ""},
             {"search", "--sort", "bogus", "x"},
             {"search", "--limit", "0", "x"},
             {"search", "--color", "sometimes", "x"},
             {"show"},
             {"index"},
         }) {
        const RunResult result = papers(args);
        EXPECT_EQ(result.exit_code, 2) << describe(result);
        EXPECT_FALSE(result.err.empty()) << describe(result);
    }
}

TEST_F(PapersTest, HelpDocumentsExitCodesAndQuerySyntax) {
    const RunResult help = papers({"--help"});
    EXPECT_EQ(help.exit_code, 0) << describe(help);
    for (const char* expected : {"Exit status", "3  no index yet", "PAPERS_DB", "NO_COLOR"})
        EXPECT_NE(help.out.find(expected), std::string::npos) << expected << "\n" << help.out;
    const RunResult search_help = papers({"search", "--help"});
    EXPECT_EQ(search_help.exit_code, 0);
    for (const char* field : {"title", "author", "date"})
        EXPECT_NE(search_help.out.find("\n    " + std::string(field) + " "), std::string::npos)
            << field << "\n"
            << search_help.out;
}

}  // namespace
}  // namespace papers::test
