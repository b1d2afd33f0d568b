#include "serving/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace papers {

std::optional<std::string> find_program(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string dirs = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
    size_t start = 0;
    while (start <= dirs.size()) {
        const size_t end = std::min(dirs.find(':', start), dirs.size());
        const std::string dir = dirs.substr(start, end - start);
        const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        start = end + 1;
    }
    return std::nullopt;
}

Result<ChildProcess> ChildProcess::spawn(const std::vector<std::string>& argv) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return Error{ErrorKind::IndexError, std::string("cannot make a pipe: ") + strerror(errno)};
    std::vector<char*> args;
    for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int err = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        return Error{ErrorKind::IndexError,
                     std::string("cannot start a process: ") + strerror(err)};
    }
    if (pid == 0) {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) ::_exit(127);  // the parent died before prctl
        ::dup2(fds[1], STDOUT_FILENO);
        ::dup2(fds[1], STDERR_FILENO);
        const int devnull = ::open("/dev/null", O_RDONLY);
        if (devnull >= 0) ::dup2(devnull, STDIN_FILENO);
        ::execv(args[0], args.data());
        const std::string message =
            std::string("cannot run ") + args[0] + ": " + strerror(errno) + "\n";
        if (::write(STDERR_FILENO, message.data(), message.size()) < 0) {
        }
        ::_exit(127);
    }
    ::close(fds[1]);
    ::setpgid(pid, pid);  // as the child does: whichever runs first
    return ChildProcess(pid, fds[0]);
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(other.pid_),
      fd_(other.fd_),
      partial_(std::move(other.partial_)),
      status_(other.status_) {
    other.pid_ = -1;
    other.fd_ = -1;
}

ChildProcess::~ChildProcess() {
    if (pid_ > 0 && !status_) terminate();
    if (fd_ >= 0) ::close(fd_);
}

std::optional<int> ChildProcess::reap(bool block) {
    if (status_ || pid_ <= 0) return status_;
    int status = 0;
    pid_t done;
    while ((done = ::waitpid(pid_, &status, block ? 0 : WNOHANG)) < 0 && errno == EINTR) {
    }
    if (done != pid_) return std::nullopt;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return status_;
}

std::optional<int> ChildProcess::pump(std::chrono::milliseconds timeout,
                                      const std::function<void(const std::string&)>& on_line) {
    if (fd_ >= 0) {
        pollfd pfd{fd_, POLLIN, 0};
        const int ready = ::poll(&pfd, 1, static_cast<int>(timeout.count()));
        if (ready > 0) {
            char buf[4096];
            const ssize_t n = ::read(fd_, buf, sizeof buf);
            if (n > 0) {
                partial_.append(buf, static_cast<size_t>(n));
                for (size_t nl; (nl = partial_.find('\n')) != std::string::npos;) {
                    on_line(partial_.substr(0, nl));
                    partial_.erase(0, nl + 1);
                }
                return std::nullopt;  // more may follow
            }
            if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
                ::close(fd_);  // end of output: the child (and its children) closed it
                fd_ = -1;
                if (!partial_.empty()) on_line(partial_);
                partial_.clear();
            }
        }
    } else {
        std::this_thread::sleep_for(std::min(timeout, std::chrono::milliseconds(100)));
    }
    // Its output may stay open in a connection's process after it exits.
    return reap(false);
}

int ChildProcess::terminate(std::chrono::milliseconds grace) {
    if (pid_ <= 0) return -1;
    if (status_) return *status_;
    ::kill(-pid_, SIGTERM);
    ::kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + grace;
    while (std::chrono::steady_clock::now() < deadline) {
        if (auto status = reap(false)) return *status;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::kill(-pid_, SIGKILL);
    ::kill(pid_, SIGKILL);
    return reap(true).value_or(-1);
}

}  // namespace papers
