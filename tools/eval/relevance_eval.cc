// relevance_eval: scores our search against the plain Xapian CJK n-gram
// baseline on the judged query set of tests/relevance/queries.tsv (made by
// tests/relevance/make_queries.py), one markdown table per query family.
// Run from the project root:
//   build/tools/eval/relevance_eval ../shared/corpus/daily_papers_ko/paper_logs
//       tests/relevance/queries.tsv [--json FILE] [--details FILE]
//       [--votes-weight W] [--ko-morph-synonyms]
//
// --details writes one line per query and side (metrics, the relevant papers
// missed and the irrelevant ones returned first) to find what to fix;
// --votes-weight overrides SearchRequest::votes_weight, to tune it.
// ko-morph queries run without glossary synonyms (SearchRequest::synonyms):
// that family judges Korean forms, and a paper writing only the English
// term is not one; --ko-morph-synonyms runs them with synonyms.
//
// Our side runs Searcher::search (default ranking) or, for the author
// family, Searcher::author; the baseline runs its plain query for every
// family. Ranked metrics read the first 100 hits; the set-based families
// (author, ko-morph, cross-lingual) also read the whole result list for precision and
// recall, and there a relaxed search of ours (not every word matched)
// counts as no results, as in korean_eval.
#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/document_data.h"
#include "tools/eval/baseline_index.h"
#include "tools/eval/corpus_papers.h"
#include "tools/eval/our_index.h"

namespace fs = std::filesystem;

namespace {

constexpr size_t kRankedLimit = 100;

// Families in the order they are printed.
const std::vector<std::string> kFamilies = {
    "known-en", "known-ko",      "known-ko-split", "known-ko-join", "author",
    "ko-morph", "cross-lingual", "topic",          "topic-tune",    "topic-test"};

bool is_set_family(const std::string& family) {
    return family == "author" || family == "ko-morph" || family == "cross-lingual";
}

struct Options {
    std::string corpus;
    std::string queries;
    std::string json;
    std::string details;
    std::optional<double> votes_weight;
    bool ko_morph_synonyms = false;
};

struct Judged {
    std::string family;
    std::string query;
    std::set<std::string> relevant;
    std::map<std::string, double> grades;  // empty: binary gains
    std::string as_written;  // the query in the text's own spelling: the bound's query
};

// --- the query file --------------------------------------

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, sep)) parts.push_back(part);
    return parts;
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// The topic queries once more as two halves, alternating in file order:
// "topic-tune" to tune ranking on, "topic-test" to report, so the figures
// reported are not fitted to the queries that set them.
std::vector<Judged> with_topic_halves(std::vector<Judged> judged) {
    std::vector<Judged> halves;
    for (const auto& j : judged)
        if (j.family == "topic") {
            halves.push_back(j);
            halves.back().family = halves.size() % 2 ? "topic-tune" : "topic-test";
        }
    judged.insert(judged.end(), halves.begin(), halves.end());
    return judged;
}

// family \t query \t ids \t grades [\t the query as the text writes it];
// '#' lines and blank lines are skipped.
std::vector<Judged> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<Judged> judged;
    size_t line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (line.empty() || line[0] == '#') continue;
        const auto columns = split(line, '\t');
        if (columns.size() < 3)
            throw std::runtime_error(path + ":" + std::to_string(line_no) +
                                     ": expected family, query and relevant ids");
        Judged j{columns[0], columns[1], {}, {}, {}};
        for (const auto& id : words(columns[2])) j.relevant.insert(id);
        if (columns.size() > 3)
            for (const auto& grade : words(columns[3])) {
                const auto colon = grade.rfind(':');
                if (colon == std::string::npos) continue;
                j.grades[grade.substr(0, colon)] = std::stod(grade.substr(colon + 1));
            }
        if (columns.size() > 4) j.as_written = columns[4];
        judged.push_back(std::move(j));
    }
    return with_topic_halves(std::move(judged));
}

// --- metrics ---------------------------------------------

struct QueryScore {
    double success1 = 0, rr10 = 0, recall10 = 0, recall100 = 0, ndcg10 = 0;
    std::optional<double> precision;  // set families: none when nothing was retrieved
    double recall = 0;                // set families: over the whole list
};

double gain(const Judged& j, const std::string& id) {
    if (!j.relevant.count(id)) return 0;
    if (j.grades.empty()) return 1;
    const auto it = j.grades.find(id);
    return it == j.grades.end() ? 1 : it->second;
}

double ndcg_at(const Judged& j, const std::vector<std::string>& ids, size_t k) {
    double dcg = 0;
    for (size_t i = 0; i < ids.size() && i < k; ++i) dcg += gain(j, ids[i]) / std::log2(i + 2.0);
    std::vector<double> ideal;
    for (const auto& id : j.relevant) ideal.push_back(gain(j, id));
    std::sort(ideal.rbegin(), ideal.rend());
    double idcg = 0;
    for (size_t i = 0; i < ideal.size() && i < k; ++i) idcg += ideal[i] / std::log2(i + 2.0);
    return idcg > 0 ? dcg / idcg : 0;
}

double recall_at(const Judged& j, const std::vector<std::string>& ids, size_t k) {
    if (j.relevant.empty()) return 0;
    size_t found = 0;
    for (size_t i = 0; i < ids.size() && i < k; ++i) found += j.relevant.count(ids[i]);
    return double(found) / j.relevant.size();
}

QueryScore score(const Judged& j, const std::vector<std::string>& ids) {
    QueryScore s;
    s.success1 = !ids.empty() && j.relevant.count(ids[0]) ? 1 : 0;
    for (size_t i = 0; i < ids.size() && i < 10; ++i)
        if (j.relevant.count(ids[i])) {
            s.rr10 = 1.0 / (i + 1);
            break;
        }
    s.recall10 = recall_at(j, ids, 10);
    s.recall100 = recall_at(j, ids, 100);
    s.ndcg10 = ndcg_at(j, ids, 10);
    s.recall = recall_at(j, ids, ids.size());
    if (!ids.empty()) s.precision = (s.recall * j.relevant.size()) / ids.size();
    return s;
}

// Macro averages of one family on one side; precision over the queries
// that retrieved something.
struct FamilyScore {
    size_t queries = 0, with_results = 0;
    double success1 = 0, mrr10 = 0, recall10 = 0, recall100 = 0, ndcg10 = 0, precision = 0,
           recall = 0;
};

FamilyScore average(const std::vector<QueryScore>& scores) {
    FamilyScore f;
    f.queries = scores.size();
    for (const auto& s : scores) {
        f.success1 += s.success1, f.mrr10 += s.rr10, f.recall10 += s.recall10;
        f.recall100 += s.recall100, f.ndcg10 += s.ndcg10, f.recall += s.recall;
        if (s.precision) ++f.with_results, f.precision += *s.precision;
    }
    const double n = f.queries ? double(f.queries) : 1;
    f.success1 /= n, f.mrr10 /= n, f.recall10 /= n, f.recall100 /= n, f.ndcg10 /= n, f.recall /= n;
    f.precision = f.with_results ? f.precision / f.with_results : 0;
    return f;
}

// --- running the queries ---------------------------------

struct Sides {
    papers::Searcher& ours;
    const Xapian::Database& baseline;
    const Xapian::Database& ours_db;  // for the bound
    const papers::Analyzer& analyzer;
    size_t doc_count;
    double votes_weight;
    bool ko_morph_synonyms;
};

std::vector<std::string> run_ours(const Sides& sides, const Judged& j) {
    if (j.family == "author") return papers::eval::author_ours(sides.ours, j.query).ids;
    const bool whole = is_set_family(j.family);
    papers::SearchRequest request;
    request.query = j.query;
    request.limit = whole ? sides.doc_count : kRankedLimit;
    request.votes_weight = sides.votes_weight;
    // Morphology is judged on Korean text alone: a Korean term's English
    // rendering (the glossary) is not a form of it.
    request.synonyms = j.family != "ko-morph" || sides.ko_morph_synonyms;
    const auto ranked = papers::eval::search_ours(sides.ours, request);
    return whole ? papers::eval::matched_ids(ranked) : ranked.ids;
}

// The bound of a query with the text's own spelling: plain BM25 (Xapian's
// defaults, no votes, no glossary) over our index, the words of that
// spelling OR-ed: a ranker with perfect morphology, given A B where the
// text writes A B and AB where it writes AB.
std::vector<std::string> run_bound(const Sides& sides, const Judged& j) {
    std::vector<std::string> terms;
    for (const auto& term : sides.analyzer.analyze(j.as_written))
        if (term.kind != papers::TermKind::Compound) terms.push_back(term.text);
    Xapian::Enquire enquire(sides.ours_db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    std::vector<std::string> ids;
    const Xapian::MSet mset = enquire.get_mset(0, kRankedLimit);
    for (auto it = mset.begin(); it != mset.end(); ++it)
        ids.push_back(papers::paper_from_document_data(it.get_document().get_data()).arxiv_id);
    return ids;
}

std::vector<std::string> run_baseline(const Sides& sides, const Judged& j) {
    return papers::eval::search_baseline(sides.baseline, j.query,
                                         is_set_family(j.family) ? sides.doc_count : kRankedLimit);
}

// One query on one side, for --details: its scores, up to five relevant
// papers it missed and the first five irrelevant ones it returned.
void write_details(std::ostream& out, const char* side, const Judged& j,
                   const std::vector<std::string>& ids, const QueryScore& s) {
    std::vector<std::string> missed, wrong;
    const std::set<std::string> returned(ids.begin(), ids.end());
    for (const auto& id : j.relevant)
        if (!returned.count(id) && missed.size() < 5) missed.push_back(id);
    for (const auto& id : ids)
        if (!j.relevant.count(id) && wrong.size() < 5) wrong.push_back(id);
    const auto joined = [](const std::vector<std::string>& list) {
        std::string text;
        for (const auto& id : list) text += (text.empty() ? "" : " ") + id;
        return text;
    };
    out << j.family << '\t' << side << '\t' << j.query << "\trr10=" << s.rr10
        << " recall100=" << s.recall100 << " ndcg10=" << s.ndcg10
        << " precision=" << (s.precision ? std::to_string(*s.precision) : "-")
        << " recall=" << s.recall << " returned=" << ids.size() << " relevant=" << j.relevant.size()
        << "\tmissed: " << joined(missed) << "\tirrelevant: " << joined(wrong) << '\n';
}

struct FamilyResult {
    std::string family;
    FamilyScore ours, baseline;
    std::optional<FamilyScore> bound;  // where the queries have their text's spelling
};

std::vector<FamilyResult> evaluate(const Sides& sides, const std::vector<Judged>& judged,
                                   std::ostream* details) {
    std::vector<FamilyResult> results;
    for (const auto& family : kFamilies) {
        std::vector<QueryScore> ours, baseline, bound;
        for (const auto& j : judged) {
            if (j.family != family) continue;
            const auto ours_ids = run_ours(sides, j), baseline_ids = run_baseline(sides, j);
            ours.push_back(score(j, ours_ids));
            baseline.push_back(score(j, baseline_ids));
            if (!j.as_written.empty()) bound.push_back(score(j, run_bound(sides, j)));
            if (details) {
                write_details(*details, "ours", j, ours_ids, ours.back());
                write_details(*details, "baseline", j, baseline_ids, baseline.back());
            }
        }
        if (ours.empty()) continue;
        results.push_back({family, average(ours), average(baseline), std::nullopt});
        if (bound.size() == ours.size()) results.back().bound = average(bound);
    }
    return results;
}

// --- printing --------------------------------------------

struct Metric {
    const char* name;
    double FamilyScore::*field;
    bool set_only;
};

const std::vector<Metric> kMetrics = {
    {"success@1", &FamilyScore::success1, false},
    {"MRR@10", &FamilyScore::mrr10, false},
    {"recall@10", &FamilyScore::recall10, false},
    {"recall@100", &FamilyScore::recall100, false},
    {"nDCG@10", &FamilyScore::ndcg10, false},
    {"precision (whole list)", &FamilyScore::precision, true},
    {"recall (whole list)", &FamilyScore::recall, true},
};

void print_table(const FamilyResult& r) {
    std::printf(
        "## %s (%zu queries)\n\n| metric | ours | baseline | Δ |%s\n|---|---:|---:|---:|%s\n",
        r.family.c_str(), r.ours.queries, r.bound ? " bound: BM25, text's spelling |" : "",
        r.bound ? "---:|" : "");
    for (const auto& m : kMetrics) {
        if (m.set_only && !is_set_family(r.family)) continue;
        const double ours = r.ours.*m.field, base = r.baseline.*m.field;
        std::printf("| %s | %.3f | %.3f | %+.3f |", m.name, ours, base, ours - base);
        if (r.bound) std::printf(" %.3f |", (*r.bound).*m.field);
        std::printf("\n");
    }
    if (is_set_family(r.family))
        std::printf("| queries with no results | %zu | %zu | |\n",
                    r.ours.queries - r.ours.with_results,
                    r.baseline.queries - r.baseline.with_results);
    std::printf("\n");
}

nlohmann::json to_json(const FamilyScore& f, const std::string& family) {
    nlohmann::json out = {{"queries", f.queries}};
    for (const auto& m : kMetrics)
        if (!m.set_only || is_set_family(family)) out[m.name] = f.*m.field;
    if (is_set_family(family)) out["queries with no results"] = f.queries - f.with_results;
    return out;
}

void write_json(const std::string& path, const std::vector<FamilyResult>& results,
                size_t papers_count) {
    nlohmann::json out = {{"papers", papers_count}, {"families", nlohmann::json::object()}};
    for (const auto& r : results) {
        out["families"][r.family] = {{"ours", to_json(r.ours, r.family)},
                                     {"baseline", to_json(r.baseline, r.family)}};
        if (r.bound) out["families"][r.family]["bound"] = to_json(*r.bound, r.family);
    }
    std::ofstream file(path);
    file << out.dump(2) << "\n";
    if (!file) throw std::runtime_error("cannot write " + path);
}

// --- the run ---------------------------------------------

int run(const Options& options) {
    const auto judged = read_queries(options.queries);
    const auto papers_list = papers::eval::load_papers(options.corpus);

    papers::eval::TempDir ours_dir("relevance_eval_ours"), baseline_dir("relevance_eval_base");
    papers::eval::build_our_index(ours_dir.path / "db", options.corpus);
    papers::eval::build_baseline_index(baseline_dir.path / "db", papers_list);
    auto searcher = papers::Searcher::open((ours_dir.path / "db").string());
    if (!searcher) throw std::runtime_error("our index: " + searcher.error().message);
    const Xapian::Database baseline((baseline_dir.path / "db").string());
    const Xapian::Database ours_db((ours_dir.path / "db").string());
    const papers::Analyzer analyzer;

    std::ofstream details;
    if (!options.details.empty()) {
        details.open(options.details);
        if (!details) throw std::runtime_error("cannot write " + options.details);
    }
    const double votes_weight = options.votes_weight.value_or(papers::SearchRequest{}.votes_weight);
    const auto results = evaluate({**searcher, baseline, ours_db, analyzer, papers_list.size(),
                                   votes_weight, options.ko_morph_synonyms},
                                  judged, options.details.empty() ? nullptr : &details);
    std::printf("# Relevance: ours vs Xapian CJK n-grams, %zu papers, %zu judged queries\n\n",
                papers_list.size(), judged.size());
    std::printf(
        "Macro averages per query. Ranked metrics over the first %zu hits; author, "
        "ko-morph and cross-lingual also over the whole result list: the papers with every word "
        "(precision over the queries with results; a relaxed search of ours counts as none). "
        "ko-morph without glossary synonyms.\n\n",
        kRankedLimit);
    for (const auto& r : results) print_table(r);
    for (const auto& family : kFamilies)
        if (std::none_of(results.begin(), results.end(),
                         [&](const FamilyResult& r) { return r.family == family; }))
            std::printf("## %s: no judged queries\n\n", family.c_str());
    if (!options.json.empty()) write_json(options.json, results, papers_list.size());
    return 0;
}

std::optional<Options> parse_args(int argc, char** argv) {
    Options options;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--json" && i + 1 < argc)
            options.json = argv[++i];
        else if (arg == "--details" && i + 1 < argc)
            options.details = argv[++i];
        else if (arg == "--ko-morph-synonyms")
            options.ko_morph_synonyms = true;
        else if (arg == "--votes-weight" && i + 1 < argc)
            options.votes_weight = std::stod(argv[++i]);
        else if (!arg.empty() && arg[0] == '-')
            return std::nullopt;
        else
            positional.push_back(arg);
    }
    if (positional.size() != 2) return std::nullopt;
    options.corpus = positional[0];
    options.queries = positional[1];
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    const auto options = parse_args(argc, argv);
    if (!options) {
        std::cerr << "usage: relevance_eval CORPUS_DIR QUERIES_TSV [--json FILE] [--details FILE] "
                     "[--votes-weight W] [--ko-morph-synonyms]\n";
        return 2;
    }
    if (!fs::is_directory(options->corpus)) {
        std::cerr << "relevance_eval: no corpus directory at " << options->corpus << "\n";
        return 2;
    }
    try {
        return run(*options);
    } catch (const Xapian::Error& e) {
        std::cerr << "relevance_eval: " << e.get_description() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "relevance_eval: " << e.what() << "\n";
    }
    return 1;
}
