// The text half of a relevance score, in one place for the search and its
// explanation: Xapian's BM25 with k1 = 1 and no length normalisation
// (b = 0). The summaries are of much the same length, so normalising buys
// little (relevance_eval on the shared corpus: topic nDCG@10 0.679 -> 0.685,
// cross-lingual MRR@10 0.966 -> 0.961, known-ko success@1 0.900 -> 0.883,
// one query); without it a weight needs no document length and Xapian's
// bound on a term's weight is exact, so the matcher stops sooner: at a
// million papers a Korean word or two English words take half the time.
#pragma once

#include <xapian.h>

namespace papers {

inline Xapian::BM25Weight text_weight() {
    return Xapian::BM25Weight(/*k1=*/1, /*k2=*/0, /*k3=*/1, /*b=*/0, /*min_normlen=*/0.5);
}

}  // namespace papers
