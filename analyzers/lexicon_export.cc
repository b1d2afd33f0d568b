#include "analyzers/lexicon_export.h"

#include <cstdint>
#include <cstdio>
#include <sstream>

#include "analyzers/schema.h"

namespace papers {
namespace {

constexpr const char* kHeader = "papers-lexicon 1\n";

bool storable(const std::string& text) {
    return !text.empty() && text.find_first_of("\t\n") == std::string::npos;
}

}  // namespace

std::string pack_lexicon(const Xapian::Database& db) {
    std::string out = kHeader;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
        if (storable(*it)) out += "s\t" + *it + "\t" + std::to_string(it.get_termfreq()) + "\n";
    for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key) {
        if (!storable(*key)) continue;
        for (auto it = db.synonyms_begin(*key); it != db.synonyms_end(*key); ++it)
            if (storable(*it)) out += "y\t" + *key + "\t" + *it + "\n";
    }
    return out;
}

std::string lexicon_id(const std::string& packed) {
    uint64_t hash = 14695981039346656037ull;  // FNV-1a 64
    for (const unsigned char c : packed) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
    return buf;
}

void store_lexicon_export(Xapian::WritableDatabase& db) {
    const std::string packed = pack_lexicon(db);
    const std::string id = lexicon_id(packed);
    if (db.get_metadata(std::string(schema::kMetaLexiconId)) == id) return;
    db.set_metadata(std::string(schema::kMetaLexicon), packed);
    db.set_metadata(std::string(schema::kMetaLexiconId), id);
}

std::optional<LexiconExport> unpack_lexicon(const std::string& packed) {
    if (packed.compare(0, std::string(kHeader).size(), kHeader) != 0) return std::nullopt;
    LexiconExport lexicon;
    std::istringstream in(packed.substr(std::string(kHeader).size()));
    std::string line;
    while (std::getline(in, line)) {
        const size_t first = line.find('\t');
        const size_t second = first == std::string::npos ? first : line.find('\t', first + 1);
        if (second == std::string::npos || line.find('\t', second + 1) != std::string::npos)
            return std::nullopt;
        std::string a = line.substr(first + 1, second - first - 1);
        std::string b = line.substr(second + 1);
        if (line.compare(0, first, "s") == 0) {
            if (b.empty() || b.find_first_not_of("0123456789") != std::string::npos)
                return std::nullopt;
            lexicon.spellings.emplace_back(std::move(a), std::stoul(b));
        } else if (line.compare(0, first, "y") == 0) {
            lexicon.synonyms.emplace_back(std::move(a), std::move(b));
        } else {
            return std::nullopt;
        }
    }
    return lexicon;
}

}  // namespace papers
