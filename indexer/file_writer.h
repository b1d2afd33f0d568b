// Digest files into one database, file by file: what each file held when
// it was last indexed (its size, time, hash and paper ids, kept as metadata)
// decides whether it is read again, and which of its papers it no longer has.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

#include "indexer/index_report.h"
#include "indexer/paper_writer.h"

namespace papers {

// Reads digest files into one database, file by file, through a PaperWriter.
// Counts into `report`; the papers written are added when it is destroyed.
class FileWriter {
  public:
    // `flush_bytes`: commit whenever Xapian buffers about that much (0: only
    // at the end, as one transaction needs).
    FileWriter(Xapian::WritableDatabase& db, IndexReport& report, size_t flush_bytes)
        : db_(db), report_(report), papers_(db), flush_bytes_(flush_bytes) {}
    ~FileWriter() { report_.papers_indexed += papers_.papers_written(); }

    // `force`: read the file even if its size and time are unchanged.
    void index_file(const std::string& path, bool force);
    // Files under `directory` that were indexed once and are gone now: their
    // papers are retracted (a paper another file still has stays). `present`:
    // the digests found there now, sorted, which need no check.
    void forget_missing_files(const std::string& directory,
                              const std::vector<std::string>& present);
    void commit() { papers_.commit(); }

  private:
    Xapian::WritableDatabase& db_;
    IndexReport& report_;
    PaperWriter papers_;
    size_t flush_bytes_;
};

}  // namespace papers
