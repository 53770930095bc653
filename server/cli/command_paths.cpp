#include "server/cli/command_paths.h"

#include <algorithm>
#include <iostream>

namespace eventlet_lsp::server {

bool drop_missing_roots(std::vector<std::filesystem::path>& roots) {
  const auto missing = [](const std::filesystem::path& root) {
    std::error_code error;
    if (std::filesystem::exists(std::filesystem::symlink_status(root, error))) return false;
    std::cerr << "eventlet-lsp: error: " << root.string() << ": no such file or directory\n";
    return true;
  };
  const std::size_t before = roots.size();
  std::erase_if(roots, missing);
  return roots.size() != before;
}

}  // namespace eventlet_lsp::server
