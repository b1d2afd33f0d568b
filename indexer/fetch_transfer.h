// One attempt at one URL with libcurl's easy interface, set up the way the
// fetcher needs it: connect and total timeouts, a size limit, TLS
// verification, bounded redirects, http/https/file only, conditional headers.
// Internal to the fetcher (it exposes curl types); fetcher.h is the interface.
#pragma once

#include <curl/curl.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "indexer/curl_library.h"
#include "indexer/fetch_state.h"
#include "indexer/fetcher.h"

namespace papers {

// Response headers that matter: validators for next time, and the length the
// body must have. Only the last response of a redirect chain counts.
struct ResponseHeaders {
    std::string etag, last_modified;
    std::optional<uint64_t> content_length;
};

// An easy handle and what it received. Not copyable: curl keeps pointers to it.
struct Transfer {
    size_t job = 0;  // the caller's tag
    const CurlLibrary* curl = nullptr;
    CURL* easy = nullptr;
    curl_slist* request_headers = nullptr;
    std::string body;
    ResponseHeaders headers;
    uint64_t max_bytes = 0;
    bool too_big = false;  // the body passed max_bytes and the transfer was aborted
    char error[CURL_ERROR_SIZE] = {};

    Transfer() = default;
    Transfer(const Transfer&) = delete;
    Transfer& operator=(const Transfer&) = delete;
    ~Transfer();
};

// A transfer of `url` with the request's limits, conditional on `validators`
// when given; nullptr if libcurl cannot make a handle.
std::unique_ptr<Transfer> make_transfer(const CurlLibrary& curl, const FetchRequest& request,
                                        const std::string& url, const FileValidators* validators);

// The HTTP status of a finished transfer; 200 for a file:// read.
long response_status(const Transfer& transfer);

// "Timeout was reached: Operation timed out after 1500 ms ..."
std::string describe_failure(const Transfer& transfer, CURLcode code);

// Worth another attempt: timeouts, refused or reset connections, a body cut
// short, TLS handshakes that broke off; HTTP 408, 429 and 5xx.
bool is_transient(CURLcode code);
bool is_transient_status(long status);
// The server cannot be reached at all (refused, unknown host).
bool is_unreachable(CURLcode code);

}  // namespace papers
