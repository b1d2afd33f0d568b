#include "tools/stdout_buffer.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace papers::cli {

StdoutBuffer::StdoutBuffer() {
    setp(buffer_, buffer_ + sizeof buffer_);
}

StdoutBuffer::~StdoutBuffer() {
    flush_buffer();
}

bool StdoutBuffer::flush_buffer() {
    const char* data = pbase();
    size_t left = static_cast<size_t>(pptr() - pbase());
    while (left > 0 && error_ == 0) {
        const ssize_t written = ::write(STDOUT_FILENO, data, left);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            error_ = written < 0 ? errno : EIO;
            break;
        }
        data += written;
        left -= static_cast<size_t>(written);
    }
    setp(buffer_, buffer_ + sizeof buffer_);  // what could not be written is dropped
    return error_ == 0;
}

StdoutBuffer::int_type StdoutBuffer::overflow(int_type c) {
    if (!flush_buffer()) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
}

int StdoutBuffer::sync() {
    return flush_buffer() ? 0 : -1;
}

std::string StdoutBuffer::finish() {
    flush_buffer();
    return error_ == 0 ? "" : std::strerror(error_);
}

}  // namespace papers::cli
