// libFuzzer target: the stored document data decoder, which reads what an
// index on a damaged disk holds. Anything it does not throw on must survive
// a round trip.
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

#include "analyzers/document_data.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace papers;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    try {
        paper_from_document_data(input);
    } catch (const std::runtime_error&) {
    }
    try {
        const StoredPaper stored = from_document_data(input);
        const StoredPaper again = from_document_data(to_document_data(stored));
        if (again.paper.arxiv_id != stored.paper.arxiv_id ||
            again.paper.title != stored.paper.title ||
            again.occurrences.size() != stored.occurrences.size())
            std::abort();
    } catch (const std::runtime_error&) {
    }
    return 0;
}
