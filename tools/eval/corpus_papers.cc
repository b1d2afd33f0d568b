#include "tools/eval/corpus_papers.h"

#include <stdlib.h>

#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>

#include "indexer/digest_parser.h"
#include "indexer/document_builder.h"

namespace fs = std::filesystem;

namespace papers::eval {

std::vector<Paper> load_papers(const std::string& corpus) {
    std::map<std::string, std::vector<Paper>> occurrences;
    for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string content((std::istreambuf_iterator<char>(in)), {});
        for (auto& paper : parse_digest(content, entry.path().string()).papers)
            occurrences[paper.arxiv_id].push_back(std::move(paper));
    }
    std::vector<Paper> merged;
    for (const auto& [id, list] : occurrences) merged.push_back(merge_occurrences(list));
    return merged;
}

TempDir::TempDir(const std::string& name) {
    std::string pattern = (fs::temp_directory_path() / (name + ".XXXXXX")).string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create " + pattern);
    path = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
}

}  // namespace papers::eval
