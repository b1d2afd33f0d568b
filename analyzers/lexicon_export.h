// The spelling and synonym tables of an index, exported as one metadata
// entry. Xapian 1.4's remote protocol serves documents, terms, values and
// metadata but not these two tables (a remote database answers every
// spelling and synonym lookup with nothing), so the writer stores them
// where a remote reader can fetch them: a search over tcp:// rebuilds the
// same tables locally (query/lexicon_sidecar.h) and answers as a local
// search would, suggestions and glossary synonyms included.
//
// schema::kMetaLexicon holds the export, schema::kMetaLexiconId a hash of
// it, so a reader keeps one local copy per export and fetches the entry
// only when the hash is new. Format, one record a line, tab-separated:
//   papers-lexicon 1
//   s WORD FREQ        a spelling table word and its frequency
//   y KEY SYNONYM      a synonym of KEY (one line per pair)
// Words and keys are analysed text and hold no tab or newline; one that did
// would be left out.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace papers {

struct LexiconExport {
    std::vector<std::pair<std::string, Xapian::termcount>> spellings;
    std::vector<std::pair<std::string, std::string>> synonyms;  // key, synonym
};

// Stores the export of `db`'s tables as they will be committed (call it
// after the spelling and synonym changes of a run, before commit). The
// entry is rewritten only when it changed.
void store_lexicon_export(Xapian::WritableDatabase& db);

// The export of `db`'s tables, as stored.
std::string pack_lexicon(const Xapian::Database& db);
// Its hash, as kMetaLexiconId holds it (16 hex digits).
std::string lexicon_id(const std::string& packed);
// nullopt when `packed` is not an export.
std::optional<LexiconExport> unpack_lexicon(const std::string& packed);

}  // namespace papers
