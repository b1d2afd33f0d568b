// libFuzzer target: query text -> parser -> query builder -> search, on a
// small index of the shipped day built once; and the other lookups that
// take words from a command line (author, show, similar, glossary). The
// first byte picks the options.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "indexer/index_writer.h"
#include "query/searcher.h"

namespace {

std::string index_dir;

papers::Searcher& searcher() {
    static std::unique_ptr<papers::Searcher> opened = [] {
        char pattern[] = "/tmp/papers-fuzz-query-XXXXXX";
        const char* made = ::mkdtemp(pattern);
        if (!made) std::abort();
        index_dir = made;
        std::atexit([] { std::filesystem::remove_all(index_dir); });
        papers::IndexRequest request;
        request.db_path = index_dir + "/index";
        request.inputs = {std::string(PAPERS_SOURCE_DIR) + "/corpus"};
        if (!papers::index_paths(request)) std::abort();
        auto searcher = papers::Searcher::open(request.db_path);
        if (!searcher) std::abort();
        return std::move(*searcher);
    }();
    return *opened;
}

}  // namespace

// The index is built before the first input, so its time is not counted
// against that input's -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    searcher();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace papers;
    if (size == 0) return 0;
    const uint8_t options = data[0];
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    Searcher& index = searcher();
    switch (options & 7) {
        case 0:
            index.author(text, options >> 4);
            return 0;
        case 1:
            index.show(text);
            index.similar(text);
            return 0;
        case 2:
            index.glossary(text, options >> 4);
            return 0;
        default:
            break;
    }
    SearchRequest request;
    request.query = text;
    request.limit = 1 + (options >> 6);
    request.offset = (options >> 3) & 1 ? 2 : 0;
    request.sort = static_cast<SortOrder>((options >> 4) % 3);
    request.explain = (options & 3) == 3;
    request.synonyms = (options & 4) != 0;
    request.fill_with_partial = (options & 8) != 0;
    const auto results = index.search(request);
    if (!results && results.error().kind != ErrorKind::BadQuery) std::abort();
    return 0;
}
