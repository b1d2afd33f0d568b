#include "tests/store/store_fixture.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "analyzers/schema.h"
#include "query/searcher.h"

extern char** environ;

namespace papers::test {
namespace fs = std::filesystem;

namespace {

// Day `index` after 2024-01-01, as {year, month, day}.
std::tm day_date(int index) {
    std::tm date{};
    date.tm_year = 2024 - 1900;
    date.tm_mon = 0;
    date.tm_mday = 1 + index;
    date.tm_hour = 12;
    timegm(&date);  // normalises month and year
    return date;
}

std::string format_date(const std::tm& date, const char* format) {
    char buf[32];
    std::strftime(buf, sizeof buf, format, &date);
    return buf;
}

std::string digest(int index, int papers_per_day) {
    const std::tm date = day_date(index);
    std::string text = "## Daily Papers (" + format_date(date, "%Y-%m-%d") + ")\n\n";
    for (int p = 0; p < papers_per_day; ++p) {
        char id[32];
        std::snprintf(id, sizeof id, "2401.%02d%03d", index, p);
        text += "### [Synthetic Paper " + std::to_string(index) + "-" + std::to_string(p) +
                ": Scaling Transformer Models](https://arxiv.org/abs/" + id + ")\n\n";
        text += "Vote: " + std::to_string(p) + "\n\n";
        text +=
            "Authors: Author " + std::to_string(p) + ", Writer " + std::to_string(index) + "\n\n";
        text += "- **What's New**: 이 논문은 transformer 모델의 스케일링을 연구합니다.\n";
        text += "- **Technical Details**: 강화 학습으로 보상 모델을 학습했습니다.\n";
        text += "- **Performance Highlights**: 기존 방법보다 우수합니다.\n\n";
    }
    return text;
}

}  // namespace

std::string day_string(int index) {
    return format_date(day_date(index), "%Y-%m-%d");
}

std::string day_path(int index) {
    return format_date(day_date(index), "paper_logs/%Y/%m/%d.md");
}

void write_corpus(const std::string& corpus, int days, int papers_per_day, int first_day) {
    for (int day = first_day; day < first_day + days; ++day) {
        const fs::path path = fs::path(corpus) / day_path(day);
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << digest(day, papers_per_day);
    }
}

// This process has reader threads: the child may only make async-signal-safe
// calls between fork and exec, so everything is prepared before the fork.
Child::Child(const std::vector<std::string>& argv, const std::string& log) {
    std::vector<std::string> args = argv;
    std::vector<char*> arg_pointers;
    for (auto& arg : args) arg_pointers.push_back(arg.data());
    arg_pointers.push_back(nullptr);
    std::vector<std::string> env;  // ours, without PAPERS_DB (tests pass --db)
    for (char** entry = environ; *entry; ++entry)
        if (std::string(*entry).rfind("PAPERS_DB=", 0) != 0) env.emplace_back(*entry);
    std::vector<char*> env_pointers;
    for (auto& variable : env) env_pointers.push_back(variable.data());
    env_pointers.push_back(nullptr);
    const int log_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    const int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);

    pid_ = fork();
    if (pid_ == 0) {
        dup2(null_fd, STDIN_FILENO);
        dup2(log_fd, STDOUT_FILENO);
        dup2(log_fd, STDERR_FILENO);
        execve(arg_pointers[0], arg_pointers.data(), env_pointers.data());
        _exit(127);
    }
    close(log_fd);
    close(null_fd);
}

Child::~Child() {
    if (pid_ > 0 && status_ < 0) {
        kill_now();
        wait();
    }
}

void Child::kill_now() {
    if (pid_ > 0 && status_ < 0) ::kill(pid_, SIGKILL);
}

int Child::wait() {
    if (status_ >= 0) return status_;
    int raw = 0;
    while (waitpid(pid_, &raw, 0) < 0 && errno == EINTR) {
    }
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    return status_;
}

bool Child::running() {
    if (status_ >= 0) return false;
    int raw = 0;
    if (waitpid(pid_, &raw, WNOHANG) != pid_) return true;
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    return false;
}

int run_papers(const std::vector<std::string>& args, const std::string& log) {
    std::vector<std::string> argv = {PAPERS_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    Child child(argv, log);
    return child.wait();
}

IndexHealth check_index(const std::string& db) {
    IndexHealth health;
    auto searcher = Searcher::open(db);
    if (!searcher) {
        health.error = searcher.error().message;
        return health;
    }
    health.opens = true;
    auto stats = (*searcher)->stats();
    if (!stats) {
        health.error = stats.error().message;
        return health;
    }
    health.papers = stats->papers;
    SearchRequest request;
    request.query = "transformer";
    auto results = (*searcher)->search(request);
    if (!results) {
        health.error = results.error().message;
        return health;
    }
    health.matches = results->total;
    health.searchable = results->total == health.papers;
    try {
        Xapian::Database xdb(db);
        const std::string prefix(schema::kIdPrefix);
        for (auto it = xdb.allterms_begin(prefix); it != xdb.allterms_end(prefix); ++it) {
            ++health.distinct_ids;
            if (it.get_termfreq() != 1) ++health.duplicated_ids;
        }
    } catch (const Xapian::Error& e) {
        health.error = e.get_description();
    }
    return health;
}

std::set<std::string> entries(const std::string& dir) {
    std::set<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        names.insert(entry.path().filename().string());
    return names;
}

unsigned test_seed() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    unsigned seed = 20261124;
    for (const char* c = info->name(); *c; ++c) seed = seed * 31 + static_cast<unsigned char>(*c);
    return seed;
}

}  // namespace papers::test
