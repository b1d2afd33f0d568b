#include "analyzers/korean_segmenter.h"

#include <algorithm>

namespace papers {

std::vector<std::vector<std::string>> known_splits(std::string_view joined, size_t max_results,
                                                   const IsKnownWord& known) {
    using Split = std::vector<std::string>;
    std::vector<size_t> starts;  // byte offset of each syllable (code point)
    for (size_t i = 0; i < joined.size(); ++i)
        if ((static_cast<unsigned char>(joined[i]) & 0xC0) != 0x80) starts.push_back(i);
    const size_t n = starts.size();
    if (n == 0) return {};
    starts.push_back(joined.size());
    // from[i]: the ways to write syllables i..n as known parts. Built from
    // the end, so each suffix is searched once.
    std::vector<std::vector<Split>> from(n + 1);
    from[n] = {Split{}};
    for (size_t i = n; i-- > 0;) {
        for (size_t j = i + 2; j <= n; ++j) {
            if (from[j].empty()) continue;
            std::string part(joined.substr(starts[i], starts[j] - starts[i]));
            if (!known(part)) continue;
            for (const auto& rest : from[j]) {
                if (from[i].size() >= max_results) break;
                Split split{part};
                split.insert(split.end(), rest.begin(), rest.end());
                from[i].push_back(std::move(split));
            }
        }
    }
    std::vector<Split> result = std::move(from[0]);
    std::stable_sort(result.begin(), result.end(),
                     [](const Split& a, const Split& b) { return a.size() < b.size(); });
    if (result.size() > max_results) result.resize(max_results);
    return result;
}

}  // namespace papers
