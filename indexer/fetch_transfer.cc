#include "indexer/fetch_transfer.h"

#include <string_view>

namespace papers {
namespace {

std::string lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return "";
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const size_t bytes = size * count;
    // CURLOPT_MAXFILESIZE_LARGE refuses an announced length; this catches a
    // body without one (or one that lies).
    if (transfer->body.size() + bytes > transfer->max_bytes) {
        transfer->too_big = true;
        return 0;  // aborts the transfer with CURLE_WRITE_ERROR
    }
    transfer->body.append(data, bytes);
    return bytes;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    const std::string_view line(data, size * count);
    // A redirect or a "100 Continue" starts a new header block: keep only the last.
    if (line.rfind("HTTP/", 0) == 0) transfer->headers = {};
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return line.size();
    const std::string name = lower(std::string(line.substr(0, colon)));
    const std::string value = trim(line.substr(colon + 1));
    if (name == "etag") {
        transfer->headers.etag = value;
    } else if (name == "last-modified") {
        transfer->headers.last_modified = value;
    } else if (name == "content-length") {
        try {
            transfer->headers.content_length = std::stoull(value);
        } catch (const std::exception&) {
            // A malformed length is ignored; curl itself rejects a lying one.
        }
    }
    return line.size();
}

void add_header(Transfer& transfer, const std::string& name, const std::string& value) {
    if (value.empty()) return;
    transfer.request_headers =
        transfer.curl->slist_append(transfer.request_headers, (name + ": " + value).c_str());
}

}  // namespace

Transfer::~Transfer() {
    if (!curl) return;
    if (easy) curl->easy_cleanup(easy);
    curl->slist_free_all(request_headers);
}

std::unique_ptr<Transfer> make_transfer(const CurlLibrary& curl, const FetchRequest& request,
                                        const std::string& url, const FileValidators* validators) {
    auto transfer = std::make_unique<Transfer>();
    transfer->curl = &curl;
    transfer->max_bytes = request.max_bytes;
    transfer->easy = curl.easy_init();
    if (!transfer->easy) return nullptr;
    CURL* easy = transfer->easy;
    curl.easy_setopt(easy, CURLOPT_URL, url.c_str());
    curl.easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error);
    curl.easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(easy, CURLOPT_USERAGENT, "papers-fetch/1");
    curl.easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https,file");
    curl.easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl.easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl.easy_setopt(easy, CURLOPT_MAXREDIRS, request.max_redirects);
    curl.easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl.easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    curl.easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, request.connect_timeout_ms);
    curl.easy_setopt(easy, CURLOPT_TIMEOUT_MS, request.total_timeout_ms);
    curl.easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.max_bytes));
    curl.easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
    curl.easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
    curl.easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
    curl.easy_setopt(easy, CURLOPT_HEADERDATA, transfer.get());
    if (validators) {
        add_header(*transfer, "If-None-Match", validators->etag);
        add_header(*transfer, "If-Modified-Since", validators->last_modified);
        curl.easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->request_headers);
    }
    return transfer;
}

long response_status(const Transfer& transfer) {
    long status = 0;
    transfer.curl->easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
    return status == 0 ? 200 : status;  // file:// has no status; a failed read is an error code
}

std::string describe_failure(const Transfer& transfer, CURLcode code) {
    std::string reason = transfer.curl->easy_strerror(code);
    if (transfer.error[0]) reason += ": " + trim(transfer.error);
    return reason;
}

bool is_transient(CURLcode code) {
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT:
        case CURLE_COULDNT_CONNECT:
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:  // the connection closed before Content-Length bytes
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
            return true;
        default:
            return false;
    }
}

bool is_transient_status(long status) {
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

bool is_unreachable(CURLcode code) {
    return code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST ||
           code == CURLE_COULDNT_RESOLVE_PROXY;
}

}  // namespace papers
