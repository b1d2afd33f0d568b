// A pager for long output on a terminal, as git does it: when stdout is a
// terminal, text goes through $PAGER (default `less -FRX`: quits when the
// output fits on one screen, passes colours, leaves the screen as it was),
// so a long result list does not scroll past. Never when stdout is not a
// terminal; `--no-pager`, PAGER="" and PAGER=cat turn it off.
//
// Colour and width are decided on the real stdout before the pager starts
// (make_printer), so a paged terminal still gets colour and wrapping.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

namespace papers::cli {

// The pager command to run, or nothing. `pager_env` is $PAGER (null when
// unset); `less_found` says whether the default pager, less, is on PATH
// (without it, output is not paged rather than lost).
std::optional<std::string> pager_command(bool stdout_is_terminal, bool no_pager,
                                         const char* pager_env, bool less_found);

// True if `program` is an executable file in a directory of $PATH.
bool on_path(const std::string& program);

// Runs the pager with stdout redirected into it for as long as it lives; the
// destructor flushes stdout, closes it and waits for the pager to quit (the
// user reads at their pace, then the shell prompt comes back).
class Pager {
  public:
    // Starts `command` with `sh -c`; when it cannot start, stdout is left as
    // it was.
    explicit Pager(const std::string& command);
    ~Pager();
    Pager(const Pager&) = delete;
    Pager& operator=(const Pager&) = delete;

  private:
    pid_t pid_ = -1;
};

}  // namespace papers::cli
