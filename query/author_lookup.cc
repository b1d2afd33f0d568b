#include "query/author_lookup.h"

#include <algorithm>
#include <sstream>
#include <tuple>

#include "analyzers/schema.h"

namespace papers {
namespace {

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            diagonal = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitute});
        }
    }
    return row[b.size()];
}

std::vector<std::string> words_of(const std::string& key) {
    std::istringstream in(key);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

// Words of `small` all among those of `big` (keys are sorted word lists).
bool word_subset(const std::vector<std::string>& small, const std::vector<std::string>& big) {
    return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

}  // namespace

std::vector<std::string> nearest_author_keys(const Xapian::Database& db, const std::string& key,
                                             size_t limit) {
    const std::string prefix(schema::kAuthorKeyPrefix);
    // No indexed key is longer than a Xapian term (245 bytes): a longer name
    // (a paste) is near none, and its edit distance to every author, a
    // product of the two lengths, took 8 s for 12 KB.
    if (schema::author_key_term(key).size() > schema::kMaxTermBytes) return {};
    const std::vector<std::string> query_words = words_of(key);
    const size_t max_edits = std::max<size_t>(2, key.size() / 4);
    // (distance, -papers, key)
    std::vector<std::tuple<size_t, long, std::string>> candidates;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string candidate = (*it).substr(prefix.size());
        size_t distance = edit_distance(key, candidate);
        if (distance > max_edits) {
            const std::vector<std::string> words = words_of(candidate);
            if (!word_subset(query_words, words) && !word_subset(words, query_words)) continue;
            // Same words, some added or missing: as close as one edit per word.
            distance = 1 + std::max(words.size(), query_words.size()) -
                       std::min(words.size(), query_words.size());
        }
        candidates.emplace_back(distance, -static_cast<long>(it.get_termfreq()), candidate);
    }
    std::sort(candidates.begin(), candidates.end());
    std::vector<std::string> keys;
    for (size_t i = 0; i < candidates.size() && i < limit; ++i)
        keys.push_back(std::get<2>(candidates[i]));
    return keys;
}

}  // namespace papers
