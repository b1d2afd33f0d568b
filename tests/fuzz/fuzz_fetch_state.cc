// libFuzzer target: the fetch state file (.papers-fetch.json) a killed run
// or a full disk may leave half written. Loading never fails; what loads
// saves and loads again the same.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "indexer/fetch_state.h"

namespace {

// Never destroyed: the atexit handler that removes it runs after static
// destructors of objects made later.
const std::string& corpus_dir() {
    static const std::string* dir = [] {
        char pattern[] = "/tmp/papers-fuzz-fetch-state-XXXXXX";
        const char* made = ::mkdtemp(pattern);
        if (!made) std::abort();
        const auto* path = new std::string(made);
        std::atexit([] { std::filesystem::remove_all(corpus_dir()); });
        return path;
    }();
    return *dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace papers;
    const std::string path = corpus_dir() + "/" + kFetchStateFile;
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    std::string warning;
    const FetchState state = FetchState::load(corpus_dir(), &warning);
    if (state.save(corpus_dir())) std::abort();
    warning.clear();
    const FetchState again = FetchState::load(corpus_dir(), &warning);
    if (!warning.empty() || again.retry_days() != state.retry_days()) std::abort();
    return 0;
}
