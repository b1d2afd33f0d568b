// The CLI under misuse and faults: output that cannot be written, queries
// nested thousands deep, a damaged or strange index, a rebuild from the
// wrong place. Each ends in a message and a documented exit status, never a
// crash or a silent success.
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "tests/e2e/papers_test.h"

namespace papers::test {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHelloBench = "2409.16191";

class HostileCliTest : public PapersTest {
  protected:
    void SetUp() override { ASSERT_NO_FATAL_FAILURE(index_seed_corpus()); }

    // `papers ARGS` run by the shell with `redirect` after it ("> /dev/full").
    RunResult shell(const std::string& args, const std::string& redirect) const {
        return run_binary("/bin/sh", {"-c", "\"$0\" " + args + " " + redirect, PAPERS_BINARY},
                          {{"PAPERS_DB", db()}, {"HOME", home()}});
    }

    std::string live_generation() const {
        std::ifstream stub(db() + "/XAPIANDB");
        std::string word, generation;
        stub >> word >> generation;
        return db() + "/" + generation;
    }
};

std::string repeated(const std::string& text, size_t times) {
    std::string out;
    for (size_t i = 0; i < times; ++i) out += text;
    return out;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// `papers search --json x > /dev/full` exited 0.
TEST_F(HostileCliTest, OutputThatCannotBeWrittenFailsWithAMessage) {
    for (const std::string& args :
         {std::string("search --json diffusion"), std::string("search diffusion"),
          std::string("show ") + kHelloBench, std::string("stats --json")}) {
        const RunResult result = shell(args, "> /dev/full");
        EXPECT_EQ(result.exit_code, 4) << args << "\n" << describe(result);
        EXPECT_TRUE(has(result.err, "cannot write the output")) << describe(result);
        EXPECT_TRUE(has(result.err, "No space left on device")) << describe(result);
    }
}

TEST_F(HostileCliTest, AClosedPipeStaysQuiet) {
    const RunResult result = shell("search --limit 100 date:2024", "| head -c 1 >/dev/null");
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_EQ(result.err, "") << describe(result);
}

TEST_F(HostileCliTest, DeepNestingIsAUsageError) {
    for (const std::string open : {"(", "title:(", "-("}) {
        const RunResult result =
            papers({"search", "--", repeated(open, 8000) + "x" + repeated(")", 8000)});
        EXPECT_EQ(result.exit_code, 2) << open << "\n" << result.err.substr(0, 300);
        EXPECT_TRUE(has(result.err, "nest more than 100 deep")) << result.err.substr(0, 300);
    }
}

TEST_F(HostileCliTest, ALongQuerySaysWhatItLeftOut) {
    const RunResult result = papers({"search", "--json", repeated("확산 ", 10000)});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(has(result.err, "only its first 100 words were searched")) << result.err;
    EXPECT_EQ(parse_json(result).at("words_left_out"), 9900);
}

// Document data that failed to decode threw through to std::terminate.
TEST_F(HostileCliTest, DamagedDocumentDataIsAnIndexErrorNotACrash) {
    {
        Xapian::WritableDatabase db(live_generation(), Xapian::DB_OPEN);
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            Xapian::Document doc = db.get_document(*it);
            doc.set_data("{\"not\": \"a paper\"");
            db.replace_document(*it, doc);
        }
        db.commit();
    }
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"search", "diffusion"}, {"show", kHelloBench}, {"author", "Ge Zhang"}}) {
        const RunResult result = papers(args);
        EXPECT_EQ(result.exit_code, 4) << args[0] << "\n" << describe(result);
        EXPECT_TRUE(has(result.err, "damaged")) << describe(result);
    }
}

TEST_F(HostileCliTest, AnEmptyStubIsReportedNotAnXapianInternal) {
    std::ofstream(db() + "/XAPIANDB", std::ios::trunc).close();
    const RunResult result = papers({"search", "diffusion"});
    EXPECT_EQ(result.exit_code, 4) << describe(result);
    EXPECT_TRUE(has(result.err, "XAPIANDB is empty")) << describe(result);
    EXPECT_FALSE(has(result.err, "uninitialised")) << describe(result);
}

// Missing, not a directory, unreadable: three messages, only the first
// advises `papers index`.
TEST_F(HostileCliTest, MissingUnreadableAndNotAnIndexAreToldApart) {
    const std::string file = dir_path("a-file");
    std::ofstream(file) << "hello\n";
    RunResult result = papers({"search", "--db", file, "x"});
    EXPECT_EQ(result.exit_code, 4) << describe(result);
    EXPECT_TRUE(has(result.err, "is not a directory")) << describe(result);
    EXPECT_FALSE(has(result.err, "papers index")) << describe(result);

    const std::string loop = dir_path("loop");
    fs::create_symlink(loop, loop);
    result = papers({"search", "--db", loop, "x"});
    EXPECT_EQ(result.exit_code, 4) << describe(result);
    EXPECT_TRUE(has(result.err, "Too many levels of symbolic links")) << describe(result);

    const std::string junk = dir_path("junk");
    fs::create_directories(junk);
    std::ofstream(junk + "/notes.txt") << "not an index\n";
    result = papers({"search", "--db", junk, "x"});
    EXPECT_EQ(result.exit_code, 4) << describe(result);
    EXPECT_TRUE(has(result.err, "cannot open the index")) << describe(result);

    if (::geteuid() != 0) {  // root reads whatever the mode says
        fs::permissions(db(), fs::perms::none);
        result = papers({"search", "x"});
        fs::permissions(db(), fs::perms::owner_all);
        EXPECT_EQ(result.exit_code, 4) << describe(result);
        EXPECT_TRUE(has(result.err, "Permission denied")) << describe(result);
    }
    result = papers({"search", "--db", dir_path("nothing"), "x"});
    EXPECT_EQ(result.exit_code, 3) << describe(result);
    EXPECT_TRUE(has(result.err, "papers index")) << describe(result);
}

TEST_F(HostileCliTest, ARebuildFromAnEmptyCorpusLeavesTheIndex) {
    const std::string empty = dir_path("empty");
    fs::create_directories(empty);
    RunResult result = papers({"rebuild", "--corpus", empty});
    EXPECT_EQ(result.exit_code, 4) << describe(result);
    EXPECT_TRUE(has(result.err, "no digest files")) << describe(result);
    result = papers({"stats", "--json"});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_EQ(parse_json(result).at("papers"), 17);
}

// CLI11 accepted --sort Votes and --color ALWAYS (case-insensitively) and
// the code then compared exactly, so both were ignored.
TEST_F(HostileCliTest, ChoicesAreReadIgnoringCase) {
    const RunResult upper = papers({"search", "--json", "--sort", "Votes", "date:2024"});
    const RunResult lower = papers({"search", "--json", "--sort", "votes", "date:2024"});
    ASSERT_EQ(upper.exit_code, 0) << describe(upper);
    EXPECT_EQ(upper.out, lower.out);
    const RunResult relevance = papers({"search", "--json", "date:2024"});
    EXPECT_NE(upper.out, relevance.out);
    const RunResult color = papers({"search", "--color", "ALWAYS", "diffusion"});
    EXPECT_TRUE(has(color.out, std::string(1, kEsc))) << describe(color);
}

TEST_F(HostileCliTest, NumbersThatAreNotCountsAreUsageErrors) {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"search", "--votes-weight", "nan", "x"},
             {"search", "--votes-weight", "inf", "x"},
             {"similar", "--votes-weight", "nan", kHelloBench},
             {"search", "--limit", "-1", "x"},
             {"search", "--offset", "-1", "x"},
             {"author", "--limit", "-1", "Ge Zhang"},
             {"glossary", "--limit", "-1"},
         }) {
        const RunResult result = papers(args);
        EXPECT_EQ(result.exit_code, 2) << args[1] << " " << args[2] << "\n" << describe(result);
    }
    EXPECT_EQ(papers({"author", "--limit", "0", "Ge Zhang"}).exit_code, 0) << "0 is all";
}

TEST_F(HostileCliTest, DatesAreCheckedAgainstTheCalendar) {
    for (const char* bad : {"date:2024-02-31", "date:2023-02-29", "date:2024-04-31..2024-05-01"}) {
        const RunResult result = papers({"search", bad});
        EXPECT_EQ(result.exit_code, 2) << bad << "\n" << describe(result);
        EXPECT_TRUE(has(result.err, "bad date")) << describe(result);
    }
    EXPECT_EQ(papers({"search", "date:2024-02-29"}).exit_code, 1) << "a real day, no paper";
    EXPECT_EQ(papers({"search", "date:2024-09-25"}).exit_code, 0);
}

TEST_F(HostileCliTest, FieldValuesGetMessagesOfTheirOwn) {
    RunResult result = papers({"search", "votes:-5.."});
    EXPECT_EQ(result.exit_code, 2) << describe(result);
    EXPECT_TRUE(has(result.err, "not a negative")) << describe(result);
    for (const std::string& id : {std::string("id:arXiv:") + kHelloBench,
                                  std::string("id:https://arxiv.org/abs/") + kHelloBench + "v2",
                                  std::string("id:") + kHelloBench}) {
        result = papers({"search", "--json", id});
        ASSERT_EQ(result.exit_code, 0) << id << "\n" << describe(result);
        EXPECT_EQ(parse_json(result).at("total"), 1) << id;
    }
}

TEST_F(HostileCliTest, AWordStartingWithADashSaysHowToWriteIt) {
    const RunResult result = papers({"search", "diffusion", "-video"});
    EXPECT_EQ(result.exit_code, 2) << describe(result);
    EXPECT_TRUE(has(result.err, "papers search -- diffusion -video")) << describe(result);
    EXPECT_EQ(papers({"search", "--", "diffusion", "-video"}).exit_code, 0);
}

TEST_F(HostileCliTest, HelpAndUnknownCommandsNameTheCommands) {
    RunResult result = papers({"help"});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_TRUE(has(result.out, "search")) << describe(result);
    result = papers({"help", "search"});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_TRUE(has(result.out, "--sort")) << describe(result);
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"bogus"}, {"help", "bogus"}, {}}) {
        result = papers(args);
        EXPECT_EQ(result.exit_code, 2) << describe(result);
        EXPECT_TRUE(has(result.err, "index, search, author")) << describe(result);
    }
    EXPECT_TRUE(has(papers({"bogus"}).err, "unknown command 'bogus'"));
}

TEST_F(HostileCliTest, APagePastTheEndSaysSo) {
    RunResult result = papers({"similar", "--offset", "5000", kHelloBench});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_TRUE(has(result.out, "none on this page")) << describe(result);
    result = papers({"search", "--offset", "5000", "diffusion"});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_TRUE(has(result.out, "none on this page")) << describe(result);
}

TEST_F(HostileCliTest, ShowJsonOfAnUnknownIdIsAnObject) {
    const RunResult result = papers({"show", "--json", "abc"});
    EXPECT_EQ(result.exit_code, 1) << describe(result);
    const auto object = parse_json(result);
    ASSERT_TRUE(object.is_object()) << describe(result);
    EXPECT_TRUE(object.at("paper").is_null());
    EXPECT_EQ(object.at("arxiv_id"), "abc");
}

TEST_F(HostileCliTest, FetchRangesAreUsageErrorsAndAMissingMirrorIsAnError) {
    const std::string corpus = dir_path("corpus");
    RunResult result = papers({"fetch", "--corpus", corpus, "--from", "2024-08-30", "--to",
                               "2024-08-01", "--base-url", "http://127.0.0.1:9"});
    EXPECT_EQ(result.exit_code, 2) << describe(result);
    result = papers({"fetch", "--corpus", corpus, "--from", "2014-01-01", "--to", "2024-08-01",
                     "--base-url", "http://127.0.0.1:9"});
    EXPECT_EQ(result.exit_code, 2) << describe(result);
    result = papers({"fetch", "--corpus", corpus, "--from", "2024-08-01", "--to", "2024-08-01",
                     "--base-url", "file:///nonexistent-papers-mirror"});
    EXPECT_EQ(result.exit_code, 4) << describe(result);
    EXPECT_TRUE(has(result.err, "no such directory")) << describe(result);
}

TEST_F(HostileCliTest, ADigestWithNoPaperIsReportedByName) {
    const std::string corpus = dir_path("junk/paper_logs/2024/09");
    fs::create_directories(corpus);
    std::ofstream(corpus + "/24.md", std::ios::binary) << "\x89PNG\r\n\x1a\n\xff\xfe garbage";
    std::ofstream(corpus + "/23.md") << "## Daily Papers (2024-09-23)\n";
    const RunResult result = papers({"index", dir_path("junk")});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_TRUE(has(result.err, "24.md: no paper")) << describe(result);
    EXPECT_TRUE(has(result.err, "23.md: no paper")) << describe(result);
}

// The nightly job on a corpus that lost its files (an unmounted disk) would
// forget every paper; it must leave the index and exit non-zero.
TEST_F(HostileCliTest, AnUpdateThatWouldLoseMostPapersChangesNothing) {
    const std::string corpus = dir_path("nightly"), day = corpus + "/paper_logs/2024/09";
    const std::string mirror = dir_path("mirror"), db2 = dir_path("db2");
    fs::create_directories(day);
    fs::create_directories(mirror);
    fs::copy_file(source_dir() / "corpus" / "2024-09-25.md", day + "/25.md");
    ASSERT_EQ(papers({"index", "--db", db2, corpus}).exit_code, 0);
    fs::remove(day + "/25.md");
    const std::vector<std::string> update = {
        "update", "--db",       db2,          "--corpus",        corpus, "--from", "2024-09-26",
        "--to",   "2024-09-26", "--base-url", "file://" + mirror};
    RunResult result = papers(update);
    EXPECT_EQ(result.exit_code, 4) << describe(result);
    EXPECT_TRUE(has(result.err, "from 17 papers to 0")) << describe(result);
    result = papers({"stats", "--json", "--db", db2});
    EXPECT_EQ(parse_json(result).at("papers"), 17);

    std::vector<std::string> forced = update;
    forced.push_back("--force");
    EXPECT_EQ(papers(forced).exit_code, 0);
    EXPECT_EQ(parse_json(papers({"stats", "--json", "--db", db2})).at("papers"), 0);
}

// A 12 KB "name" was compared with every author (8 s on the real corpus);
// this one is 90 KB (one argument may hold 128 KB).
TEST_F(HostileCliTest, AHugeAuthorNameAnswersAtOnce) {
    const auto start = std::chrono::steady_clock::now();
    const RunResult result = papers({"author", repeated("Zhang Ge ", 10000)});
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(result.exit_code, 1) << result.err.substr(0, 300);
    EXPECT_LT(took.count(), 3.0);
}

// An author "name" of 360 letters made a term Xapian refuses (over 245
// bytes), which failed the whole run: "Term too long".
TEST_F(HostileCliTest, AVeryLongAuthorNameDoesNotFailTheIndex) {
    const std::string corpus = dir_path("long/paper_logs/2024/09");
    fs::create_directories(corpus);
    std::ofstream(corpus + "/26.md")
        << "## Daily Papers (2024-09-26)\n\n### [A Paper](https://arxiv.org/abs/2409.99999)\n\n"
        << "Authors: " << repeated("Verylongname", 30) << " Smith, Bob Stone\n\n"
        << "- **What's New**: 확산 모델\n";
    const RunResult result = papers({"index", dir_path("long")});
    EXPECT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_EQ(papers({"author", "Bob Stone"}).exit_code, 0);
}

}  // namespace
}  // namespace papers::test
