// Starts tests/fetch/fault_server.py as a child process on a free loopback
// port and talks to its control endpoints; the destructor stops it.
#pragma once

#include <sys/types.h>

#include <string>

namespace papers::test {

class FaultServer {
  public:
    // Serves `root` (a directory holding paper_logs/). A "hang" fault sleeps
    // `hang_seconds`. Throws std::runtime_error if the server does not start.
    explicit FaultServer(const std::string& root, double hang_seconds = 5.0);
    ~FaultServer();
    FaultServer(const FaultServer&) = delete;
    FaultServer& operator=(const FaultServer&) = delete;

    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    // Injects `mode` (see fault_server.py) for the path of `date`'s digest
    // ("none" clears it).
    void set_fault(const std::string& date, const std::string& mode, int count = 1) const;
    // How many requests the digest of `date` has received.
    int requests(const std::string& date) const;

  private:
    std::string get(const std::string& path_and_query) const;

    pid_t pid_ = -1;
    int port_ = 0;
};

// "2024-10-01" -> "/paper_logs/2024/10/01.md"
std::string digest_url_path(const std::string& date);

}  // namespace papers::test
