// What is at an index path before a reader opens it. Nothing there is "no
// index yet" (the user builds one); something that cannot be read, or that
// is not an index, is another failure, told apart with the OS's reason, so
// the advice to build an index is only given where it would work.
#pragma once

#include <optional>
#include <string>

#include "analyzers/error.h"

namespace papers {

// nullopt when `path` looks like an index a reader can try to open. Error
// kinds: NoIndex (no such directory, or one holding only dotfiles: the
// writer lock of a first run), IndexError (unreadable, a file, an empty
// XAPIANDB stub).
std::optional<Error> check_index_path(const std::string& path);

}  // namespace papers
