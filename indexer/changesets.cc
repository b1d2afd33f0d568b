#include "indexer/changesets.h"

#include <cstdlib>
#include <string>

namespace papers {

void keep_changesets_for_mirrors() {
    ::setenv("XAPIAN_MAX_CHANGESETS", std::to_string(kKeptChangesets).c_str(), /*overwrite=*/0);
}

}  // namespace papers
