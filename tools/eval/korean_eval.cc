// korean_eval: measures precision and recall of our Korean analysis against
// the baseline it must beat, plain Xapian 1.4 (TermGenerator and QueryParser
// with FLAG_CJK_NGRAM, English stemmer, default op AND). It indexes the corpus
// both ways into temporary directories, queries ~40 common Korean research
// terms written spaced, unspaced and with a particle, and scores the hits
// against a scan of each paper's text (the rule is at `find_term`). Run from the
// project root:
//   build/tools/eval/korean_eval ../shared/corpus/daily_papers_ko/paper_logs
#include <xapian.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "analyzers/utf8.h"
#include "query/searcher.h"
#include "tools/eval/baseline_index.h"
#include "tools/eval/corpus_papers.h"
#include "tools/eval/our_index.h"

namespace fs = std::filesystem;
using papers::Paper;

namespace {

constexpr const char* kDefaultCorpus = "../shared/corpus/daily_papers_ko/paper_logs";

// Common terms of the corpus: compounds (spacing varies) and single nouns.
const std::vector<std::string> kTerms = {
    "보상 모델",   "강화 학습",   "언어 모델",   "대규모 언어 모델",
    "확산 모델",   "미세 조정",   "지식 증류",   "데이터셋",
    "벤치마크",    "추론",        "평가",        "정확도",
    "해상도",      "멀티모달",    "에이전트",    "토큰",
    "인간 피드백", "사전 학습",   "컨텍스트",    "환각",
    "검색 증강",   "생성 모델",   "비디오 생성", "음성 인식",
    "효율성",      "일반화",      "제로샷",      "프롬프트",
    "정렬",        "최적화",      "손실 함수",   "어텐션",
    "트랜스포머",  "인코더",      "디코더",      "이미지 생성",
    "양자화",      "합성 데이터", "전문가 혼합", "계산 비용",
    "오픈 소스",   "텍스트 생성",
};

// What may follow a term inside the same Hangul run for it to still be that
// word (space-separated): particles, the plural 들, the copula and 하다/되다
// endings. The rest of the run must be a concatenation of these ("모델들을" =
// 들+을, "했다" = 했+다). Noun suffixes (-링, -화, -기, -자, -성) are not here
// on purpose.
const char* const kEndings[] = {
    // particles
    "이 가 을 를 은 는 의 에 에서 에게 으로 로 과 와 도 만 들 뿐 "
    "까지 부터 보다 처럼 만큼 마다 조차 이나 나 이든 로부터 으로부터 로서 "
    "으로서 로써 으로써",
    // the copula
    "이다 입니다 이며 이고 이었 였 이지만 인 이라는 라는 이라고 라고 이란 "
    "란 다 며 고 으며 습니다 지만",
    // 하다 / 되다
    "하는 하여 하고 하며 하면 하기 하지 하게 한 할 함 합니다 해 해서 했 "
    "하였 된 될 됨 되는 되어 되고 되며 되면 되기 되지 되게 됩니다 돼 됐 "
    "되었",
};

enum FormIndex { kSpaced, kUnspaced, kParticle, kForms };
const std::array<const char*, kForms> kFormNames = {"spaced", "unspaced", "particle"};

using IdSet = std::set<std::string>;

// --- code points -----------------------------------------

std::u32string decode(const std::string& s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : c & (0x7F >> len);
        for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
        out.push_back(cp);
        i += len;
    }
    return out;
}

std::string encode(const std::u32string& s) {
    std::string out;
    for (char32_t cp : s) papers::append_utf8(out, cp);
    return out;
}

bool is_hangul(char32_t c) {
    return c >= 0xAC00 && c <= 0xD7A3;
}
bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// --- ground truth ----------------------------------------

// Space-separated words as code points; a term's syllable groups
// ("보상 모델" -> 보상, 모델).
std::vector<std::u32string> words_of(const std::string& text) {
    std::vector<std::u32string> words;
    std::istringstream in(text);
    for (std::string word; in >> word;) words.push_back(decode(word));
    return words;
}

// How an occurrence sits in the text.
enum class Fit {
    Word,      // the relevance rule, see `find_term`
    Compound,  // as Word, but the tail of a longer Hangul word (고해상도)
    Loose,     // anywhere, particles allowed between the groups (지식을 증류)
};

// A run of up to four Hangul syllables before whitespace (a particle, an
// ending), or 0.
size_t inflection_at(const std::u32string& text, size_t pos) {
    size_t end = pos;
    while (end < text.size() && end - pos < 4 && is_hangul(text[end])) ++end;
    return end < text.size() && is_space(text[end]) ? end - pos : 0;
}

// The genitive particle 의 at `pos` before whitespace: "전문가의 혼합" is
// 전문가 혼합 (mixture of experts) as much as "전문가 혼합" is.
size_t genitive_at(const std::u32string& text, size_t pos) {
    return pos + 1 < text.size() && text[pos] == U'의' && is_space(text[pos + 1]) ? 1 : 0;
}

// End of the term at `pos`, its groups separated by any whitespace or none,
// or by the genitive 의 and whitespace.
std::optional<size_t> match_at(const std::u32string& text, size_t pos,
                               const std::vector<std::u32string>& groups, Fit fit) {
    for (size_t g = 0; g < groups.size(); ++g) {
        if (g > 0) pos += fit == Fit::Loose ? inflection_at(text, pos) : genitive_at(text, pos);
        if (g > 0)
            while (pos < text.size() && is_space(text[pos])) ++pos;
        if (text.compare(pos, groups[g].size(), groups[g]) != 0) return std::nullopt;
        pos += groups[g].size();
    }
    return pos;
}

// True if `run` is empty or a concatenation of kEndings.
bool only_endings(const std::u32string& run) {
    static const std::vector<std::u32string> endings = [] {
        std::vector<std::u32string> out;
        for (const char* line : kEndings)
            for (auto& ending : words_of(line)) out.push_back(std::move(ending));
        return out;
    }();
    std::vector<bool> reachable(run.size() + 1, false);
    reachable[0] = true;
    for (size_t i = 0; i < run.size(); ++i) {
        if (!reachable[i]) continue;
        for (const auto& e : endings)
            if (run.compare(i, e.size(), e) == 0) reachable[i + e.size()] = true;
    }
    return reachable[run.size()];
}

bool word_ends_at(const std::u32string& text, size_t end) {
    size_t run_end = end;
    while (run_end < text.size() && is_hangul(text[run_end])) ++run_end;
    return only_endings(text.substr(end, run_end - end));
}

bool fits(const std::u32string& text, size_t pos, size_t end, Fit fit) {
    const bool word_starts = pos == 0 || !is_hangul(text[pos - 1]);
    switch (fit) {
        case Fit::Word:
            return word_starts && word_ends_at(text, end);
        case Fit::Compound:
            return !word_starts && word_ends_at(text, end);
        case Fit::Loose:
            return true;
    }
    return false;
}

// Relevance rule (Fit::Word): the term occurs as a word, in any spacing
// and inflection. Its groups may be joined by whitespace or nothing
// (보상모델, 보상 모델), or by the genitive 의 (전문가의 혼합). Before it: the start or a
// non-Hangul character. After it: the end, a non-Hangul character, or only particles and endings up
// to the end of the Hangul run (보상 모델을, 정렬된), not another noun (보상 모델링, 토큰화,
// 추론과정). Returns where the first occurrence starts.
std::optional<size_t> find_term(const std::u32string& text,
                                const std::vector<std::u32string>& groups, Fit fit) {
    for (size_t pos = 0; pos < text.size(); ++pos) {
        if (text[pos] != groups.front().front()) continue;
        const auto end = match_at(text, pos, groups, fit);
        if (end && fits(text, pos, *end, fit)) return pos;
    }
    return std::nullopt;
}

// The texts the ground truth reads: the title and each section, apart, so
// that no match spans two of them.
std::vector<std::u32string> texts_of(const Paper& paper) {
    std::vector<std::u32string> texts{decode(paper.title)};
    for (const auto& section : paper.sections) texts.push_back(decode(section.text));
    return texts;
}

using PaperTexts = std::map<std::string, std::vector<std::u32string>>;

bool occurs(const std::vector<std::u32string>& fields, const std::vector<std::u32string>& groups,
            Fit fit) {
    for (const auto& field : fields)
        if (find_term(field, groups, fit)) return true;
    return false;
}

// The relevant papers, and those with the term only inside compounds.
std::pair<IdSet, IdSet> ground_truth(const PaperTexts& texts, const std::string& term) {
    const auto groups = words_of(term);
    IdSet relevant, in_compounds;
    for (const auto& [id, fields] : texts) {
        if (occurs(fields, groups, Fit::Word))
            relevant.insert(id);
        else if (occurs(fields, groups, Fit::Compound))
            in_compounds.insert(id);
    }
    return {relevant, in_compounds};
}

// --- corpus and indexes ----------------------------------

struct BuildStats {
    double seconds = 0;
    uintmax_t bytes = 0;
};

uintmax_t directory_bytes(const fs::path& dir) {
    uintmax_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) total += entry.file_size();
    return total;
}

template <typename Build>
BuildStats timed_build(const fs::path& dir, Build build) {
    const auto start = std::chrono::steady_clock::now();
    build();
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    return {elapsed.count(), directory_bytes(dir)};
}

// --- queries ---------------------------------------------

// "보상 모델" -> 보상 모델, 보상모델, 보상 모델을 (을 after a final consonant, else 를).
std::array<std::string, kForms> query_forms(const std::string& term) {
    std::string unspaced;
    for (char c : term)
        if (c != ' ') unspaced += c;
    const char32_t last = decode(term).back();
    const bool final_consonant = is_hangul(last) && (last - 0xAC00) % 28 != 0;
    return {term, unspaced, term + (final_consonant ? "을" : "를")};
}

// Our hits with every word, Korean text only (no glossary synonyms); a
// relaxed search (not every word matched) counts as no hits.
IdSet search_ours(papers::Searcher& searcher, const std::string& query, size_t limit) {
    papers::SearchRequest request;
    request.query = query;
    request.limit = limit;
    request.synonyms = false;
    const auto ids = papers::eval::matched_ids(papers::eval::search_ours(searcher, request));
    return IdSet(ids.begin(), ids.end());
}

IdSet search_baseline(const Xapian::Database& db, const std::string& query) {
    const auto ids = papers::eval::search_baseline(db, query, db.get_doccount());
    return IdSet(ids.begin(), ids.end());
}

// --- scoring and printing --------------------------------

struct TermResult {
    std::string term;
    IdSet relevant;
    IdSet in_compounds;  // not relevant: the term only inside longer words
    std::array<IdSet, kForms> ours, baseline;
};

struct Score {
    std::optional<double> precision;  // none when nothing was retrieved
    double recall = 0;
};

Score score(const IdSet& retrieved, const IdSet& relevant) {
    size_t correct = 0;
    for (const auto& id : retrieved) correct += relevant.count(id);
    Score s;
    if (!retrieved.empty()) s.precision = double(correct) / retrieved.size();
    if (!relevant.empty()) s.recall = double(correct) / relevant.size();
    return s;
}

double f1(const Score& s) {
    const double p = s.precision.value_or(0);
    return p + s.recall > 0 ? 2 * p * s.recall / (p + s.recall) : 0;
}

std::string format_score(const Score& s) {
    char buffer[32];
    if (s.precision)
        std::snprintf(buffer, sizeof buffer, "%.2f/%.2f", *s.precision, s.recall);
    else
        std::snprintf(buffer, sizeof buffer, "–/%.2f", s.recall);
    return buffer;
}

// Macro averages of one form's column; precision over the terms with hits.
std::string average_cell(const std::vector<TermResult>& results,
                         std::array<IdSet, kForms> TermResult::*side, int form) {
    double precision = 0, recall = 0;
    size_t with_hits = 0;
    for (const auto& r : results) {
        const Score s = score((r.*side)[form], r.relevant);
        if (s.precision) ++with_hits, precision += *s.precision;
        recall += s.recall;
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "**%.2f/%.2f**", with_hits ? precision / with_hits : 0.0,
                  recall / results.size());
    return buffer + (with_hits < results.size()
                         ? " (" + std::to_string(results.size() - with_hits) + " none)"
                         : std::string());
}

// "papers with the term only inside longer words: found by ours, by the
// baseline" (spaced form).
std::string compounds_cell(const TermResult& r) {
    const auto found = [&](const IdSet& hits) {
        size_t n = 0;
        for (const auto& id : r.in_compounds) n += hits.count(id);
        return std::to_string(n);
    };
    return std::to_string(r.in_compounds.size()) + ": " + found(r.ours[kSpaced]) + ", " +
           found(r.baseline[kSpaced]);
}

void print_table(const std::vector<TermResult>& results) {
    std::cout << "| term | relevant | ours spaced | ours unspaced | ours particle "
                 "| base spaced | base unspaced | base particle | in compounds only |\n"
              << "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& r : results) {
        std::cout << "| " << r.term << " | " << r.relevant.size();
        for (const auto* side : {&r.ours, &r.baseline})
            for (int form = 0; form < kForms; ++form)
                std::cout << " | " << format_score(score((*side)[form], r.relevant));
        std::cout << " | " << compounds_cell(r) << " |\n";
    }
    std::cout << "| **macro average** (P/R) | ";
    for (auto side : {&TermResult::ours, &TermResult::baseline})
        for (int form = 0; form < kForms; ++form)
            std::cout << " | " << average_cell(results, side, form);
    std::cout << " | |\n\n";
}

// --- explaining the worst terms --------------------------

// A few characters around `pos`, on one line.
std::string context(const std::u32string& text, size_t pos) {
    const size_t from = pos > 20 ? pos - 20 : 0;
    std::u32string part = text.substr(from, 50);
    for (auto& c : part)
        if (is_space(c)) c = ' ';
    return encode(part);
}

// Where the term occurs in a paper: as a word, in a compound, loosely, else
// where its last group does ("…").
std::string where_term_occurs(const std::vector<std::u32string>& fields, const std::string& term) {
    const auto groups = words_of(term);
    for (Fit fit : {Fit::Word, Fit::Compound, Fit::Loose})
        for (const auto& field : fields)
            if (auto pos = find_term(field, groups, fit)) return context(field, *pos);
    for (const auto& field : fields)
        if (auto pos = find_term(field, {groups.back()}, Fit::Loose))
            return "…" + context(field, *pos);
    return "(term absent)";
}

void print_examples(const char* label, const IdSet& ids, const IdSet& exclude,
                    const PaperTexts& texts, const std::string& term) {
    size_t shown = 0;
    for (const auto& id : ids) {
        if (exclude.count(id)) continue;
        if (shown++ == 2) break;
        std::cout << "  - " << label << " " << id << ": " << where_term_occurs(texts.at(id), term)
                  << "\n";
    }
}

int worst_form(const TermResult& r) {
    int worst = 0;
    for (int form = 1; form < kForms; ++form)
        if (f1(score(r.ours[form], r.relevant)) < f1(score(r.ours[worst], r.relevant)))
            worst = form;
    return worst;
}

double mean_f1(const TermResult& r) {
    double sum = 0;
    for (const auto& hits : r.ours) sum += f1(score(hits, r.relevant));
    return sum / kForms;
}

void print_worst(std::vector<TermResult> results, const PaperTexts& texts, size_t count) {
    std::sort(results.begin(), results.end(),
              [](const auto& a, const auto& b) { return mean_f1(a) < mean_f1(b); });
    std::cout << "Worst " << count << " terms for ours (mean F1 over the three forms), with up "
              << "to two false positives (FP) and negatives (FN) of the worst form:\n\n";
    for (size_t i = 0; i < count && i < results.size(); ++i) {
        const TermResult& r = results[i];
        const int form = worst_form(r);
        std::printf("%zu. %s: mean F1 %.2f; worst form %s (%s)\n", i + 1, r.term.c_str(),
                    mean_f1(r), kFormNames[form], query_forms(r.term)[form].c_str());
        print_examples("FP", r.ours[form], r.relevant, texts, r.term);
        print_examples("FN", r.relevant, r.ours[form], texts, r.term);
    }
}

// --- the run ---------------------------------------------

std::vector<TermResult> evaluate(const PaperTexts& texts, papers::Searcher& ours,
                                 const Xapian::Database& baseline) {
    std::vector<TermResult> results;
    for (const auto& term : kTerms) {
        auto [relevant, in_compounds] = ground_truth(texts, term);
        TermResult r{term, std::move(relevant), std::move(in_compounds), {}, {}};
        const auto forms = query_forms(term);
        for (int form = 0; form < kForms; ++form) {
            r.ours[form] = search_ours(ours, forms[form], texts.size());
            r.baseline[form] = search_baseline(baseline, forms[form]);
        }
        results.push_back(std::move(r));
    }
    return results;
}

void print_build(const char* name, const BuildStats& stats) {
    std::printf("- %s: %.1f s to build, %.1f MB on disk\n", name, stats.seconds, stats.bytes / 1e6);
}

int run(const std::string& corpus) {
    const std::vector<Paper> papers_list = papers::eval::load_papers(corpus);
    PaperTexts texts;
    for (const auto& paper : papers_list) texts[paper.arxiv_id] = texts_of(paper);

    papers::eval::TempDir ours_dir("korean_eval_ours"), baseline_dir("korean_eval_baseline");
    const BuildStats ours_build = timed_build(
        ours_dir.path, [&] { papers::eval::build_our_index(ours_dir.path / "db", corpus); });
    const BuildStats baseline_build = timed_build(baseline_dir.path, [&] {
        papers::eval::build_baseline_index(baseline_dir.path / "db", papers_list);
    });

    auto searcher = papers::Searcher::open((ours_dir.path / "db").string());
    if (!searcher) throw std::runtime_error("our index: " + searcher.error().message);
    const Xapian::Database baseline((baseline_dir.path / "db").string());
    const auto results = evaluate(texts, **searcher, baseline);

    std::cout
        << "# Korean analysis vs Xapian CJK n-grams: " << papers_list.size() << " papers, "
        << results.size() << " terms\n\nP/R per query form; P is – when "
        << "nothing matched (our relaxed results count as nothing). \"In compounds only\": papers "
        << "with the term only as the tail of a longer word (고해상도 for 해상도), not "
        << "counted relevant: how many, found by ours, by the baseline.\n\n";
    print_table(results);
    print_build("ours", ours_build);
    print_build("baseline", baseline_build);
    std::cout << "\n";
    print_worst(results, texts, 10);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string corpus = argc > 1 ? argv[1] : kDefaultCorpus;
    if (!fs::is_directory(corpus)) {
        std::cerr << "korean_eval: no corpus directory at " << corpus << "\n";
        return 2;
    }
    try {
        return run(corpus);
    } catch (const Xapian::Error& e) {
        std::cerr << "korean_eval: " << e.get_description() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "korean_eval: " << e.what() << "\n";
    }
    return 1;
}
