#include "tools/db_path.h"

#include <cstdlib>

#include "serving/mirror.h"

namespace papers::cli {
namespace {

// The value of `name`, or "" when it is unset or empty.
std::string env_value(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

// $XDG_DATA_HOME/papers/NAME, else ~/.local/share/papers/NAME.
std::string data_dir(const std::string& name) {
    if (std::string data = env_value("XDG_DATA_HOME"); !data.empty() && data[0] == '/')
        return data + "/papers/" + name;
    if (std::string home = env_value("HOME"); !home.empty())
        return home + "/.local/share/papers/" + name;
    return "";
}

}  // namespace

Result<std::string> resolve_db_path(const std::string& flag) {
    if (!flag.empty()) return flag;
    if (std::string db = env_value("PAPERS_DB"); !db.empty()) return db;
    if (std::string dir = data_dir("index"); !dir.empty()) return dir;
    return Error{ErrorKind::BadInput,
                 "cannot tell where the index is: pass --db DIR or set PAPERS_DB"};
}

Result<std::string> resolve_writable_db_path(const std::string& flag) {
    auto path = resolve_db_path(flag);
    if (path && path->compare(0, 6, "tcp://") == 0)
        return Error{ErrorKind::BadQuery,
                     *path + " is a served index: papers writes only a local one (--db DIR)"};
    if (path && is_mirror(*path))
        return Error{ErrorKind::BadInput,
                     *path +
                         " is a mirror (papers mirror keeps it a copy of a served index): "
                         "it is read-only"};
    return path;
}

Result<std::string> resolve_corpus_dir(const std::string& flag) {
    if (!flag.empty()) return flag;
    if (std::string dir = data_dir("corpus"); !dir.empty()) return dir;
    return Error{ErrorKind::BadInput, "cannot tell where the corpus is: pass --corpus DIR"};
}

}  // namespace papers::cli
