#include "analyzers/vote_table.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>

#include "analyzers/schema.h"

namespace papers {
namespace {

void put_le(std::string& out, uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>(value >> (8 * i) & 0xff));
}

uint64_t get_le(const unsigned char* in, int bytes) {
    uint64_t value = 0;
    for (int i = 0; i < bytes; ++i) value |= static_cast<uint64_t>(in[i]) << (8 * i);
    return value;
}

std::string file_path(const std::string& dir) {
    return dir + "/" + std::string(schema::kVoteTableFile);
}

// A read-only mapping of a whole file, unmapped with its last owner.
class Mapping {
  public:
    static std::shared_ptr<const Mapping> open(const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return nullptr;
        struct stat info {};
        void* address = MAP_FAILED;
        if (::fstat(fd, &info) == 0 && info.st_size > 0)
            address =
                ::mmap(nullptr, static_cast<size_t>(info.st_size), PROT_READ, MAP_SHARED, fd, 0);
        ::close(fd);
        if (address == MAP_FAILED) return nullptr;
        return std::shared_ptr<const Mapping>(
            new Mapping(address, static_cast<size_t>(info.st_size)));
    }
    ~Mapping() { ::munmap(address_, size_); }
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;

    const unsigned char* data() const { return static_cast<const unsigned char*>(address_); }
    size_t size() const { return size_; }

  private:
    Mapping(void* address, size_t size) : address_(address), size_(size) {}
    void* address_;
    size_t size_;
};

bool write_all(int fd, const std::string& bytes) {
    for (size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
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
        const double votes = schema::votes_of_value(*it);
        if (!(votes >= 0 && votes < kNone && votes == std::floor(votes))) return {};
        const auto value = static_cast<unsigned>(votes);
        const size_t at = kHeaderBytes + 2 * (it.get_docid() - 1);
        out[at] = static_cast<char>(value & 0xff);
        out[at + 1] = static_cast<char>(value >> 8);
    }
    return out;
}

bool VoteTable::save_file(const std::string& dir, const Xapian::Database& db,
                          const std::string& packed) {
    const std::string uuid = db.get_uuid();
    if (packed.empty() || uuid.size() != kUuidBytes) return false;
    const std::string path = file_path(dir);
    const std::string aside = dir + "/." + std::string(schema::kVoteTableFile) + ".tmp";
    const int fd = ::open(aside.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    // Synced before the rename: a crash must not leave a file that names this
    // revision with votes that never reached the disk.
    const bool written = write_all(fd, uuid) && write_all(fd, packed) && ::fsync(fd) == 0;
    const bool closed = ::close(fd) == 0;
    if (written && closed && std::rename(aside.c_str(), path.c_str()) == 0) return true;
    std::remove(aside.c_str());
    return false;
}

std::optional<VoteTable> VoteTable::checked(const Xapian::Database& db,
                                            std::shared_ptr<const void> storage,
                                            const unsigned char* table, size_t size) {
    if (size < kHeaderBytes) return std::nullopt;
    VoteTable out;
    const uint64_t revision = get_le(table, 8);
    out.last_docid_ = static_cast<Xapian::docid>(get_le(table + 8, 4));
    if (revision != db.get_revision() || out.last_docid_ != db.get_lastdocid() ||
        size != kHeaderBytes + 2 * size_t{out.last_docid_})
        return std::nullopt;
    out.storage_ = std::move(storage);
    out.table_ = table;
    return out;
}

std::optional<VoteTable> VoteTable::read_file(const Xapian::Database& db, const std::string& dir) {
    const auto mapping = Mapping::open(file_path(dir));
    if (!mapping || mapping->size() < kUuidBytes) return std::nullopt;
    const std::string uuid(reinterpret_cast<const char*>(mapping->data()), kUuidBytes);
    if (uuid != db.get_uuid()) return std::nullopt;
    auto table = checked(db, mapping, mapping->data() + kUuidBytes, mapping->size() - kUuidBytes);
    if (table) table->mapped_ = true;
    return table;
}

std::optional<VoteTable> VoteTable::read(const Xapian::Database& db, const std::string& dir) {
    if (!dir.empty())
        if (auto table = read_file(db, dir)) return table;
    auto entry =
        std::make_shared<const std::string>(db.get_metadata(std::string(schema::kMetaVoteTable)));
    const auto* bytes = reinterpret_cast<const unsigned char*>(entry->data());
    const size_t size = entry->size();
    return checked(db, std::move(entry), bytes, size);
}

}  // namespace papers
