#include "query/text_query_parts.h"

#include <algorithm>

#include "analyzers/schema.h"
#include "analyzers/word_pairs.h"

namespace papers {
namespace {

// The length of a term's field prefix.
size_t prefix_length(const std::string& term) {
    return term.size() - schema::classify_term(term).text.size();
}

// The pairs (analyzers/word_pairs.h) that stand for the words of a phrase,
// which are unprefixed terms; empty when two neighbours do not pair.
std::vector<std::string> pairs_of(const std::vector<std::string>& words) {
    std::vector<std::string> pairs;
    for (size_t i = 0; i + 1 < words.size(); ++i) {
        auto pair = pair_term(words[i], words[i + 1]);
        if (!pair) return {};
        pairs.push_back(std::move(*pair));
    }
    return pairs;
}

}  // namespace

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    if (parts.empty()) return Xapian::Query();
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(op, parts.begin(), parts.end());
}

Xapian::Query phrase_of(const std::vector<std::string>& terms) {
    if (terms.size() == 1) return Xapian::Query(terms.front());
    const size_t prefix = prefix_length(terms.front());
    std::vector<std::string> words;
    for (const auto& term : terms)
        if (prefix_length(term) == prefix) words.push_back(term.substr(prefix));
    const std::vector<std::string> pairs =
        words.size() == terms.size() ? pairs_of(words) : std::vector<std::string>();
    Xapian::Query phrase;
    if (pairs.size() == 1) {
        phrase = Xapian::Query(pairs.front());
    } else if (!pairs.empty()) {
        phrase = Xapian::Query(Xapian::Query::OP_PHRASE, pairs.begin(), pairs.end(), pairs.size());
    } else {
        std::vector<std::string> positional;
        for (const auto& term : terms) positional.push_back(schema::positional_term(term));
        phrase = Xapian::Query(Xapian::Query::OP_PHRASE, positional.begin(), positional.end(),
                               positional.size());
        if (positional == terms) return phrase;
    }
    if (prefix == 0) return phrase;
    return Xapian::Query(Xapian::Query::OP_FILTER,
                         Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()), phrase);
}

std::vector<std::string> synonyms_of(const Xapian::Database& db, const std::string& key) {
    return {db.synonyms_begin(key), db.synonyms_end(key)};
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    for (size_t start = 0; start <= text.size();) {
        const size_t end = std::min(text.find(' ', start), text.size());
        if (end > start) words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::vector<std::string> terms_of(const Xapian::Query& query) {
    return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
}

bool is_ascii(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

size_t code_points(const std::string& text) {
    size_t count = 0;
    for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}
}  // namespace papers
