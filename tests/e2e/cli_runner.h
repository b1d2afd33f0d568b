// Runs the real `papers` binary the way a user or a script would, capturing
// stdout, stderr and the exit status. Stdout is a pipe, or a pseudo-terminal
// when a test needs isatty() to be true; stderr goes to a file.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace papers::test {

struct RunResult {
    int exit_code = -1;  // 128 + signal number if the binary was killed
    std::string out;
    std::string err;
};

// Variables to set (a value) or unset (nullopt) on top of this process's
// environment. PAPERS_DB, XDG_DATA_HOME and NO_COLOR are always unset unless
// given here, TERM is "xterm" and PAGER is "cat" (no pager on a terminal:
// a test sets PAGER to see one), so a developer's settings cannot leak in.
using Environment = std::map<std::string, std::optional<std::string>>;

enum class Stdout { Pipe, Terminal };

RunResult run_binary(const std::string& binary, const std::vector<std::string>& args,
                     const Environment& env, Stdout stdout_kind = Stdout::Pipe);

// A fresh directory under the system temp dir, removed by the destructor.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

}  // namespace papers::test
