#include "indexer/paper_list.h"

#include "analyzers/arxiv_id.h"

namespace papers {
namespace {

// Splits CSV text into rows of fields, honouring quotes ("" is a quote).
std::vector<std::vector<std::string>> csv_rows(std::string_view csv) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') ++i;
            row.push_back(std::move(field));
            field.clear();
            rows.push_back(std::move(row));
            row.clear();
        } else {
            field += c;
        }
    }
    if (!field.empty() || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

std::vector<ListedPaper> parse_paper_list(std::string_view csv) {
    std::vector<ListedPaper> papers;
    for (auto& row : csv_rows(csv)) {
        if (row.size() < 3 || row[0] == "date") continue;
        papers.push_back({row[0], row[1], is_arxiv_url(row[2]) ? canonical_arxiv_id(row[2]) : ""});
    }
    return papers;
}

}  // namespace papers
