#include "server/cli/fix_command.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "analyzers/fixes/fix_engine.h"
#include "analyzers/workspace/file_discovery.h"
#include "analyzers/workspace/source_file.h"
#include "server/cli/command_paths.h"
#include "server/cli/unified_diff.h"

namespace eventlet_lsp::server {

namespace {

namespace fs = std::filesystem;

// Writes next to the file, then renames over it: readers see the old or the new file, never
// half of one. The file keeps its permissions.
bool write_atomically(const fs::path& path, const std::string& text, std::string& error) {
  struct stat status{};
  if (::stat(path.c_str(), &status) != 0) {
    error = "cannot stat";
    return false;
  }
  std::string temporary = path.string() + ".eventlet-lsp.XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) {
    error = "cannot create a temporary file beside it";
    return false;
  }
  std::string_view data = text;
  bool ok = true;
  while (!data.empty()) {
    const ssize_t written = ::write(fd, data.data(), data.size());
    if (written < 0) {
      ok = false;
      break;
    }
    data.remove_prefix(static_cast<std::size_t>(written));
  }
  ok = ok && ::fchmod(fd, status.st_mode & 07777) == 0 && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temporary.c_str(), path.c_str()) != 0) {
    ::unlink(temporary.c_str());
    error = "cannot write";
    return false;
  }
  return true;
}

std::string display(const fs::path& path) {
  std::string shown = path.string();
  while (shown.starts_with("./") && shown.size() > 2) shown.erase(0, 2);
  return shown;
}

}  // namespace

int run_fix_command(const FixOptions& options) {
  std::optional<fs::path> explicit_config;
  if (options.config_file) explicit_config = fs::path(*options.config_file);
  analyzers::ConfigResolver resolver(options.overrides, explicit_config, options.isolated);
  std::vector<fs::path> roots(options.paths.begin(), options.paths.end());
  if (roots.empty()) roots.emplace_back(".");
  // A path that does not exist is the user's error, said as one: nothing is "applied" to it.
  const bool missing_root = drop_missing_roots(roots);
  if (roots.empty()) return 2;
  auto settings_for = [&](const fs::path& path) {
    std::error_code error;
    const fs::path directory = fs::is_directory(path, error) ? path : path.parent_path();
    return resolver.for_directory(directory.empty() ? fs::path(".") : directory);
  };
  const analyzers::Discovery discovery = analyzers::discover_files(roots, [&](const fs::path& path) {
    const analyzers::Settings* settings = settings_for(path);
    return settings == nullptr || settings->is_excluded(path);
  });
  if (resolver.error()) {
    std::cerr << "eventlet-lsp: invalid configuration: " << resolver.error()->to_string() << '\n';
    return 2;
  }
  int status = missing_root ? 2 : 0;
  for (const auto& problem : discovery.problems) {
    std::cerr << "eventlet-lsp: warning: " << display(problem.path) << ": " << problem.message << '\n';
    status = 2;
  }
  std::ostream& report = options.diff ? std::cerr : std::cout;
  analyzers::PythonParser parser;
  std::size_t files_changed = 0;
  std::size_t fixes = 0;
  std::size_t left = 0;
  for (const fs::path& file : discovery.files) {
    if (analyzers::source_kind(file) != analyzers::SourceKind::Python) continue;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << "eventlet-lsp: warning: " << display(file) << ": cannot be read\n";
      status = 2;
      continue;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string before = buffer.str();
    if (before.find("eventlet") == std::string::npos && before.find("EVENTLET") == std::string::npos) continue;
    const analyzers::Settings* settings = settings_for(file);
    analyzers::FileFixResult result =
        analyzers::fix_file(before, analyzers::FileFixOptions{*settings, options.unsafe, std::nullopt}, parser);
    left += result.remaining.size();
    if (result.text != before) {
      ++files_changed;
      fixes += result.applied.size();
      if (options.diff) {
        std::cout << unified_diff(before, result.text, "a/" + display(file), "b/" + display(file));
      } else {
        std::string error;
        if (!write_atomically(file, result.text, error)) {
          std::cerr << "eventlet-lsp: error: " << display(file) << ": " << error << ": left unchanged\n";
          status = 2;
          continue;
        }
      }
      for (const analyzers::AppliedFix& applied : result.applied) {
        report << display(file) << ':' << applied.row + 1 << ": " << applied.rule->code << " fixed ("
               << analyzers::to_string(applied.safety) << "): " << applied.title << '\n';
      }
    }
    for (const analyzers::Finding& finding : result.remaining) {
      report << display(file) << ':' << finding.range.start.row + 1 << ':' << finding.range.start.column + 1 << ": "
             << finding.rule->code << " left for a person: " << finding.message << '\n';
    }
  }
  report << (options.diff ? "Would apply " : "Applied ") << fixes << " fix" << (fixes == 1 ? "" : "es") << " in "
         << files_changed << " file" << (files_changed == 1 ? "" : "s") << "; " << left << " usage"
         << (left == 1 ? "" : "s") << " left for a person"
         << (options.unsafe ? "" : " (add --unsafe for the rewrites that may change behaviour)") << '\n';
  if (status != 0) return status;
  return left > 0 && !options.exit_zero ? 1 : 0;
}

}  // namespace eventlet_lsp::server
