// Errors stop at the library edge: library code catches Xapian, ICU and I/O
// failures and returns an Error a user can act on; the CLI maps the kind to
// an exit code.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace papers {

enum class ErrorKind {
    NoIndex,     // no index at the given path yet
    BadQuery,    // query syntax error, or arguments that cannot go together (a usage error)
    NotFound,    // unknown arXiv id
    BadInput,    // an input path or argument that cannot be used
    IndexError,  // the index could not be read or written
    Busy,        // another process is writing the index (the writer lock is held)
};

struct Error {
    ErrorKind kind;
    std::string message;
};

// A value or an Error.
template <typename T>
class Result {
  public:
    Result(T value) : value_(std::move(value)) {}
    Result(Error error) : error_(std::move(error)) {}

    explicit operator bool() const { return value_.has_value(); }
    T& operator*() { return *value_; }
    const T& operator*() const { return *value_; }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    const Error& error() const { return *error_; }

  private:
    std::optional<T> value_;
    std::optional<Error> error_;
};

}  // namespace papers
