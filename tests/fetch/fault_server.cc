#include "tests/fetch/fault_server.h"

#include <curl/curl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

#include "tests/test_paths.h"

namespace papers::test {
namespace {

size_t append(char* data, size_t size, size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

}  // namespace

std::string digest_url_path(const std::string& date) {
    return "/paper_logs/" + date.substr(0, 4) + "/" + date.substr(5, 2) + "/" + date.substr(8, 2) +
           ".md";
}

FaultServer::FaultServer(const std::string& root, double hang_seconds) {
    const std::string script = (source_dir() / "tests" / "fetch" / "fault_server.py").string();
    const std::string hang = std::to_string(hang_seconds);
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execlp("python3", "python3", script.c_str(), "--root", root.c_str(), "--hang-seconds",
               hang.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    std::string line;
    char c;
    while (read(fds[0], &c, 1) == 1 && c != '\n') line += c;
    close(fds[0]);
    port_ = line.empty() ? 0 : std::stoi(line);
    if (port_ <= 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        throw std::runtime_error("fault_server.py did not start (is python3 installed?)");
    }
}

FaultServer::~FaultServer() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
}

std::string FaultServer::get(const std::string& path_and_query) const {
    std::string body;
    CURL* easy = curl_easy_init();
    const std::string url = base_url() + path_and_query;
    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, append);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, 5000L);
    const CURLcode code = curl_easy_perform(easy);
    curl_easy_cleanup(easy);
    if (code != CURLE_OK) throw std::runtime_error("control request failed: " + url);
    return body;
}

void FaultServer::set_fault(const std::string& date, const std::string& mode, int count) const {
    get("/__fault?path=" + digest_url_path(date) + "&mode=" + mode +
        "&count=" + std::to_string(count));
}

int FaultServer::requests(const std::string& date) const {
    const std::string body = get("/__requests?path=" + digest_url_path(date));
    const auto colon = body.rfind(':');
    return colon == std::string::npos ? -1 : std::stoi(body.substr(colon + 1));
}

}  // namespace papers::test
