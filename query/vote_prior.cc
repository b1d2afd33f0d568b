#include "query/vote_prior.h"

#include <cmath>

#include "analyzers/schema.h"

namespace papers {

VotePriorSource::VotePriorSource(double votes_weight) : votes_weight_(votes_weight) {}

void VotePriorSource::init(const Xapian::Database& db) {
    db_ = db;
    papers_ = db.get_doccount();
    prior_ = db.valuestream_begin(schema::kSlotVotePrior);
    band_ = -1;
    docid_ = 0;
    weight_ = 0;
    at_end_ = false;
    // An index from before vote bands (schema 3) is read value by value.
    banded_ = db.term_exists(schema::vote_band_term(1));
    const std::string top = db.get_value_upper_bound(schema::kSlotVotePrior);
    set_maxweight(top.empty() ? 0 : votes_weight_ * Xapian::sortable_unserialise(top));
}

int VotePriorSource::band_for(double min_wt) const {
    if (!banded_ || votes_weight_ <= 0 || min_wt <= 0) return 0;
    const double votes = std::expm1(min_wt / votes_weight_);
    int band = 0;
    for (int threshold = 1; threshold <= schema::kTopVoteBand && threshold <= votes; threshold *= 2)
        band = threshold;
    return band;
}

void VotePriorSource::advance(Xapian::docid did, double min_wt) {
    const int band = band_for(min_wt);
    if (band != band_) {
        band_ = band;
        if (band_ > 0) band_postings_ = db_.postlist_begin(schema::vote_band_term(band_));
    }
    const auto band_end = Xapian::PostingIterator();
    while (true) {
        if (band_ > 0) {
            // The band's next paper, then its prior, which every paper has.
            band_postings_.skip_to(did);
            if (band_postings_ == band_end) break;
            did = *band_postings_;
            if (!prior_.check(did) || prior_.get_docid() != did) {
                did = did + 1;
                continue;
            }
        } else {
            prior_.skip_to(did);
            if (prior_ == Xapian::ValueIterator()) break;
            did = prior_.get_docid();
        }
        const double weight = votes_weight_ * Xapian::sortable_unserialise(*prior_);
        if (weight >= min_wt) {
            docid_ = did;
            weight_ = weight;
            return;
        }
        did = did + 1;
    }
    at_end_ = true;
}

void VotePriorSource::next(double min_wt) {
    advance(docid_ + 1, min_wt);
}

void VotePriorSource::skip_to(Xapian::docid did, double min_wt) {
    if (did <= docid_) return;
    advance(did, min_wt);
}

bool VotePriorSource::check(Xapian::docid did, double min_wt) {
    skip_to(did, min_wt);
    return true;
}

Xapian::PostingSource* VotePriorSource::clone() const {
    return new VotePriorSource(votes_weight_);
}

}  // namespace papers
