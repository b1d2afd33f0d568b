// The parts the text query builder (query/text_query.h) is made of, shared by
// its files: text_query.cc (words, phrases, English spellings),
// text_query_korean.cc (Korean runs and compounds) and text_query_glossary.cc
// (the other language's readings). Not for use outside them.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "query/text_query.h"

namespace papers {

// One concept of a query: a word, a Korean run, a glossary term.
struct TextQueryBuilder::Unit {
    Xapian::Query query;
    std::vector<std::string> phrase_terms;  // the unit's terms in order, for phrases
    std::vector<std::string> korean_stems;  // set when the unit is a Korean run
    // Set when the unit is an English word: its stem, or the two of a word
    // written with a hyphen or joined (query/english_spellings.h).
    std::vector<std::string> english_stems;
    std::string english_word;                // a single English word as typed (normalised)
    std::string typed_term;                  // the word as typed, when its terms are others
    uint32_t start = 0, end = 0;             // its bytes in the text (single English words only)
    std::vector<std::string> synonym_terms;  // terms of its glossary reading, if any
    Xapian::Query boost;                     // ranks a paper up, matches none
};

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts);

// A phrase of field terms, looked up as the index holds it: two words as
// their pair, more as a phrase of their pairs, words that do not pair
// (Korean next to English) as a phrase of positions. Pairs and a section
// field's positions are in the unprefixed terms, so a field's phrase is
// the field's words filtered by the phrase anywhere in the paper: close,
// though the phrase could stand in another field.
Xapian::Query phrase_of(const std::vector<std::string>& terms);

// The other language's readings of a glossary key (analyzers/glossary.h).
std::vector<std::string> synonyms_of(const Xapian::Database& db, const std::string& key);

std::vector<std::string> split_words(const std::string& text);
std::vector<std::string> terms_of(const Xapian::Query& query);
bool is_ascii(const std::string& text);
size_t code_points(const std::string& text);

}  // namespace papers
