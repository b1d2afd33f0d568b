// Which words go into Xapian's spelling table. The indexer adds such words of
// titles and sections; the searcher asks for suggestions only for query
// words of the same kind, so both sides agree on what a word is.
#pragma once

#include "analyzers/analyzer.h"

namespace papers {

// A word a user types and might misspell: a letters-only Latin (or Greek,
// Cyrillic) word of three letters or more, or a Korean word (its stem) of
// two syllables or more. Not numbers, "gpt-4o" compounds, possessives or
// one-syllable Korean words, which have too many neighbours to correct.
// The entry is term.word, never the stem: a suggestion must be typeable.
bool is_spelling_word(const Term& term);

}  // namespace papers
