// The benchmark's instruments: a clock, latency percentiles, a child
// process timed from fork to exit with its peak memory, and sizes on disk.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace papers::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Percentiles {
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
};

// Nearest-rank percentiles of `samples` (any unit); zeros when empty.
Percentiles percentiles(std::vector<double> samples);

struct ProcessRun {
    int exit_code = -1;     // -1: killed by a signal or not started
    double seconds = 0;     // fork to reaped, the last byte of stdout read
    uint64_t peak_rss = 0;  // bytes, the child's ru_maxrss (wait4)
    uint64_t stdout_bytes = 0;
};

// Runs argv[0] (PATH searched) with argv; stdout is read to EOF and counted,
// stderr goes to /dev/null unless `keep_stderr`. Throws when fork fails.
ProcessRun run_process(const std::vector<std::string>& argv, bool keep_stderr);

// Bytes of every regular file under `path` (a file or a directory).
uint64_t tree_bytes(const std::string& path);

}  // namespace papers::bench
