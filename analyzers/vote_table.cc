#include "analyzers/vote_table.h"

#include <cmath>

#include "analyzers/schema.h"

namespace papers {
namespace {

void put_le(std::string& out, uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>(value >> (8 * i) & 0xff));
}

uint64_t get_le(const std::string& in, size_t at, int bytes) {
    uint64_t value = 0;
    for (int i = 0; i < bytes; ++i)
        value |= static_cast<uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
    return value;
}

}  // namespace

std::string VoteTable::pack_for_commit(const Xapian::Database& db) {
    const Xapian::docid last = db.get_lastdocid();
    std::string out;
    out.reserve(kHeaderBytes + 2 * size_t{last});
    put_le(out, db.get_revision() + 1, 8);
    put_le(out, last, 4);
    out.append(2 * size_t{last}, static_cast<char>(0xff));  // kNone
    const auto end = db.valuestream_end(schema::kSlotVotes);
    for (auto it = db.valuestream_begin(schema::kSlotVotes); it != end; ++it) {
        const double votes = Xapian::sortable_unserialise(*it);
        if (!(votes >= 0 && votes < kNone && votes == std::floor(votes))) return {};
        const auto value = static_cast<unsigned>(votes);
        const size_t at = kHeaderBytes + 2 * (it.get_docid() - 1);
        out[at] = static_cast<char>(value & 0xff);
        out[at + 1] = static_cast<char>(value >> 8);
    }
    return out;
}

std::optional<VoteTable> VoteTable::read(const Xapian::Database& db) {
    VoteTable table;
    table.bytes_ = db.get_metadata(std::string(schema::kMetaVoteTable));
    if (table.bytes_.size() < kHeaderBytes) return std::nullopt;
    const uint64_t revision = get_le(table.bytes_, 0, 8);
    table.last_docid_ = static_cast<Xapian::docid>(get_le(table.bytes_, 8, 4));
    if (revision != db.get_revision() || table.last_docid_ != db.get_lastdocid() ||
        table.bytes_.size() != kHeaderBytes + 2 * size_t{table.last_docid_})
        return std::nullopt;
    return table;
}

}  // namespace papers
