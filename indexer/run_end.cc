#include "indexer/run_end.h"

#include <map>
#include <set>

#include "analyzers/analyzer.h"
#include "analyzers/glossary.h"
#include "analyzers/lexicon_export.h"
#include "analyzers/loanwords.h"
#include "analyzers/schema.h"
#include "analyzers/utc_time.h"
#include "analyzers/vote_table.h"
#include "indexer/digest_files.h"
#include "indexer/loanword_learner.h"
#include "indexer/paper_list.h"

namespace papers {
namespace {

using Synonyms = std::map<std::string, std::set<std::string>>;

// Makes the synonym table hold `wanted`, rewriting only the keys that
// changed: a day added rarely changes any, and rewriting them all cost a
// nightly run at a million papers 6,600 block reads and writes.
void write_synonyms(Xapian::WritableDatabase& db, const Synonyms& wanted) {
    std::set<std::string> old_keys(db.synonym_keys_begin(), db.synonym_keys_end());
    for (const auto& key : old_keys) {
        const auto it = wanted.find(key);
        if (it != wanted.end() &&
            std::set<std::string>(db.synonyms_begin(key), db.synonyms_end(key)) == it->second)
            continue;
        db.clear_synonyms(key);
        if (it != wanted.end())
            for (const auto& synonym : it->second) db.add_synonym(key, synonym);
    }
    for (const auto& [key, synonyms] : wanted)
        if (!old_keys.count(key))
            for (const auto& synonym : synonyms) db.add_synonym(key, synonym);
}

}  // namespace

// The synonyms follow the XG terms as they are now, so a replaced or
// retracted paper counts no more (schema.h).
void finish_index_run(Xapian::WritableDatabase& db, const Xapian::Database& glossary_source) {
    Synonyms wanted;
    for (const auto& entry : learned_glossary(glossary_source)) {
        wanted[entry.english_key].insert(entry.korean_key);
        wanted[entry.korean_key].insert(entry.english_key);
    }
    const Analyzer analyzer;
    for (const auto& word : learned_word_translations(glossary_source, analyzer))
        wanted[word_translation_key(word.english_stem)].insert(word.korean_stem);
    for (const auto& loan : learned_loanwords(glossary_source, analyzer)) {
        wanted[loanword_key(loan.korean_stem)].insert(loan.english_stem);
        wanted[loanword_key(loan.english_stem)].insert(loan.korean_stem);
        wanted[loanword_skeleton_key(loan.skeleton)].insert(loan.english_stem);
    }
    write_synonyms(db, wanted);
    db.set_metadata(std::string(schema::kMetaSchemaVersion), std::string(schema::kSchemaVersion));
    db.set_metadata(std::string(schema::kMetaLastUpdate), utc_now_iso8601());
}

void commit_with_votes(Xapian::WritableDatabase& db, const std::string& path,
                       const std::function<void()>& commit) {
    store_lexicon_export(db);
    const std::string table = VoteTable::pack_for_commit(db);
    db.set_metadata(std::string(schema::kMetaVoteTable), table);
    if (commit)
        commit();
    else
        db.commit();
    VoteTable::save_file(path, db, table);  // without it, searches read the entry
}

namespace {

// Reports the papers a papers_list.csv lists that the index does not hold.
void check_paper_list(const Xapian::Database& db, const std::string& path, IndexReport& report) {
    std::string csv;
    if (!read_file(path, csv)) {
        report.issues.push_back({path, 0, "cannot read the file"});
        return;
    }
    for (auto& listed : parse_paper_list(csv)) {
        ++report.listed;
        if (listed.arxiv_id.empty() || !db.term_exists(schema::id_term(listed.arxiv_id)))
            report.listed_absent.push_back(std::move(listed));
    }
}

}  // namespace

void count_papers(const Xapian::Database& db, const std::vector<std::string>& paper_lists,
                  IndexReport& report) {
    report.papers_total = db.get_doccount();
    for (const auto& list : paper_lists) check_paper_list(db, list, report);
}

}  // namespace papers
