// The paths named on a command line (`check`, `fix`).
#pragma once

#include <filesystem>
#include <vector>

namespace eventlet_lsp::server {

// Removes the paths that do not exist (a broken symbolic link exists: it is reported later as
// unreadable), printing `eventlet-lsp: error: PATH: no such file or directory` for each on
// stderr. True when one was removed.
bool drop_missing_roots(std::vector<std::filesystem::path>& roots);

}  // namespace eventlet_lsp::server
