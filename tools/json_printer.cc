// The JSON backend: one object per command, keys in the documented order
// (printer.h), strings as UTF-8 with invalid sequences replaced and control
// characters escaped by nlohmann-json.
#include <nlohmann/json.hpp>
#include <ostream>

#include "tools/printer.h"

namespace papers::cli {
namespace {

using Json = nlohmann::ordered_json;

// The keys every paper has, written into `object` in order.
void add_paper_keys(Json& object, const Paper& paper) {
    object["arxiv_id"] = paper.arxiv_id;
    object["title"] = paper.title;
    object["date"] = paper.date;
    object["votes"] = paper.votes ? Json(*paper.votes) : Json(nullptr);
    object["authors"] = paper.authors;
}

Json explanation_json(const Explanation& explanation) {
    Json terms = Json::array();
    for (const auto& term : explanation.terms)
        terms.push_back({{"field", term.field},
                         {"term", term.term},
                         {"origin", origin_name(term.origin)},
                         {"weight", term.weight}});
    return {{"text_score", explanation.text_score},
            {"votes_score", explanation.votes_score},
            {"terms", std::move(terms)}};
}

Json hits_json(const std::vector<Hit>& hits) {
    Json results = Json::array();
    for (const auto& hit : hits) {
        Json object;
        object["rank"] = hit.rank;
        add_paper_keys(object, hit.paper);
        object["score"] = hit.score;
        object["snippet"] = hit.snippet;
        object["partial"] = hit.partial;
        if (hit.explanation) object["explain"] = explanation_json(*hit.explanation);
        results.push_back(std::move(object));
    }
    return results;
}

class JsonPrinter : public Printer {
  public:
    explicit JsonPrinter(std::ostream& out) : out_(out) {}

    void search(const SearchResults& results) override {
        Json object;
        object["query"] = results.query;
        object["total"] = results.total;
        object["total_exact"] = results.total_exact;
        object["total_every_word"] = results.total_every_word;
        object["relaxed"] = results.relaxed;
        object["suggestion"] =
            results.suggestion.empty() ? Json(nullptr) : Json(results.suggestion);
        object["corrected"] = results.corrected;
        object["words_left_out"] = results.words_left_out;
        object["results"] = hits_json(results.hits);
        print(object);
    }

    void similar(const SimilarResults& results) override {
        Json object;
        object["arxiv_id"] = results.paper.arxiv_id;
        object["title"] = results.paper.title;
        object["terms"] = results.terms;
        object["total"] = results.total;
        object["results"] = hits_json(results.hits);
        print(object);
    }

    void author(const AuthorResults& results) override {
        Json object;
        object["query"] = results.query;
        object["total"] = results.total;
        object["matched_names"] = results.matched_names;
        object["suggestions"] = results.suggestions;
        object["results"] = hits_json(results.hits);
        print(object);
    }

    void paper(const Paper& paper) override {
        Json object;
        add_paper_keys(object, paper);
        // A section name that repeats gets its texts joined, in order.
        Json sections = Json::object();
        for (const auto& section : paper.sections) {
            auto& text = sections[section.name];
            text = text.is_null() ? section.text : text.get<std::string>() + "\n" + section.text;
        }
        object["sections"] = std::move(sections);
        print(object);
    }

    void stats(const IndexStats& stats, const std::string&) override {
        Json object;
        object["papers"] = stats.papers;
        object["days"] = stats.days;
        object["authors"] = stats.authors;
        object["first_day"] = stats.first_day;
        object["last_day"] = stats.last_day;
        object["index_bytes"] = stats.index_bytes;
        object["updated"] = stats.updated;
        print(object);
    }

    void glossary(const GlossaryResults& results) override {
        Json object;
        object["term"] = results.term;
        object["total"] = results.total;
        Json entries = Json::array();
        for (const auto& entry : results.entries)
            entries.push_back(
                {{"korean", entry.korean}, {"english", entry.english}, {"papers", entry.papers}});
        object["entries"] = std::move(entries);
        print(object);
    }

    void write_report(const WriteReport& report) override {
        const auto path_or_null = [](const std::string& path) {
            return path.empty() ? Json(nullptr) : Json(path);
        };
        const IndexReport& index = report.index;
        const FetchReport& fetch = report.fetch;
        Json object;
        object["command"] = report.command;
        object["db"] = path_or_null(report.db);
        object["corpus"] = path_or_null(report.corpus);
        object["generation"] = path_or_null(report.generation);
        object["files"] = {{"seen", index.files_seen},
                           {"indexed", index.files_indexed},
                           {"unchanged", index.files_unchanged},
                           {"failed", index.files_failed},
                           {"removed", index.files_removed}};
        object["papers"] = {{"indexed", index.papers_indexed}, {"total", index.papers_total}};
        Json skipped = Json::array();
        for (const auto& issue : index.issues)
            skipped.push_back(
                {{"file", issue.file}, {"line", issue.line}, {"message", issue.message}});
        object["skipped"] = std::move(skipped);
        Json absent = Json::array();
        for (const auto& paper : index.listed_absent)
            absent.push_back(
                {{"date", paper.date}, {"arxiv_id", paper.arxiv_id}, {"title", paper.title}});
        object["listed"] = {{"papers", index.listed}, {"absent", std::move(absent)}};
        Json days = Json::array();
        for (const auto& day : fetch.days)
            days.push_back({{"date", day.date},
                            {"outcome", outcome_name(day.outcome)},
                            {"path", day.path},
                            {"bytes", day.bytes},
                            {"attempts", day.attempts},
                            {"message", day.message}});
        object["days"] = {{"fetched", fetch.fetched}, {"unchanged", fetch.unchanged},
                          {"missing", fetch.missing}, {"failed", fetch.failed},
                          {"bytes", fetch.bytes},     {"list", std::move(days)}};
        object["seconds"] = {{"fetch", report.fetch_seconds},
                             {"index", report.index_seconds},
                             {"total", report.total_seconds}};
        print(object);
    }

  private:
    void print(const Json& object) {
        out_ << object.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    }

    std::ostream& out_;
};

}  // namespace

std::unique_ptr<Printer> make_json_printer(std::ostream& out) {
    return std::make_unique<JsonPrinter>(out);
}

}  // namespace papers::cli
