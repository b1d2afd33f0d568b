#include "tools/eval/baseline_index.h"

namespace papers::eval {

void build_baseline_index(const std::filesystem::path& db_dir,
                          const std::vector<Paper>& papers_list) {
    Xapian::WritableDatabase db(db_dir.string(), Xapian::DB_CREATE_OR_OPEN);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    for (const auto& paper : papers_list) {
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(paper.title);
        for (const auto& author : paper.authors) generator.index_text(author);
        for (const auto& section : paper.sections) generator.index_text(section.text);
        doc.add_boolean_term("Q" + paper.arxiv_id);
        doc.set_data(paper.arxiv_id);
        db.replace_document("Q" + paper.arxiv_id, doc);
    }
    db.commit();
}

std::vector<std::string> search_baseline(const Xapian::Database& db, const std::string& query,
                                         size_t limit) {
    Xapian::QueryParser parser;
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM;
    Xapian::Enquire enquire(db);
    enquire.set_query(parser.parse_query(query, flags));
    std::vector<std::string> ids;
    for (const auto& doc_id : enquire.get_mset(0, static_cast<Xapian::doccount>(limit)))
        ids.push_back(db.get_document(doc_id).get_data());
    return ids;
}

}  // namespace papers::eval
