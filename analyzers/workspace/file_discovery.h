// Which files of a tree are audited: Python sources and the text files around them, minus
// version-control folders, virtual environments, caches, build output and configured excludes.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace eventlet_lsp::analyzers {

struct DiscoveryProblem {
  std::filesystem::path path;
  std::string message;
};

struct Discovery {
  std::vector<std::filesystem::path> files;
  std::vector<DiscoveryProblem> problems;  // paths that do not exist or cannot be listed
};

// True for folder names never worth walking into (.git, .tox, node_modules, __pycache__, ...).
bool is_skipped_directory_name(std::string_view name);

// Walks `roots` (files are taken as given, even when their kind is not audited by default).
// `excluded` is asked about every path below a root.
Discovery discover_files(const std::vector<std::filesystem::path>& roots,
                         const std::function<bool(const std::filesystem::path&)>& excluded);

}  // namespace eventlet_lsp::analyzers
