// Tests of the digest parser: one case per shape of the (moving) upstream
// format, the shipped seed day, and the whole real corpus against upstream's
// own papers_list.csv.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "analyzers/arxiv_id.h"
#include "analyzers/utf8.h"
#include "indexer/digest_lines.h"
#include "indexer/digest_parser.h"
#include "indexer/markdown_text.h"
#include "indexer/python_literal.h"
#include "tests/test_paths.h"

namespace papers::test {
namespace {

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

fs::path digest_fixture(const std::string& name) {
    return fixtures_dir() / "digests" / name;
}

DigestParse parse_fixture(const std::string& name) {
    const fs::path path = digest_fixture(name);
    EXPECT_TRUE(fs::exists(path)) << path;
    return parse_digest(read_file(path), path.string());
}

// A one-paper digest around `body` (the lines after the "###" header).
std::string one_paper(const std::string& body,
                      const std::string& link = "https://arxiv.org/abs/2409.00001") {
    return "## Daily Papers (2024-09-25)\n\n### [Title](" + link + ")\n\n" + body;
}

const Paper& only_paper(const DigestParse& r) {
    EXPECT_TRUE(r.issues.empty()) << r.issues.front().line << ": " << r.issues.front().message;
    EXPECT_EQ(r.papers.size(), 1u);
    static const Paper kNone;
    return r.papers.empty() ? kNone : r.papers.front();
}

std::vector<std::pair<std::string, std::string>> sections_of(const Paper& p) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Section& s : p.sections) out.emplace_back(s.name, s.text);
    return out;
}

using NamedTexts = std::vector<std::pair<std::string, std::string>>;

// ---- sections ----------------------------------------------------------------

TEST(DigestParser, SectionNamesInAnyEmphasis) {
    const DigestParse r = parse_digest(one_paper("- **Bold**: b\n"
                                                 "- ***Both***: c\n"
                                                 "- *Italic*: d\n"
                                                 "- __Under__: e\n"
                                                 "- **Colon Inside:** f\n"
                                                 "- _One_ : g\n"
                                                 "- **_Nested_**: h\n"),
                                       "t.md");
    EXPECT_EQ(sections_of(only_paper(r)), (NamedTexts{{"Bold", "b"},
                                                      {"Both", "c"},
                                                      {"Italic", "d"},
                                                      {"Under", "e"},
                                                      {"Colon Inside", "f"},
                                                      {"One", "g"},
                                                      {"Nested", "h"}}));
}

TEST(DigestParser, UnknownSectionNamesAreKeptAsWritten) {
    const DigestParse r = parse_digest(one_paper("- **What's New**: a\n"
                                                 "- **프로젝터 (Projector)**: b\n"
                                                 "- **What’s New - Related Work**: c\n"),
                                       "t.md");
    EXPECT_EQ(sections_of(only_paper(r)), (NamedTexts{{"What's New", "a"},
                                                      {"프로젝터 (Projector)", "b"},
                                                      {"What’s New - Related Work", "c"}}));
}

TEST(DigestParser, PlainBulletsFormOneSummarySection) {
    const Paper p = only_paper(parse_digest(
        one_paper("- 첫째: 콜론은 섹션이 아님.\n- **굵게** 시작.\n- 셋째.\n"), "t.md"));
    EXPECT_EQ(sections_of(p),
              (NamedTexts{{"Summary", "첫째: 콜론은 섹션이 아님.\n굵게 시작.\n셋째."}}));
}

TEST(DigestParser, ContinuationLinesAndSubBulletsExtendTheSection) {
    const Paper p = only_paper(parse_digest(one_paper("- **Technical Details**: 다음과 같습니다:\n"
                                                      "1. **Tokenizer**: BPE.\n"
                                                      "2) 둘째.\n"
                                                      "  - (1) 하위 항목.\n"
                                                      "\t* (2) 탭 하위 항목.\n"
                                                      "이어지는 문장.\n"
                                                      "- **Performance Highlights**: 좋음.\n"),
                                            "t.md"));
    EXPECT_EQ(sections_of(p),
              (NamedTexts{{"Technical Details",
                           "다음과 같습니다:\n1. Tokenizer: BPE.\n2) 둘째.\n(1) 하위 항목.\n"
                           "(2) 탭 하위 항목.\n이어지는 문장."},
                          {"Performance Highlights", "좋음."}}));
}

TEST(DigestParser, SectionWithTextOnFollowingLinesAndEmptySectionsDropped) {
    const Paper p = only_paper(parse_digest(one_paper("- **Empty**:\n"
                                                      "- **Later**:\n"
                                                      "  - 다음 줄의 본문.\n"),
                                            "t.md"));
    EXPECT_EQ(sections_of(p), (NamedTexts{{"Later", "다음 줄의 본문."}}));
}

TEST(DigestParser, SubHeadingsNameSections) {
    const Paper p = only_paper(parse_digest(one_paper("#### What's New\n본문 한 줄.\n"), "t.md"));
    EXPECT_EQ(sections_of(p), (NamedTexts{{"What's New", "본문 한 줄."}}));
}

TEST(DigestParser, ListLiteralValuesBecomeOneItemPerLine) {
    const Paper p = only_paper(parse_digest(
        one_paper("- **Performance Highlights**: [\"'탐색' 워크플로우.\", 'It\\'s fast.', "
                  "'a \"quoted\" word', 'back\\\\slash']\n"),
        "t.md"));
    EXPECT_EQ(sections_of(p),
              (NamedTexts{{"Performance Highlights",
                           "'탐색' 워크플로우.\nIt's fast.\na \"quoted\" word\nback\\slash"}}));
}

TEST(DigestParser, DictLiteralValuesBecomeKeyColonValueLines) {
    const Paper p = only_paper(parse_digest(
        one_paper("- **Technical Details**: {'Dataset': '입력합니다.', 'Model': \"View's 역할\"}\n"
                  "- **Performance Highlights**: [{'code': '90.2%', 'math': '75.7%'}, 'end']\n"),
        "t.md"));
    EXPECT_EQ(sections_of(p),
              (NamedTexts{{"Technical Details", "Dataset: 입력합니다.\nModel: View's 역할"},
                          {"Performance Highlights", "code: 90.2%\nmath: 75.7%\nend"}}));
}

TEST(DigestParser, LiteralWrittenOverSeveralLines) {
    const Paper p = only_paper(parse_digest(one_paper("- **Highlights**: [\n"
                                                      "  'one',\n"
                                                      "  'two'\n"
                                                      "]\n"),
                                            "t.md"));
    EXPECT_EQ(sections_of(p), (NamedTexts{{"Highlights", "one\ntwo"}}));
}

TEST(DigestParser, BracketedProseIsNotALiteral) {
    const Paper p = only_paper(parse_digest(
        one_paper("- **What's New**: [GPT-4] 모델과 {비교}합니다.\n- **More**: ['unclosed', \n"),
        "t.md"));
    EXPECT_EQ(sections_of(p), (NamedTexts{{"What's New", "[GPT-4] 모델과 {비교}합니다."},
                                          {"More", "['unclosed',"}}));
}

// ---- votes and authors -------------------------------------------------------

TEST(DigestParser, VotesAndAuthorsPlain) {
    const Paper p = only_paper(parse_digest(
        one_paper("Vote: 28\n\nAuthors: Songyang Zhang, Liqun He,  Ge Zhang \n\n- **A**: x\n"),
        "t.md"));
    EXPECT_EQ(p.votes, 28);
    EXPECT_EQ(p.authors, (Lines{"Songyang Zhang", "Liqun He", "Ge Zhang"}));
}

TEST(DigestParser, VoteDashMeansNoVotes) {
    const Paper p = only_paper(parse_digest(one_paper("Vote: -\n\nAuthors: A\n"), "t.md"));
    EXPECT_FALSE(p.votes.has_value());
    EXPECT_EQ(p.authors, (Lines{"A"}));
}

TEST(DigestParser, MissingVoteAndAuthors) {
    const Paper p = only_paper(parse_digest(one_paper("- 요약.\n"), "t.md"));
    EXPECT_FALSE(p.votes.has_value());
    EXPECT_TRUE(p.authors.empty());
    EXPECT_EQ(sections_of(p), (NamedTexts{{"Summary", "요약."}}));
}

TEST(DigestParser, EmphasisedFieldLabelsAndThousands) {
    const Paper p =
        only_paper(parse_digest(one_paper("**Votes**: 1,234\n\n**Authors:** A, B\n"), "t.md"));
    EXPECT_EQ(p.votes, 1234);
    EXPECT_EQ(p.authors, (Lines{"A", "B"}));
}

TEST(DigestParser, AuthorsAsListLiterals) {
    EXPECT_EQ(
        only_paper(parse_digest(one_paper("Authors: ['Ann Lee', 'Bo Kim']\n"), "t.md")).authors,
        (Lines{"Ann Lee", "Bo Kim"}));
    EXPECT_EQ(only_paper(
                  parse_digest(one_paper("Authors: [\"Tong O'Brien\", 'D\\'Arcy, Jr.']\n"), "t.md"))
                  .authors,
              (Lines{"Tong O'Brien", "D'Arcy, Jr."}));
    // Not a valid literal (unclosed): still read as a comma list.
    EXPECT_EQ(only_paper(parse_digest(one_paper("Authors: ['Ann', 'Bo'\n"), "t.md")).authors,
              (Lines{"Ann", "Bo"}));
}

TEST(DigestParser, AuthorRepeatsAndPlusPlaceholderDropped) {
    const Paper p = only_paper(
        parse_digest(one_paper("Authors: Julian Parker, Julian Parker, +, Duc Le, \n"), "t.md"));
    EXPECT_EQ(p.authors, (Lines{"Julian Parker", "Duc Le"}));
}

// ---- noise -------------------------------------------------------------------

TEST(DigestParser, StrayHtmlMediaAndThumbnailsAreDropped) {
    const Paper p = only_paper(parse_digest(
        one_paper("![](https://cdn-thumbnails.huggingface.co/x.png)\n"
                  "[Watch Video](https://cdn-uploads.huggingface.co/x.mp4)\n"
                  "<div><video controls src=\"https://x/y.mp4\" muted=\"false\"></video></div>\n"
                  "<video src='https://x/y.mp4'></video>\n\n"
                  "Vote: 5\n\n"
                  "- **What's New**: 첫 줄<br>둘째 <b>굵게</b>, <image> 토큰과 x < y.\n"),
        "t.md"));
    EXPECT_EQ(sections_of(p),
              (NamedTexts{{"What's New", "첫 줄 둘째 굵게, <image> 토큰과 x < y."}}));
    EXPECT_EQ(p.votes, 5);
}

TEST(DigestParser, EmphasisAndEntitiesRemovedElsewhereTextKept) {
    const DigestParse r = parse_digest(
        "## Daily Papers (2024-09-25)\n\n"
        "### [**Bold** Q&amp;A: `code` &lt;tags&gt; "
        "&#39;x&#39;](https://arxiv.org/abs/2409.00001)\n"
        "- **A**: __u__ and *i* and `x*y` and 1120*1120 and 2*3, D_A와 D_B, \\*lit\\*.\n"
        "### [Beyond A*: Better Planning](https://arxiv.org/abs/2402.14083)\n"
        "### [A Simple $L_2$ Norm, AtP*: & This&That](https://arxiv.org/abs/2406.11430)\n",
        "t.md");
    ASSERT_EQ(r.papers.size(), 3u);
    EXPECT_TRUE(r.issues.empty());
    EXPECT_EQ(r.papers[0].title, "Bold Q&A: code <tags> 'x'");
    EXPECT_EQ(sections_of(r.papers[0]),
              (NamedTexts{{"A", "u and i and x*y and 1120*1120 and 2*3, D_A와 D_B, *lit*."}}));
    EXPECT_EQ(r.papers[1].title, "Beyond A*: Better Planning");
    EXPECT_EQ(r.papers[2].title, "A Simple $L_2$ Norm, AtP*: & This&That");
}

TEST(DigestParser, CrlfLineEnds) {
    const DigestParse r = parse_fixture("crlf.md");
    const Paper& p = only_paper(r);
    EXPECT_EQ(r.date, "2024-08-30");
    EXPECT_EQ(p.title, "Law of Vision Representation in MLLMs");
    EXPECT_EQ(p.votes, 55);
    EXPECT_EQ(p.authors, (Lines{"Jianbo Yuan", "Bohan Zhai"}));
    EXPECT_EQ(sections_of(p), (NamedTexts{{"What's New", "새로운 정책을 제안합니다."},
                                          {"Technical Details", "AC 점수.\n하위 항목"}}));
    EXPECT_EQ(p.source_line, 3u);
}

TEST(DigestParser, LoneCarriageReturnsEndLinesToo) {
    const Paper p =
        only_paper(parse_digest(one_paper("Vote: 2\rAuthors: A\r- **X**: y\r"), "t.md"));
    EXPECT_EQ(p.votes, 2);
    EXPECT_EQ(sections_of(p), (NamedTexts{{"X", "y"}}));
}

TEST(DigestParser, ByteOrderMark) {
    const DigestParse r = parse_fixture("bom.md");
    EXPECT_EQ(r.date, "2024-01-02");
    EXPECT_EQ(only_paper(r).title, "A Paper After a BOM");
}

TEST(DigestParser, InvalidUtf8IsReplacedNotFatal) {
    const DigestParse r = parse_fixture("invalid_utf8.md");
    const Paper& p = only_paper(r);
    EXPECT_EQ(p.arxiv_id, "2402.00003");
    EXPECT_EQ(p.title, "Broken \uFFFD Title");
    // However many U+FFFD the sanitizer makes of a bad sequence, they replace it in place.
    EXPECT_EQ(p.authors, (Lines{"Ann " + sanitize_utf8("\xc0\xaf") + " Lee", "Bo"}));
    ASSERT_EQ(p.sections.size(), 1u);
    EXPECT_EQ(p.sections[0].text, sanitize_utf8("\xed\x95") + " text");
    EXPECT_EQ(p.sections[0].text.rfind("\uFFFD", 0), 0u);
}

TEST(DigestParser, EmptyFile) {
    const DigestParse dated = parse_digest("", "daily/2024-05-06.md");
    EXPECT_EQ(dated.date, "2024-05-06");
    EXPECT_TRUE(dated.papers.empty());
    // A file that yields no paper is reported (issue 14), though not skipped.
    ASSERT_EQ(dated.issues.size(), 1u);
    EXPECT_EQ(dated.issues[0].line, 0u);
    EXPECT_NE(dated.issues[0].message.find("no paper"), std::string::npos);
    const DigestParse undated = parse_fixture("empty.md");
    EXPECT_TRUE(undated.papers.empty());
    ASSERT_EQ(undated.issues.size(), 1u);
    EXPECT_EQ(undated.issues[0].line, 0u);
}

// ---- dates -------------------------------------------------------------------

TEST(DigestParser, HeaderDateInOtherFormats) {
    for (const auto& [header, expected] : std::vector<std::pair<std::string, std::string>>{
             {"## Daily Papers (2024-09-25)", "2024-09-25"},
             {"## Daily Papers (2024.9.5)", "2024-09-05"},
             {"## Daily Papers 2024/09/25", "2024-09-25"},
             {"# Daily Papers (20240925)", "2024-09-25"},
             {"## Daily Papers (Sep 25, 2024)", "2024-09-25"},
             {"## Daily Papers (25th September 2024)", "2024-09-25"},
             {"## Daily Papers (2024년 9월 25일)", "2024-09-25"},
         }) {
        const DigestParse r = parse_digest(header + "\n### [T](https://arxiv.org/abs/2409.00001)\n",
                                           "no-date-here.md");
        EXPECT_EQ(r.date, expected) << header;
        ASSERT_EQ(r.papers.size(), 1u) << header;
        EXPECT_EQ(r.papers[0].date, expected) << header;
    }
}

TEST(DigestParser, InvalidHeaderDateFallsBackToPath) {
    const DigestParse r = parse_digest("## Daily Papers (2024-13-45)\n", "x/2024/02/29.md");
    EXPECT_EQ(r.date, "2024-02-29");
}

TEST(DigestParser, DateFromPathWhenHeaderMissing) {
    const DigestParse r = parse_fixture("2023/11/20.md");
    EXPECT_EQ(r.date, "2023-11-20");
    ASSERT_EQ(r.papers.size(), 2u);
    EXPECT_TRUE(r.issues.empty());
    EXPECT_EQ(r.papers[0].date, "2023-11-20");
    EXPECT_EQ(sections_of(r.papers[0]),
              (NamedTexts{{"Summary",
                           "첫 번째 요점입니다.\n두 번째 요점: 콜론이 있어도 섹션이 아닙니다.\n"
                           "(1) 들여쓴 하위 항목.\n(2) 또 하나.\n세 번째 요점."}}));
    EXPECT_EQ(sections_of(r.papers[1]), (NamedTexts{{"Summary", "Emu Video는 두 단계 모델이다."}}));
    EXPECT_EQ(r.papers[1].source_line, 10u);
}

TEST(DigestParser, NoDateAnywhereIsOneFileIssueAndNoPapers) {
    const DigestParse r = parse_digest(
        "## Daily Papers\n### [T](https://arxiv.org/abs/2409.00001)\n", "dir/digest.md");
    EXPECT_EQ(r.date, "");
    EXPECT_TRUE(r.papers.empty());
    ASSERT_EQ(r.issues.size(), 1u);
    EXPECT_EQ(r.issues[0].file, "dir/digest.md");
    EXPECT_EQ(r.issues[0].line, 0u);
    EXPECT_NE(r.issues[0].message.find("date"), std::string::npos);
}

TEST(DigestLines, DateFromPath) {
    EXPECT_EQ(date_from_path("/a/paper_logs/2024/09/25.md"), "2024-09-25");
    EXPECT_EQ(date_from_path("2024/9/5.md"), "2024-09-05");
    EXPECT_EQ(date_from_path("C:\\logs\\2024-09-25.md"), "2024-09-25");
    EXPECT_EQ(date_from_path("a/2023/02/29.md"), "");  // not a leap year
    EXPECT_EQ(date_from_path("a/b/25.md"), "");
    EXPECT_EQ(date_from_path(""), "");
}

// ---- links and headings --------------------------------------------------------

TEST(DigestLines, ArxivUrlForms) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"https://arxiv.org/abs/2409.16191", "2409.16191"},
        {"http://arxiv.org/abs/2409.16191", "2409.16191"},
        {"https://www.arxiv.org/abs/2409.16191", "2409.16191"},
        {"https://export.arxiv.org/abs/2409.16191", "2409.16191"},
        {"arxiv.org/abs/2409.16191", "2409.16191"},
        {"https://arxiv.org/pdf/2409.16191", "2409.16191"},
        {"https://arxiv.org/pdf/2409.16191v2.pdf", "2409.16191"},
        {"https://arxiv.org/abs/2409.16191v12", "2409.16191"},
        {"https://arxiv.org/abs/2409.16191/", "2409.16191"},
        {"https://arxiv.org/abs/2409.16191?context=cs", "2409.16191"},
        {"https://arxiv.org/abs/0704.0001", "0704.0001"},
        {"https://arxiv.org/abs/cs/0101001", "cs/0101001"},
        {"https://arxiv.org/abs/math.GT/0309136v1", "math.GT/0309136"},
        {"https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001"},
    };
    for (const auto& [url, id] : cases) {
        EXPECT_EQ(arxiv_id_from_url(url), id) << url;
        // The parser and the index must key a paper the same way.
        if (url.find('?') == std::string::npos) {
            EXPECT_EQ(canonical_arxiv_id(url), id) << url;
        }
    }
    for (const char* bad : {"https://huggingface.co/papers/2409.16191", "https://arxiv.org/",
                            "https://arxiv.org/list/cs.CL", "https://arxiv.org/abs/24.1",
                            "https://notarxiv.org/abs/2409.16191", "https://arxiv.org/abs/cs/01"})
        EXPECT_EQ(arxiv_id_from_url(bad), std::nullopt) << bad;
}

TEST(DigestParser, LinkFormsGiveNormalisedIds) {
    const DigestParse r = parse_digest(
        "## Daily Papers (2024-09-25)\n"
        "### [A](http://www.arxiv.org/pdf/2409.16191v2)\n"
        "### [B](https://arxiv.org/abs/cs/0101001)\n",
        "t.md");
    ASSERT_EQ(r.papers.size(), 2u);
    EXPECT_EQ(r.papers[0].arxiv_id, "2409.16191");
    EXPECT_EQ(r.papers[1].arxiv_id, "cs/0101001");
}

TEST(DigestParser, TitlesWithBracketsAndParentheses) {
    const DigestParse r = parse_digest(
        "## Daily Papers (2024-09-25)\n"
        "### [Foo [Bar] (Baz): a $\\mathcal{O}(n)$ [x](y) "
        "test](https://arxiv.org/abs/2401.00001)\n",
        "t.md");
    EXPECT_EQ(only_paper(r).title, "Foo [Bar] (Baz): a $\\mathcal{O}(n)$ [x](y) test");
}

TEST(DigestParser, NonArxivLinkIsReportedAndSkipped) {
    const DigestParse r = parse_digest(
        "## Daily Papers (2024-09-25)\n\n"
        "### [Elsewhere](https://huggingface.co/papers/2409.99999)\n"
        "Vote: 3\n- **What's New**: skipped.\n\n"
        "### [Kept](https://arxiv.org/abs/2409.00002)\n- **What's New**: kept.\n",
        "days/x.md");
    ASSERT_EQ(r.papers.size(), 1u);
    EXPECT_EQ(r.papers[0].arxiv_id, "2409.00002");
    EXPECT_EQ(sections_of(r.papers[0]), (NamedTexts{{"What's New", "kept."}}));
    EXPECT_FALSE(r.papers[0].votes.has_value());
    ASSERT_EQ(r.issues.size(), 1u);
    EXPECT_EQ(r.issues[0].file, "days/x.md");
    EXPECT_EQ(r.issues[0].line, 3u);
    EXPECT_NE(r.issues[0].message.find("huggingface.co/papers/2409.99999"), std::string::npos);
}

TEST(DigestParser, HeadingThatIsNotALinkIsReportedAndSkipped) {
    const DigestParse r = parse_digest(
        "## Daily Papers (2024-09-25)\n"
        "### Just a title\n- **A**: lost.\n"
        "### [No url]\n"
        "### [Kept](https://arxiv.org/abs/2409.00002)\n",
        "t.md");
    ASSERT_EQ(r.papers.size(), 1u);
    EXPECT_EQ(r.papers[0].source_line, 5u);
    ASSERT_EQ(r.issues.size(), 2u);
    EXPECT_EQ(r.issues[0].line, 2u);
    EXPECT_NE(r.issues[0].message.find("Just a title"), std::string::npos);
    EXPECT_EQ(r.issues[1].line, 4u);
}

TEST(DigestParser, DuplicateIdKeepsFirstAndReportsLater) {
    const DigestParse r = parse_digest(
        "## Daily Papers (2024-09-25)\n"
        "### [First](https://arxiv.org/abs/2409.00001)\nVote: 1\n"
        "### [Second](https://arxiv.org/abs/2409.00001v2)\nVote: 9\n",
        "t.md");
    ASSERT_EQ(r.papers.size(), 1u);
    EXPECT_EQ(r.papers[0].title, "First");
    EXPECT_EQ(r.papers[0].votes, 1);
    ASSERT_EQ(r.issues.size(), 1u);
    EXPECT_EQ(r.issues[0].line, 4u);
    EXPECT_NE(r.issues[0].message.find("duplicate arXiv id 2409.00001 (first at line 2)"),
              std::string::npos);
}

TEST(DigestParser, SourceFileAndLine) {
    const DigestParse r = parse_fixture("2024-07-02.md");
    ASSERT_EQ(r.papers.size(), 2u);
    EXPECT_EQ(r.papers[0].source_file, digest_fixture("2024-07-02.md").string());
    EXPECT_EQ(r.papers[0].source_line, 3u);
    EXPECT_EQ(r.papers[1].source_line, 19u);
}

TEST(DigestParser, MixedMid2024Fixture) {
    const DigestParse r = parse_fixture("2024-07-02.md");
    ASSERT_EQ(r.papers.size(), 2u);
    EXPECT_TRUE(r.issues.empty());
    const Paper& a = r.papers[0];
    EXPECT_EQ(a.arxiv_id, "2312.08723");
    EXPECT_EQ(a.date, "2024-07-02");
    EXPECT_FALSE(a.votes.has_value());
    EXPECT_EQ(a.authors, (Lines{"Julian D. Parker", "Janne Spijkervet", "Duc Le"}));
    EXPECT_EQ(sections_of(a),
              (NamedTexts{{"What's New", "음악 생성 모델."},
                          {"Technical Details",
                           "기술적 특징은 다음과 같습니다:\n1. Tokenizer: BPE 토크나이저 사용.\n"
                           "2. Group Query Attention(GQA): 효율적인 메커니즘."},
                          {"Performance Highlights",
                           "'탐색-분석-정제' 워크플로우를 제안합니다.\nIt's fast.\nMini-Gemini"},
                          {"Limitations", "한계가 있습니다."}}));
    const Paper& b = r.papers[1];
    EXPECT_EQ(b.votes, 12);
    EXPECT_EQ(b.authors, (Lines{"Yufan Zhou", "Tong O'Brien"}));
    EXPECT_EQ(sections_of(b),
              (NamedTexts{
                  {"Technical Details",
                   "Dataset Construction: 주제 이미지를 입력합니다.\nModel: View Generator's 역할"},
                  {"Performance Highlights", "code: HumanEval 90.2%\nmath: MATH 75.7%"}}));
}

// ---- building blocks -------------------------------------------------------------

TEST(MarkdownText, StripEmphasis) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"**a** b", "a b"},
        {"***a***", "a"},
        {"*a* _b_ __c__", "a b c"},
        {"**HelloBench**는", "HelloBench는"},
        {"A*: x", "A*: x"},
        {"snake_case_name", "snake_case_name"},
        {"2*3 and 4*5", "2*3 and 4*5"},
        {"`a*b*c`", "a*b*c"},
        {"``unclosed", "``unclosed"},
        {"** not **", "** not **"},
        {"\\*a\\*", "*a*"},
        {"**unclosed", "**unclosed"},
        {"*(a)*", "(a)"},
        {"__init__", "init"},
    };
    for (const auto& [in, out] : cases) EXPECT_EQ(strip_emphasis(in), out) << in;
}

TEST(MarkdownText, HtmlTagsAndEntities) {
    EXPECT_EQ(strip_html_tags("<div a='>'>x</div><BR/>y<!-- c -->"), "x y");
    EXPECT_EQ(strip_html_tags("<image> a<b, <3 </unknown>"), "<image> a<b, <3 </unknown>");
    for (const char* tag :
         {"a", "audio", "blockquote", "code", "div", "figcaption", "h6", "iframe", "img", "picture",
          "source", "span", "sub", "summary", "sup", "table", "tr", "u", "video"})
        EXPECT_EQ(strip_html_tags(std::string("<") + tag + ">x</" + tag + ">"), "x") << tag;
    EXPECT_EQ(decode_entities("&amp;&lt;&gt;&quot;&#39;&apos;&#xE9;&#233;&bogus;& x;"),
              "&<>\"''\u00e9\u00e9&bogus;& x;");
}

TEST(PythonLiteral, MalformedIsNotALiteral) {
    for (const char* text : {"", "[", "['a'", "['a' 'b'", "['a'] tail", "{'k'}x", "[bare]",
                             "{'k': }", "['\\x4']", "'just a string'", "(1, 2)"})
        EXPECT_EQ(python_literal_lines(text), std::nullopt) << text;
    EXPECT_EQ(python_literal_lines("['a' 'b', None, 3, u'\\u00e9', r'\\n']"),
              (Lines{"ab", "None", "3", "\u00e9", "\\n"}));
    EXPECT_EQ(python_literal_lines("{'k': ['x', 'y'], 'n': 1}"), (Lines{"k:", "x", "y", "n: 1"}));
    EXPECT_EQ(python_literal_lines("['line\\nbreak']"), (Lines{"line", "break"}));
    std::string deep(100, '[');
    EXPECT_EQ(python_literal_lines(deep + std::string(100, ']')), std::nullopt);
}

TEST(DigestParser, GarbageNeverCrashes) {
    const std::string seed = read_file(source_dir() / "corpus" / "2024-09-25.md");
    ASSERT_FALSE(seed.empty());
    std::mt19937 rng(42);
    const std::string alphabet = "#[]()*_`'\"\\{}:,-\n\r <>&;!\x80\xff\xed";
    for (int round = 0; round < 300; ++round) {
        std::string text = seed.substr(0, rng() % seed.size());
        for (int k = 0; k < 40; ++k) text[rng() % text.size()] = alphabet[rng() % alphabet.size()];
        const DigestParse r = parse_digest(text, "2024/09/25.md");
        for (const Paper& p : r.papers) EXPECT_FALSE(p.arxiv_id.empty());
    }
}

// ---- the shipped seed day ------------------------------------------------------

TEST(DigestParser, SeedDay) {
    const fs::path path = source_dir() / "corpus" / "2024-09-25.md";
    const DigestParse r = parse_digest(read_file(path), path.string());
    EXPECT_EQ(r.date, "2024-09-25");
    EXPECT_TRUE(r.issues.empty());
    ASSERT_EQ(r.papers.size(), 17u);
    const Paper& first = r.papers[0];
    EXPECT_EQ(first.arxiv_id, "2409.16191");
    EXPECT_EQ(first.title,
              "HelloBench: Evaluating Long Text Generation Capabilities of Large Language Models");
    EXPECT_EQ(first.date, "2024-09-25");
    EXPECT_EQ(first.votes, 28);
    ASSERT_EQ(first.authors.size(), 14u);
    EXPECT_EQ(first.authors.front(), "Songyang Zhang");
    EXPECT_EQ(first.authors.back(), "Kai Chen");
    EXPECT_EQ(first.source_line, 3u);
    ASSERT_EQ(first.sections.size(), 3u);
    EXPECT_EQ(first.sections[2].name, "Performance Highlights");
    const std::string& highlights = first.sections[2].text;
    EXPECT_EQ(std::count(highlights.begin(), highlights.end(), '\n'), 3);
    EXPECT_EQ(highlights.rfind("GPT-4o 및 Claude-3.5-Sonnet", 0), 0u);
    for (const Paper& p : r.papers) {
        EXPECT_TRUE(p.votes.has_value()) << p.arxiv_id;
        EXPECT_FALSE(p.authors.empty()) << p.arxiv_id;
        ASSERT_EQ(p.sections.size(), 3u) << p.arxiv_id;
        EXPECT_EQ(p.sections[0].name, "What's New");
        EXPECT_EQ(p.sections[1].name, "Technical Details");
        EXPECT_EQ(p.sections[2].name, "Performance Highlights");
    }
}

// ---- the real corpus -------------------------------------------------------------

struct CsvRow {
    std::string date, title, url;
};

// RFC 4180: fields separated by commas, quoted fields may hold commas and "".
std::vector<std::string> csv_fields(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
            fields.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return fields;
}

std::vector<CsvRow> read_papers_list(const fs::path& path) {
    std::ifstream in(path);
    std::vector<CsvRow> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto f = csv_fields(line);
        EXPECT_EQ(f.size(), 3u) << line;
        if (f.size() == 3) rows.push_back({f[0], f[1], f[2]});
    }
    return rows;
}

TEST(CsvReader, QuotedFields) {
    EXPECT_EQ(csv_fields("2024-03-15,\"MM1: Methods, \"\"Analysis\"\"\",https://x"),
              (Lines{"2024-03-15", "MM1: Methods, \"Analysis\"", "https://x"}));
}

TEST(RealCorpus, EveryListedPaperWithABlockIsFoundExactly) {
    PAPERS_REQUIRE_SHARED();
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(shared_corpus_dir()))
        if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    EXPECT_EQ(files.size(), 180u);

    std::map<std::string, Paper> parsed;
    std::vector<ParseIssue> issues;
    for (const fs::path& f : files) {
        DigestParse r = parse_digest(read_file(f), f.string());
        issues.insert(issues.end(), r.issues.begin(), r.issues.end());
        for (Paper& p : r.papers) parsed.emplace(p.arxiv_id, std::move(p));
    }
    for (const ParseIssue& i : issues)
        ADD_FAILURE() << i.file << ":" << i.line << ": " << i.message;
    EXPECT_EQ(parsed.size(), 2229u);

    const auto rows = read_papers_list(shared_corpus_dir() / "papers_list.csv");
    EXPECT_EQ(rows.size(), 2259u);
    std::map<std::string, CsvRow> listed;
    for (const CsvRow& row : rows) listed[*arxiv_id_from_url(row.url)] = row;

    size_t mismatches = 0;
    for (const auto& [id, p] : parsed) {
        const auto it = listed.find(id);
        if (it == listed.end()) {
            ADD_FAILURE() << id << " (" << p.source_file << ") is not in papers_list.csv";
            continue;
        }
        if (std::string(trim(it->second.title)) != p.title) {
            ++mismatches;
            ADD_FAILURE() << id << " title: csv \"" << it->second.title << "\" parsed \"" << p.title
                          << "\"";
        }
        EXPECT_EQ(p.date, it->second.date) << id;
    }
    EXPECT_EQ(mismatches, 0u);

    std::map<std::string, int> missing_by_day;
    for (const auto& [id, row] : listed)
        if (!parsed.count(id)) ++missing_by_day[row.date];
    EXPECT_EQ(missing_by_day, (std::map<std::string, int>{{"2023-12-11", 2},
                                                          {"2023-12-12", 1},
                                                          {"2024-03-13", 9},
                                                          {"2024-04-19", 9},
                                                          {"2024-06-28", 9}}));
}

TEST(RealCorpus, NoMarkupLeaksIntoFields) {
    PAPERS_REQUIRE_SHARED();
    size_t papers = 0, with_votes = 0, with_three_sections = 0;
    for (const auto& e : fs::recursive_directory_iterator(shared_corpus_dir())) {
        if (e.path().extension() != ".md") continue;
        for (const Paper& p : parse_digest(read_file(e.path()), e.path().string()).papers) {
            ++papers;
            with_votes += p.votes.has_value();
            EXPECT_FALSE(p.sections.empty()) << p.arxiv_id;
            std::set<std::string> names;
            for (const Section& s : p.sections) {
                names.insert(s.name);
                for (const char* markup : {"**", "<div", "<video", "\r"})
                    EXPECT_EQ(s.text.find(markup), std::string::npos)
                        << p.arxiv_id << " " << s.name;
            }
            with_three_sections += names.count("What's New") && names.count("Technical Details") &&
                                   names.count("Performance Highlights");
            for (const std::string& a : p.authors) EXPECT_FALSE(a.empty()) << p.arxiv_id;
        }
    }
    EXPECT_EQ(papers, 2229u);
    EXPECT_GT(with_votes, 2100u);
    EXPECT_GE(with_three_sections, 810u);
}

}  // namespace
}  // namespace papers::test
