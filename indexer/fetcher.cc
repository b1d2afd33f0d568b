// The fetch loop: one job per day, at most `parallel` transfers on a curl
// multi handle at once, each finished attempt classified as done (Fetched,
// Unchanged, Missing, Failed) or worth another try after a backoff.
#include "indexer/fetcher.h"

#include <curl/curl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <system_error>

#include "analyzers/utf8.h"
#include "indexer/atomic_file.h"
#include "indexer/corpus_days.h"
#include "indexer/digest_parser.h"
#include "indexer/fetch_state.h"

namespace papers {
namespace {

using Clock = std::chrono::steady_clock;

constexpr long kMaxRangeDays = 3700;  // about ten years; more is surely a typo
constexpr unsigned kMaxParallel = 64;
constexpr long kMaxBackoffMs = 60'000;

// The day's work and what came of it so far.
struct DayJob {
    Day day;
    std::string relative_path;  // paper_logs/YYYY/MM/DD.md
    std::string url;
    std::string file;  // <corpus>/paper_logs/YYYY/MM/DD.md
    DayResult result;
    Clock::time_point not_before;  // a retry waits for its backoff
    bool active = false;
    bool done = false;
};

// Response headers that matter: validators for next time, and the length the
// body must have.
struct ResponseHeaders {
    std::string etag, last_modified;
    std::optional<uint64_t> content_length;
};

// One attempt at one day: an easy handle and what it received.
struct Transfer {
    size_t job = 0;
    CURL* easy = nullptr;
    curl_slist* request_headers = nullptr;
    std::string body;
    ResponseHeaders headers;
    uint64_t max_bytes = 0;
    bool too_big = false;
    char error[CURL_ERROR_SIZE] = {};

    Transfer() = default;
    Transfer(const Transfer&) = delete;
    Transfer& operator=(const Transfer&) = delete;
    ~Transfer() {
        if (easy) curl_easy_cleanup(easy);
        curl_slist_free_all(request_headers);
    }
};

struct MultiDeleter {
    void operator()(CURLM* multi) const { curl_multi_cleanup(multi); }
};
using MultiHandle = std::unique_ptr<CURLM, MultiDeleter>;

bool curl_ready() {
    // Once per process, before any other curl call (curl_global_init is not
    // thread-safe; a function-local static is initialised exactly once).
    static const CURLcode init = curl_global_init(CURL_GLOBAL_DEFAULT);
    return init == CURLE_OK;
}

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

bool supported_scheme(const std::string& url) {
    const std::string l = lower(url.substr(0, 8));
    return l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0 || l.rfind("file://", 0) == 0;
}

// The fetch of one range, as named steps over this context.
class Fetcher {
  public:
    Fetcher(const FetchRequest& request, const FetchProgress& progress, const FetchLog& log)
        : request_(request), progress_(progress), log_(log), random_(std::random_device{}()) {}

    Result<FetchReport> run(Day from, Day to);

  private:
    void note(LogLevel level, const std::string& message) const {
        if (log_) log_(level, message);
    }
    void plan(Day from, Day to);
    Result<std::unique_ptr<Transfer>> start(CURLM* multi, size_t job);
    void finish(Transfer& transfer, CURLcode code);
    void accept_body(DayJob& job, Transfer& transfer);
    void retry_or_fail(DayJob& job, const std::string& reason);
    void complete(DayJob& job, DayOutcome outcome, std::string message);
    long next_wait_ms(size_t active) const;
    FetchReport report(Clock::time_point started) const;

    const FetchRequest& request_;
    const FetchProgress& progress_;
    const FetchLog& log_;
    std::mt19937 random_;
    FetchState state_;
    std::vector<DayJob> jobs_;
    size_t done_ = 0;
};

void Fetcher::plan(Day from, Day to) {
    std::string base = request_.base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    for (Day day = from; !(to < day); day = next_day(day)) {
        DayJob job;
        job.day = day;
        job.relative_path = digest_relative_path(day);
        job.url = base + "/" + job.relative_path;
        job.file = request_.corpus_dir + "/" + job.relative_path;
        job.result.date = format_day(day);
        jobs_.push_back(std::move(job));
    }
}

Result<std::unique_ptr<Transfer>> Fetcher::start(CURLM* multi, size_t index) {
    DayJob& job = jobs_[index];
    auto transfer = std::make_unique<Transfer>();
    transfer->job = index;
    transfer->max_bytes = request_.max_bytes;
    transfer->easy = curl_easy_init();
    if (!transfer->easy) return Error{ErrorKind::BadInput, "libcurl could not start a transfer"};
    CURL* easy = transfer->easy;
    curl_easy_setopt(easy, CURLOPT_URL, job.url.c_str());
    curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer.get());
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_USERAGENT,
                     "papers-fetch/1 (+https://github.com/l-yohai/daily_papers_ko reader)");
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https,file");
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, request_.max_redirects);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, request_.connect_timeout_ms);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, request_.total_timeout_ms);
    curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request_.max_bytes));
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer.get());

    // Conditional only when the file we have is the one the validators describe.
    if (const auto validators = state_.find(job.relative_path)) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(job.file, ec);
        if (!ec && size == validators->size) {
            if (!validators->etag.empty())
                transfer->request_headers = curl_slist_append(
                    transfer->request_headers, ("If-None-Match: " + validators->etag).c_str());
            if (!validators->last_modified.empty())
                transfer->request_headers =
                    curl_slist_append(transfer->request_headers,
                                      ("If-Modified-Since: " + validators->last_modified).c_str());
            curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->request_headers);
        } else {
            state_.erase(job.relative_path);
        }
    }
    ++job.result.attempts;
    note(LogLevel::Debug,
         "GET " + job.url + " (attempt " + std::to_string(job.result.attempts) + ")");
    if (curl_multi_add_handle(multi, easy) != CURLM_OK)
        return Error{ErrorKind::BadInput, "libcurl could not queue a transfer"};
    job.active = true;
    return transfer;
}

void Fetcher::finish(Transfer& transfer, CURLcode code) {
    DayJob& job = jobs_[transfer.job];
    job.active = false;
    job.result.bytes += transfer.body.size();
    if (transfer.too_big || code == CURLE_FILESIZE_EXCEEDED)
        return complete(job, DayOutcome::Failed,
                        "response larger than " + std::to_string(request_.max_bytes) + " bytes");
    if (code == CURLE_FILE_COULDNT_READ_FILE)
        return complete(job, DayOutcome::Missing, "no such file");
    if (code != CURLE_OK) {
        std::string reason = curl_easy_strerror(code);
        if (transfer.error[0]) reason += ": " + trim(transfer.error);
        if (is_transient(code)) return retry_or_fail(job, reason);
        return complete(job, DayOutcome::Failed, reason);
    }
    long status = 0;
    curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
    if (status == 0) status = 200;  // file:// has no status
    if (status == 304) {
        job.result.path = job.file;
        return complete(job, DayOutcome::Unchanged, "not modified (304)");
    }
    if (status == 404 || status == 410)
        return complete(job, DayOutcome::Missing, "HTTP " + std::to_string(status));
    if (is_transient_status(status)) return retry_or_fail(job, "HTTP " + std::to_string(status));
    if (status != 200)
        return complete(job, DayOutcome::Failed,
                        "unexpected HTTP status " + std::to_string(status));
    accept_body(job, transfer);
}

// A 200: the body replaces the day's file only if it is whole, valid UTF-8
// and a digest with at least one paper.
void Fetcher::accept_body(DayJob& job, Transfer& transfer) {
    const std::string& body = transfer.body;
    const auto& headers = transfer.headers;
    if (headers.content_length && *headers.content_length != body.size())
        return retry_or_fail(job, "truncated: " + std::to_string(body.size()) + " of " +
                                      std::to_string(*headers.content_length) + " bytes");
    if (!is_valid_utf8(body))
        return complete(job, DayOutcome::Failed, "response is not valid UTF-8; kept the old file");
    const DigestParse parse = parse_digest(body, job.relative_path);
    if (parse.papers.empty())
        return complete(job, DayOutcome::Failed,
                        "response is not a digest (no paper in it); kept the old file");
    std::string note_text;
    if (!parse.date.empty() && parse.date != job.result.date)
        note_text = "the digest is dated " + parse.date + "; ";

    const FileValidators validators{headers.etag, headers.last_modified, body.size()};
    job.result.path = job.file;
    if (read_whole_file(job.file) == body) {
        state_.set(job.relative_path, validators);
        return complete(job, DayOutcome::Unchanged, note_text + "same bytes as the file on disk");
    }
    if (auto error = write_file_atomically(job.file, body))
        return complete(job, DayOutcome::Failed, *error);
    state_.set(job.relative_path, validators);
    complete(job, DayOutcome::Fetched, note_text + std::to_string(parse.papers.size()) + " papers");
}

void Fetcher::retry_or_fail(DayJob& job, const std::string& reason) {
    if (job.result.attempts >= request_.max_attempts)
        return complete(
            job, DayOutcome::Failed,
            reason + " (gave up after " + std::to_string(job.result.attempts) + " attempts)");
    // Exponential backoff with "equal jitter": half fixed, half random, so
    // that parallel retries spread out.
    const unsigned shift = std::min(job.result.attempts - 1, 20u);
    const long delay = std::min(kMaxBackoffMs, request_.retry_base_ms * (1L << shift));
    std::uniform_int_distribution<long> jitter(0, std::max(0L, delay / 2));
    const long wait_ms = delay - delay / 2 + jitter(random_);
    job.not_before = Clock::now() + std::chrono::milliseconds(wait_ms);
    note(LogLevel::Warning, job.result.date + ": " + reason + "; retrying in " +
                                std::to_string(wait_ms) + " ms (attempt " +
                                std::to_string(job.result.attempts + 1) + " of " +
                                std::to_string(request_.max_attempts) + ")");
}

void Fetcher::complete(DayJob& job, DayOutcome outcome, std::string message) {
    job.done = true;
    job.result.outcome = outcome;
    job.result.message = std::move(message);
    ++done_;
    const std::string& date = job.result.date;
    switch (outcome) {
        case DayOutcome::Fetched:
            note(LogLevel::Info, "fetched " + date + " (" + std::to_string(job.result.bytes) +
                                     " bytes, " + job.result.message + ")");
            break;
        case DayOutcome::Unchanged:
            note(LogLevel::Debug, "unchanged " + date + ": " + job.result.message);
            break;
        case DayOutcome::Missing:
            note(LogLevel::Debug, "missing " + date + ": " + job.result.message);
            break;
        case DayOutcome::Failed:
            note(LogLevel::Error, "failed " + date + " (" + job.url + "): " + job.result.message);
            break;
    }
    if (progress_) progress_(done_, jobs_.size(), job.result);
}

// How long to wait for network activity: short while transfers run, else
// until the earliest retry is due.
long Fetcher::next_wait_ms(size_t active) const {
    long wait = active > 0 ? 100 : 1000;
    const auto now = Clock::now();
    for (const auto& job : jobs_) {
        if (job.done || job.active) continue;
        const auto due =
            std::chrono::duration_cast<std::chrono::milliseconds>(job.not_before - now).count();
        wait = std::min(wait, std::max(0L, static_cast<long>(due)));
    }
    return wait;
}

FetchReport Fetcher::report(Clock::time_point started) const {
    FetchReport report;
    for (const auto& job : jobs_) {
        report.days.push_back(job.result);
        report.bytes += job.result.bytes;
        switch (job.result.outcome) {
            case DayOutcome::Fetched:
                ++report.fetched;
                report.changed_files.push_back(job.file);
                break;
            case DayOutcome::Unchanged:
                ++report.unchanged;
                break;
            case DayOutcome::Missing:
                ++report.missing;
                break;
            case DayOutcome::Failed:
                ++report.failed;
                break;
        }
    }
    report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return report;
}

Result<FetchReport> Fetcher::run(Day from, Day to) {
    const auto started = Clock::now();
    std::string warning;
    state_ = FetchState::load(request_.corpus_dir, &warning);
    if (!warning.empty()) note(LogLevel::Warning, warning);
    plan(from, to);
    note(LogLevel::Info, "fetching " + std::to_string(jobs_.size()) + " days (" + format_day(from) +
                             " .. " + format_day(to) + ") from " + request_.base_url);

    MultiHandle multi(curl_multi_init());
    if (!multi) return Error{ErrorKind::BadInput, "libcurl could not start"};
    // Easy handles are owned here; the multi handle only drives them.
    // (Declared after `multi`, so they are cleaned up before it.)
    std::map<CURL*, std::unique_ptr<Transfer>> active;
    while (done_ < jobs_.size()) {
        const auto now = Clock::now();
        for (size_t i = 0; i < jobs_.size() && active.size() < request_.parallel; ++i) {
            const DayJob& job = jobs_[i];
            if (job.done || job.active || job.not_before > now) continue;
            auto transfer = start(multi.get(), i);
            if (!transfer) {
                for (auto& [easy, t] : active) curl_multi_remove_handle(multi.get(), easy);
                return transfer.error();
            }
            CURL* easy = (*transfer)->easy;
            active.emplace(easy, std::move(*transfer));
        }
        int running = 0;
        curl_multi_perform(multi.get(), &running);
        int queued = 0;
        while (CURLMsg* message = curl_multi_info_read(multi.get(), &queued)) {
            if (message->msg != CURLMSG_DONE) continue;
            CURL* easy = message->easy_handle;
            const CURLcode code = message->data.result;
            curl_multi_remove_handle(multi.get(), easy);
            const auto it = active.find(easy);
            if (it == active.end()) continue;
            finish(*it->second, code);
            active.erase(it);
        }
        if (done_ < jobs_.size())
            curl_multi_poll(multi.get(), nullptr, 0, static_cast<int>(next_wait_ms(active.size())),
                            nullptr);
    }
    if (auto error = state_.save(request_.corpus_dir))
        note(LogLevel::Warning, "could not save the fetch state: " + *error);
    return report(started);
}

}  // namespace

const char* outcome_name(DayOutcome outcome) {
    switch (outcome) {
        case DayOutcome::Fetched:
            return "fetched";
        case DayOutcome::Unchanged:
            return "unchanged";
        case DayOutcome::Missing:
            return "missing";
        case DayOutcome::Failed:
            return "failed";
    }
    return "failed";
}

bool is_supported_fetch_url(const std::string& url) {
    return supported_scheme(url);
}

Result<FetchReport> fetch_digests(const FetchRequest& request, const FetchProgress& progress,
                                  const FetchLog& log) {
    if (!is_supported_fetch_url(request.base_url))
        return Error{ErrorKind::BadInput, "unsupported URL \"" + request.base_url +
                                              "\": only http://, https:// and file:// are fetched"};
    if (request.parallel < 1 || request.parallel > kMaxParallel)
        return Error{ErrorKind::BadInput,
                     "parallel transfers must be 1.." + std::to_string(kMaxParallel)};
    if (request.max_attempts < 1) return Error{ErrorKind::BadInput, "max_attempts must be >= 1"};
    if (request.corpus_dir.empty()) return Error{ErrorKind::BadInput, "no corpus directory given"};

    const auto parse_bound = [](const std::optional<std::string>& text, const char* name,
                                std::optional<Day>& day) -> std::optional<Error> {
        if (!text) return std::nullopt;
        day = parse_day(*text);
        if (day) return std::nullopt;
        return Error{ErrorKind::BadInput,
                     std::string("bad ") + name + " date \"" + *text + "\": expected YYYY-MM-DD"};
    };
    std::optional<Day> from, to;
    if (auto error = parse_bound(request.from, "--from", from)) return *error;
    if (auto error = parse_bound(request.to, "--to", to)) return *error;
    if (from && to && *to < *from)
        return Error{ErrorKind::BadInput,
                     "--from " + *request.from + " is after --to " + *request.to};
    if (!to) to = today_utc();
    if (!from) {
        const auto newest = newest_day_present(request.corpus_dir);
        from = newest ? next_day(*newest) : *parse_day(kDefaultFirstDay);
    }
    if (to->serial - from->serial >= kMaxRangeDays)
        return Error{ErrorKind::BadInput, "the range " + format_day(*from) + " .. " +
                                              format_day(*to) + " is longer than " +
                                              std::to_string(kMaxRangeDays) + " days"};

    std::error_code ec;
    std::filesystem::create_directories(request.corpus_dir, ec);
    if (ec || !std::filesystem::is_directory(request.corpus_dir) ||
        ::access(request.corpus_dir.c_str(), W_OK) != 0)
        return Error{ErrorKind::BadInput,
                     "cannot use the corpus directory " + request.corpus_dir +
                         (ec ? ": " + ec.message() : ": not a writable directory")};
    if (!curl_ready()) return Error{ErrorKind::BadInput, "libcurl could not be initialised"};

    if (*to < *from) {  // already up to date
        FetchReport empty;
        if (log)
            log(LogLevel::Info,
                "the corpus is up to date (newest day " + format_day(Day{from->serial - 1}) + ")");
        return empty;
    }
    return Fetcher(request, progress, log).run(*from, *to);
}

}  // namespace papers
