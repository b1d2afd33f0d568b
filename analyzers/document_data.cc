#include "analyzers/document_data.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace papers {
namespace {

using nlohmann::json;

// The shape, one object per paper (the stored record adds "occurrences"):
//   {"arxiv_id": "2409.16191", "title": "...", "date": "2024-09-25",
//    "votes": 28 | null, "authors": ["..."],
//    "sections": [["What's New", "..."], ...],   // ordered; names may repeat
//    "source_file": "...", "source_line": 3,
//    "occurrences": [ {same fields}, ... ]}       // omitted when empty
json paper_to_json(const Paper& p) {
    json sections = json::array();
    for (const Section& s : p.sections) sections.push_back(json::array({s.name, s.text}));
    return json{
        {"arxiv_id", p.arxiv_id},
        {"title", p.title},
        {"date", p.date},
        {"votes", p.votes ? json(*p.votes) : json(nullptr)},
        {"authors", p.authors},
        {"sections", std::move(sections)},
        {"source_file", p.source_file},
        {"source_line", p.source_line},
    };
}

const json& member(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end()) throw std::runtime_error(std::string("document data lacks \"") + key + '"');
    return *it;
}

std::string string_member(const json& j, const char* key) {
    const json& v = member(j, key);
    if (!v.is_string()) throw std::runtime_error(std::string("\"") + key + "\" is not a string");
    return v.get<std::string>();
}

Paper paper_from_json(const json& j) {
    if (!j.is_object()) throw std::runtime_error("a paper is not a JSON object");
    Paper p;
    p.arxiv_id = string_member(j, "arxiv_id");
    p.title = string_member(j, "title");
    p.date = string_member(j, "date");
    const json& votes = member(j, "votes");
    if (votes.is_number_integer()) {
        p.votes = votes.get<int>();
    } else if (!votes.is_null()) {
        throw std::runtime_error("\"votes\" is neither an integer nor null");
    }
    const json& authors = member(j, "authors");
    if (!authors.is_array()) throw std::runtime_error("\"authors\" is not an array");
    for (const json& a : authors) {
        if (!a.is_string()) throw std::runtime_error("an author is not a string");
        p.authors.push_back(a.get<std::string>());
    }
    const json& sections = member(j, "sections");
    if (!sections.is_array()) throw std::runtime_error("\"sections\" is not an array");
    for (const json& s : sections) {
        if (!s.is_array() || s.size() != 2 || !s[0].is_string() || !s[1].is_string()) {
            throw std::runtime_error("a section is not a [name, text] pair");
        }
        p.sections.push_back(Section{s[0].get<std::string>(), s[1].get<std::string>()});
    }
    p.source_file = string_member(j, "source_file");
    const json& line = member(j, "source_line");
    if (!line.is_number_unsigned())
        throw std::runtime_error("\"source_line\" is not a line number");
    p.source_line = line.get<size_t>();
    return p;
}

}  // namespace

std::string to_document_data(const StoredPaper& stored) {
    json j = paper_to_json(stored.paper);
    if (!stored.occurrences.empty()) {
        json occurrences = json::array();
        for (const Paper& p : stored.occurrences) occurrences.push_back(paper_to_json(p));
        j["occurrences"] = std::move(occurrences);
    }
    // Input is sanitised upstream; replace rather than throw if it was not.
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

StoredPaper from_document_data(std::string_view data) {
    json j;
    try {
        j = json::parse(data.begin(), data.end());
    } catch (const json::exception& e) {
        throw std::runtime_error(std::string("document data is not JSON: ") + e.what());
    }
    StoredPaper stored;
    try {
        stored.paper = paper_from_json(j);
        if (const auto it = j.find("occurrences"); it != j.end()) {
            if (!it->is_array()) throw std::runtime_error("\"occurrences\" is not an array");
            for (const json& o : *it) stored.occurrences.push_back(paper_from_json(o));
        }
    } catch (const json::exception& e) {  // e.g. a number out of range
        throw std::runtime_error(std::string("document data is malformed: ") + e.what());
    }
    return stored;
}

Paper paper_from_document_data(std::string_view data) {
    // The occurrences are skipped as they are read: the merged record needs
    // none of them, and they are most of the text.
    const json::parser_callback_t skip_occurrences = [](int depth, json::parse_event_t event,
                                                        json& parsed) {
        return !(depth == 1 && event == json::parse_event_t::key && parsed == "occurrences");
    };
    json j;
    try {
        j = json::parse(data.begin(), data.end(), skip_occurrences);
    } catch (const json::exception& e) {
        throw std::runtime_error(std::string("document data is not JSON: ") + e.what());
    }
    try {
        return paper_from_json(j);
    } catch (const json::exception& e) {
        throw std::runtime_error(std::string("document data is malformed: ") + e.what());
    }
}

}  // namespace papers
