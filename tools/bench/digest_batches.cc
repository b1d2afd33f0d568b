#include "tools/bench/digest_batches.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unordered_set>

#include "indexer/digest_parser.h"

namespace fs = std::filesystem;

namespace papers::bench {

std::vector<std::string> digest_files(const std::string& dir) {
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() == ".md")
            files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

void for_each_batch(const std::vector<std::string>& files, size_t days_per_batch,
                    const PaperBatch& batch) {
    std::unordered_set<std::string> seen;
    std::vector<Paper> papers;
    for (size_t i = 0; i < files.size(); ++i) {
        std::ifstream in(files[i], std::ios::binary);
        const std::string content((std::istreambuf_iterator<char>(in)), {});
        for (auto& paper : parse_digest(content, files[i]).papers)
            if (seen.insert(paper.arxiv_id).second) papers.push_back(std::move(paper));
        if ((i + 1) % days_per_batch == 0 || i + 1 == files.size()) {
            batch(papers);
            papers.clear();
        }
    }
}

}  // namespace papers::bench
