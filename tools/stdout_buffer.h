// std::cout through a buffer of our own that writes to file descriptor 1
// and remembers why a write failed, so that `papers ... > /dev/full` can say
// "No space left on device" (iostreams keep only a failbit). A closed pipe
// still ends the process by SIGPIPE, quietly.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace papers::cli {

class StdoutBuffer : public std::streambuf {
  public:
    StdoutBuffer();
    ~StdoutBuffer() override;

    // Flushes; "" when everything was written, else why not.
    std::string finish();

  protected:
    int_type overflow(int_type c) override;
    int sync() override;

  private:
    bool flush_buffer();

    char buffer_[64 * 1024];
    int error_ = 0;  // errno of the first failed write
};

// Points `stream` at `buffer` for its lifetime; restores its own buffer
// before `buffer` goes (declare it after the buffer).
class StdoutRedirect {
  public:
    StdoutRedirect(std::ostream& stream, std::streambuf& buffer)
        : stream_(stream), old_(stream.rdbuf(&buffer)) {}
    ~StdoutRedirect() {
        stream_.flush();
        stream_.rdbuf(old_);
    }
    StdoutRedirect(const StdoutRedirect&) = delete;
    StdoutRedirect& operator=(const StdoutRedirect&) = delete;

  private:
    std::ostream& stream_;
    std::streambuf* old_;
};

}  // namespace papers::cli
