#include "tools/pager.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace papers::cli {
namespace {

std::string trimmed(const char* text) {
    std::string s(text);
    const size_t first = s.find_first_not_of(" \t\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\n") - first + 1);
}

}  // namespace

std::optional<std::string> pager_command(bool stdout_is_terminal, bool no_pager,
                                         const char* pager_env, bool less_found) {
    if (!stdout_is_terminal || no_pager) return std::nullopt;
    if (pager_env) {
        const std::string pager = trimmed(pager_env);
        if (pager.empty() || pager == "cat") return std::nullopt;
        return pager;
    }
    if (!less_found) return std::nullopt;
    return std::string("less -FRX");
}

bool on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    size_t start = 0;
    while (start <= dirs.size()) {
        size_t end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        std::string dir = dirs.substr(start, end - start);
        if (dir.empty()) dir = ".";
        const std::string candidate = dir + "/" + program;
        struct stat info {};
        if (stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
            access(candidate.c_str(), X_OK) == 0)
            return true;
        start = end + 1;
    }
    return false;
}

Pager::Pager(const std::string& command) {
    int fds[2];
    if (pipe(fds) != 0) return;
    std::cout.flush();
    std::fflush(stdout);
    pid_ = fork();
    if (pid_ < 0) {
        close(fds[0]);
        close(fds[1]);
        return;
    }
    if (pid_ == 0) {
        dup2(fds[0], STDIN_FILENO);
        close(fds[0]);
        close(fds[1]);
        // As git: a plain `less` (PAGER=less) still quits on short output
        // and passes colours; the user's own LESS wins.
        setenv("LESS", "FRX", 0);
        setenv("LV", "-c", 0);
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
}

Pager::~Pager() {
    if (pid_ <= 0) return;
    std::cout.flush();
    std::fflush(stdout);
    // The pager sees the end of its input; stdout stays an open descriptor
    // (/dev/null), so no file opened later can take its number.
    const int null_fd = open("/dev/null", O_WRONLY);
    if (null_fd >= 0) {
        dup2(null_fd, STDOUT_FILENO);
        close(null_fd);
    } else {
        close(STDOUT_FILENO);
    }
    // Ctrl-C while reading is the pager's (less ignores it); papers waits.
    struct sigaction ignore {
    }, old_int{}, old_quit{};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGQUIT, &ignore, &old_quit);
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    sigaction(SIGINT, &old_int, nullptr);
    sigaction(SIGQUIT, &old_quit, nullptr);
}

}  // namespace papers::cli
