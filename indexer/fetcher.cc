// The fetch loop: one job per day, at most `parallel` transfers on a curl
// multi handle at once, each finished attempt classified as done (Fetched,
// Unchanged, Missing, Failed) or worth another try after a backoff.
#include "indexer/fetcher.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <system_error>

#include "analyzers/utf8.h"
#include "indexer/atomic_file.h"
#include "indexer/corpus_days.h"
#include "indexer/curl_library.h"
#include "indexer/digest_parser.h"
#include "indexer/fetch_request.h"
#include "indexer/fetch_state.h"
#include "indexer/fetch_transfer.h"

namespace papers {
namespace {

using Clock = std::chrono::steady_clock;

constexpr long kMaxBackoffMs = 60'000;
// After this many attempts in a row could not reach the server at all, the
// days not yet done are failed without trying (again): a dead network should
// cost seconds and a few log lines, not every day's retries.
constexpr size_t kUnreachableLimit = 8;
// A temporary file this old in the corpus is a leftover of a killed run.
constexpr std::chrono::minutes kStaleTemporary{10};

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

struct MultiDeleter {
    const CurlLibrary* curl;
    void operator()(CURLM* multi) const { curl->multi_cleanup(multi); }
};
using MultiHandle = std::unique_ptr<CURLM, MultiDeleter>;

// The fetch of one range, as named steps over this context.
class Fetcher {
  public:
    Fetcher(const CurlLibrary& curl, const FetchRequest& request, const FetchProgress& progress,
            const FetchLog& log, FetchState state)
        : curl_(curl),
          request_(request),
          progress_(progress),
          log_(log),
          random_(std::random_device{}()),
          state_(std::move(state)) {}

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
    void skip_remaining();
    long next_wait_ms(size_t active) const;
    FetchReport report(Clock::time_point started) const;

    const CurlLibrary& curl_;
    const FetchRequest& request_;
    const FetchProgress& progress_;
    const FetchLog& log_;
    std::mt19937 random_;
    FetchState state_;
    std::vector<DayJob> jobs_;
    size_t done_ = 0;
    size_t unreachable_streak_ = 0;
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
    std::string last_dir;
    for (const auto& job : jobs_) {
        const std::string dir = std::filesystem::path(job.file).parent_path().string();
        if (dir != last_dir) remove_stale_temporaries(dir, kStaleTemporary);
        last_dir = dir;
    }
}

Result<std::unique_ptr<Transfer>> Fetcher::start(CURLM* multi, size_t index) {
    DayJob& job = jobs_[index];
    // Conditional only when the file we have is the one the validators describe.
    auto validators = state_.find(job.relative_path);
    if (validators) {
        std::error_code ec;
        if (std::filesystem::file_size(job.file, ec) != validators->size || ec) {
            state_.erase(job.relative_path);
            validators.reset();
        }
    }
    auto transfer = make_transfer(curl_, request_, job.url, validators ? &*validators : nullptr);
    if (!transfer) return Error{ErrorKind::BadInput, "libcurl could not start a transfer"};
    transfer->job = index;
    ++job.result.attempts;
    note(LogLevel::Debug, "GET " + job.url + " (attempt " + std::to_string(job.result.attempts) +
                              (validators ? ", conditional)" : ")"));
    if (curl_.multi_add_handle(multi, transfer->easy) != CURLM_OK)
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
        const std::string reason = describe_failure(transfer, code);
        unreachable_streak_ = is_unreachable(code) ? unreachable_streak_ + 1 : 0;
        if (is_transient(code)) return retry_or_fail(job, reason);
        return complete(job, DayOutcome::Failed, reason);
    }
    unreachable_streak_ = 0;
    const long status = response_status(transfer);
    if (status == 304) {
        // Only ever asked for with validators of a file we have; a server that
        // answers 304 anyway has not given us the day.
        if (!std::filesystem::exists(job.file))
            return complete(job, DayOutcome::Failed, "304 Not Modified for a day we do not have");
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

void Fetcher::skip_remaining() {
    size_t skipped = 0;
    for (auto& job : jobs_) {
        if (job.done || job.active) continue;
        job.done = true;
        job.result.outcome = DayOutcome::Failed;
        job.result.message = job.result.attempts == 0
                                 ? "not tried: the server could not be reached"
                                 : "not tried again: the server could not be reached";
        ++done_;
        ++skipped;
        if (progress_) progress_(done_, jobs_.size(), job.result);
    }
    if (skipped > 0)
        note(LogLevel::Error, std::to_string(unreachable_streak_) +
                                  " attempts in a row could not reach the server; " +
                                  std::to_string(skipped) + " days not tried (again)");
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
    plan(from, to);
    // Until this run ends, every day of it counts as to be retried: a run
    // killed after writing a later day must not make the next run skip an
    // earlier one that was still in flight.
    for (const auto& job : jobs_) state_.set_retry(job.result.date, true);
    if (auto error = state_.save(request_.corpus_dir))
        note(LogLevel::Warning, "could not save the fetch state: " + *error);
    const std::string days = std::to_string(jobs_.size()) + (jobs_.size() == 1 ? " day" : " days");
    note(LogLevel::Info, "fetching " + days + " (" + format_day(from) + " .. " + format_day(to) +
                             ") from " + request_.base_url);

    MultiHandle multi(curl_.multi_init(), MultiDeleter{&curl_});
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
                for (auto& [easy, t] : active) curl_.multi_remove_handle(multi.get(), easy);
                return transfer.error();
            }
            CURL* easy = (*transfer)->easy;
            active.emplace(easy, std::move(*transfer));
        }
        int running = 0;
        curl_.multi_perform(multi.get(), &running);
        int queued = 0;
        while (CURLMsg* message = curl_.multi_info_read(multi.get(), &queued)) {
            if (message->msg != CURLMSG_DONE) continue;
            CURL* easy = message->easy_handle;
            const CURLcode code = message->data.result;
            curl_.multi_remove_handle(multi.get(), easy);
            const auto it = active.find(easy);
            if (it == active.end()) continue;
            finish(*it->second, code);
            active.erase(it);
        }
        if (unreachable_streak_ >= kUnreachableLimit) skip_remaining();
        if (done_ < jobs_.size())
            curl_.multi_poll(multi.get(), nullptr, 0, static_cast<int>(next_wait_ms(active.size())),
                             nullptr);
    }
    for (const auto& job : jobs_)
        state_.set_retry(job.result.date, job.result.outcome == DayOutcome::Failed);
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

Result<FetchReport> fetch_digests(const FetchRequest& request, const FetchProgress& progress,
                                  const FetchLog& log) {
    if (auto error = check_fetch_request(request)) return *error;
    if (auto error = prepare_corpus_dir(request.corpus_dir)) return *error;
    const auto curl = curl_library();
    if (!curl) return curl.error();
    std::string warning;
    FetchState state = FetchState::load(request.corpus_dir, &warning);
    if (!warning.empty() && log) log(LogLevel::Warning, warning);
    const auto range = resolve_fetch_range(request, state);
    if (!range) return range.error();
    const auto [from, to] = *range;
    if (to < from) {
        if (log) log(LogLevel::Info, "the corpus is up to date (through " + format_day(to) + ")");
        return FetchReport{};
    }
    return Fetcher(**curl, request, progress, log, std::move(state)).run(from, to);
}

}  // namespace papers
