#include "analyzers/workspace/file_discovery.h"

#include <algorithm>
#include <array>

#include "analyzers/workspace/source_file.h"

namespace eventlet_lsp::analyzers {

bool is_skipped_directory_name(std::string_view name) {
  static constexpr std::array<std::string_view, 24> kSkipped = {
      ".git",        ".hg",          ".svn",        ".bzr",       ".tox",       ".nox",
      ".venv",       "venv",         ".direnv",     ".eggs",      "__pycache__", ".mypy_cache",
      ".pytest_cache", ".ruff_cache", ".pytype",    "node_modules", "build",    "_build",
      "dist",        "buck-out",     "__pypackages__", ".idea",   ".vscode",    ".cache"};
  if (std::find(kSkipped.begin(), kSkipped.end(), name) != kSkipped.end()) return true;
  return name.ends_with(".egg-info");
}

Discovery discover_files(const std::vector<std::filesystem::path>& roots,
                         const std::function<bool(const std::filesystem::path&)>& excluded) {
  namespace fs = std::filesystem;
  Discovery discovery;
  for (const fs::path& root : roots) {
    std::error_code error;
    const fs::file_status status = fs::status(root, error);
    if (error || !fs::exists(status)) {
      discovery.problems.push_back(
          {root, error && error != std::errc::no_such_file_or_directory ? error.message()
                                                                         : "no such file or directory"});
      continue;
    }
    if (!fs::is_directory(status)) {
      discovery.files.push_back(root);  // named explicitly: always audited
      continue;
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
    if (error) {
      discovery.problems.push_back({root, "cannot be listed: " + error.message()});
      continue;
    }
    for (const fs::recursive_directory_iterator end; it != end; it.increment(error)) {
      if (error) {
        discovery.problems.push_back({it->path(), "cannot be listed: " + error.message()});
        error.clear();
        continue;
      }
      const fs::directory_entry& entry = *it;
      const fs::path& path = entry.path();
      std::error_code type_error;
      if (entry.is_directory(type_error)) {
        // Symbolic links to folders are not followed: they loop, or lead out of the tree.
        const bool skip = entry.is_symlink(type_error) ||
                          is_skipped_directory_name(path.filename().native()) ||
                          fs::exists(path / "pyvenv.cfg", type_error) || excluded(path);
        if (skip) it.disable_recursion_pending();
        continue;
      }
      if (!entry.is_regular_file(type_error)) {
        // A link to nothing (or a loop of links) named like a file we audit: say so.
        std::error_code link_error;
        if (entry.is_symlink(link_error) && source_kind(path) != SourceKind::NotAudited) {
          std::error_code target_error;
          (void)fs::status(path, target_error);
          discovery.problems.push_back(
              {path, target_error ? "cannot be read: " + target_error.message()
                                  : "not a regular file: skipped"});
        }
        continue;
      }
      if (source_kind(path) == SourceKind::NotAudited) continue;
      if (excluded(path)) continue;
      discovery.files.push_back(path);
    }
  }
  std::sort(discovery.files.begin(), discovery.files.end());
  discovery.files.erase(std::unique(discovery.files.begin(), discovery.files.end()),
                        discovery.files.end());
  return discovery;
}

}  // namespace eventlet_lsp::analyzers
