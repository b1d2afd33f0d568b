#include "tests/e2e/cli_runner.h"

#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace papers::test {
namespace {

std::vector<std::string> child_environment(const Environment& overrides) {
    Environment env = {{"PAPERS_DB", std::nullopt},
                       {"XDG_DATA_HOME", std::nullopt},
                       {"NO_COLOR", std::nullopt},
                       {"PAGER", "cat"},
                       {"TERM", "xterm"}};
    for (const auto& [name, value] : overrides) env[name] = value;

    std::vector<std::string> result;
    for (char** entry = environ; *entry; ++entry) {
        const std::string variable = *entry;
        if (env.count(variable.substr(0, variable.find('='))) == 0) result.push_back(variable);
    }
    for (const auto& [name, value] : env)
        if (value) result.push_back(name + "=" + *value);
    return result;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    for (auto& s : strings) pointers.push_back(s.data());
    pointers.push_back(nullptr);
    return pointers;
}

// Reads `fd` until end of file; a pty master reports the end as EIO.
std::string read_all(int fd) {
    std::string data;
    char buffer[65536];
    for (;;) {
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n > 0) {
            data.append(buffer, static_cast<size_t>(n));
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            return data;
        }
    }
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

}  // namespace

RunResult run_binary(const std::string& binary, const std::vector<std::string>& args,
                     const Environment& env, Stdout stdout_kind) {
    std::vector<std::string> argv_strings = {binary};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<std::string> env_strings = child_environment(env);
    const auto argv = c_strings(argv_strings);
    const auto envp = c_strings(env_strings);

    TempDir scratch;
    const std::string err_path = scratch.path() + "/stderr";
    const int err_fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    int read_end = -1, write_end = -1;
    if (stdout_kind == Stdout::Terminal) {
        winsize size{};
        size.ws_row = 24;
        size.ws_col = 100;
        if (openpty(&read_end, &write_end, nullptr, nullptr, &size) != 0)
            throw std::runtime_error("openpty failed");
    } else {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
        read_end = fds[0];
        write_end = fds[1];
    }
    if (err_fd < 0) throw std::runtime_error("cannot create " + err_path);

    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int null_fd = open("/dev/null", O_RDONLY);
        dup2(null_fd, STDIN_FILENO);
        dup2(write_end, STDOUT_FILENO);
        dup2(err_fd, STDERR_FILENO);
        execve(binary.c_str(), argv.data(), envp.data());
        _exit(127);
    }
    close(write_end);
    close(err_fd);

    RunResult result;
    result.out = read_all(read_end);
    close(read_end);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.err = read_file(err_path);
    return result;
}

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "papers-e2e-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

}  // namespace papers::test
