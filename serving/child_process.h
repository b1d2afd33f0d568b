// A Xapian server or client program (xapian-tcpsrv, xapian-replicate-server,
// xapian-replicate) run as a child of papers, its stdout and stderr read
// line by line so papers can log them in its own format.
//
// The child runs in a process group of its own (xapian-tcpsrv's SIGTERM
// handler signals its whole group, which must not be ours) and gets SIGTERM
// when papers dies, even by SIGKILL (PR_SET_PDEATHSIG), so no server
// outlives the command that started it.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/error.h"

namespace papers {

// The program's path on PATH, or nullopt.
std::optional<std::string> find_program(const std::string& name);

class ChildProcess {
  public:
    // Starts argv[0] (a path) with argv. Error kind: IndexError.
    static Result<ChildProcess> spawn(const std::vector<std::string>& argv);

    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&&) = delete;
    ChildProcess(const ChildProcess&) = delete;
    ~ChildProcess();  // terminates and reaps a child still running

    pid_t pid() const { return pid_; }

    // Waits up to `timeout` for output, passing each complete line to
    // `on_line`. Returns the exit status once the child has exited and its
    // output is drained (128 + N for signal N); nullopt while it runs.
    std::optional<int> pump(std::chrono::milliseconds timeout,
                            const std::function<void(const std::string&)>& on_line);

    // SIGTERM to the child's group, then waits (SIGKILL after `grace`).
    int terminate(std::chrono::milliseconds grace = std::chrono::seconds(5));

  private:
    ChildProcess(pid_t pid, int fd) : pid_(pid), fd_(fd) {}
    std::optional<int> reap(bool block);

    pid_t pid_ = -1;
    int fd_ = -1;
    std::string partial_;  // output after the last newline
    std::optional<int> status_;
};

}  // namespace papers
