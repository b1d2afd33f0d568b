#include "indexer/changesets.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>

namespace papers {
namespace {

std::string marker(const std::string& dir) {
    return dir + "/.papers-mirrored";
}

}  // namespace

bool mark_mirrored(const std::string& dir) {
    const int fd = ::open(marker(dir).c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    ::close(fd);
    return true;
}

void keep_changesets_for_mirrors(const std::string& dir) {
    if (::access(marker(dir).c_str(), F_OK) != 0) return;
    ::setenv("XAPIAN_MAX_CHANGESETS", std::to_string(kKeptChangesets).c_str(), /*overwrite=*/0);
}

}  // namespace papers
