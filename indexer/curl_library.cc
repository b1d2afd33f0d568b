#include "indexer/curl_library.h"

#include <dlfcn.h>

#include <string>

namespace papers {
namespace {

// The soname of libcurl 7.16 and later (Debian: libcurl4, which
// libcurl4-openssl-dev depends on).
constexpr const char* kSoname = "libcurl.so.4";

template <typename Function>
bool bind(void* library, const char* name, Function& function) {
    function = reinterpret_cast<Function>(dlsym(library, name));
    return function != nullptr;
}

Result<const CurlLibrary*> load() {
    const std::string what = std::string("fetching needs libcurl (") + kSoname + ")";
    // Never closed: curl's global state lives as long as the process.
    void* library = dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char* reason = dlerror();
        return Error{ErrorKind::BadInput,
                     what + ", which could not be loaded: " + (reason ? reason : "unknown error") +
                         " (Debian: apt-get install libcurl4)"};
    }
    static CurlLibrary curl;
    const bool complete = bind(library, "curl_global_init", curl.global_init) &&
                          bind(library, "curl_easy_init", curl.easy_init) &&
                          bind(library, "curl_easy_cleanup", curl.easy_cleanup) &&
                          bind(library, "curl_easy_setopt", curl.easy_setopt) &&
                          bind(library, "curl_easy_getinfo", curl.easy_getinfo) &&
                          bind(library, "curl_easy_strerror", curl.easy_strerror) &&
                          bind(library, "curl_slist_append", curl.slist_append) &&
                          bind(library, "curl_slist_free_all", curl.slist_free_all) &&
                          bind(library, "curl_multi_init", curl.multi_init) &&
                          bind(library, "curl_multi_cleanup", curl.multi_cleanup) &&
                          bind(library, "curl_multi_add_handle", curl.multi_add_handle) &&
                          bind(library, "curl_multi_remove_handle", curl.multi_remove_handle) &&
                          bind(library, "curl_multi_perform", curl.multi_perform) &&
                          bind(library, "curl_multi_info_read", curl.multi_info_read) &&
                          // curl_multi_poll is the newest (7.66); CURLOPT_PROTOCOLS_STR needs 7.85.
                          bind(library, "curl_multi_poll", curl.multi_poll);
    if (!complete)
        return Error{ErrorKind::BadInput, what +
                                              ", but the one installed is too old (7.85 or "
                                              "later is needed)"};
    if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return Error{ErrorKind::BadInput, what + ", which could not be initialised"};
    return &curl;
}

}  // namespace

Result<const CurlLibrary*> curl_library() {
    // Before any other curl call; a function-local static runs exactly once.
    static const Result<const CurlLibrary*> loaded = load();
    return loaded;
}

}  // namespace papers
