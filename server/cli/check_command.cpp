#include "server/cli/check_command.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <mutex>

#include "analyzers/workspace/check_runner.h"
#include "analyzers/workspace/file_discovery.h"
#include "protocol/position/line_index.h"
#include "server/cli/command_paths.h"
#include "server/cli/progress_bar.h"

namespace eventlet_lsp::server {

namespace {

namespace fs = std::filesystem;
using analyzers::Settings;

// "./pkg/mod.py" as "pkg/mod.py", as ruff and flake8 print paths below the current folder.
std::string display_path(const std::string& path) {
  std::string_view shown = path;
  while (shown.starts_with("./") && shown.size() > 2) shown.remove_prefix(2);
  return std::string(shown);
}

// Converts one file's findings to report rows (characters, 1-based) while its text is at hand;
// the rows a `# noqa` hides are marked `suppressed`.
std::vector<ReportedFinding> to_rows(const analyzers::FileAnalysis& analysis, const Settings& settings) {
  std::vector<ReportedFinding> rows;
  if (analysis.report.findings.empty()) return rows;
  const protocol::LineIndex index(analysis.source);
  for (const analyzers::Finding& finding : analysis.report.findings) {
    if (!settings.is_enabled(*finding.rule)) continue;
    const auto start = index.position(finding.range.start_byte, protocol::PositionEncoding::Utf32);
    const auto end = index.position(finding.range.end_byte, protocol::PositionEncoding::Utf32);
    // Editors hide a UTF-8 byte order mark: columns on the first line do not count it.
    const bool after_bom = analysis.source.starts_with("\xEF\xBB\xBF");
    auto column = [&](const protocol::Position& position) {
      return position.character + 1 - (after_bom && position.line == 0 && position.character > 0 ? 1 : 0);
    };
    ReportedFinding row;
    row.path = display_path(analysis.report.path);
    row.line = start.line + 1;
    row.column = column(start);
    row.end_line = end.line + 1;
    row.end_column = column(end);
    row.rule = finding.rule;
    row.severity = settings.severity_of(*finding.rule);
    row.message = finding.message;
    row.qualified_name = finding.qualified_name;
    row.url = rule_url(*finding.rule, settings.guide_base_url);
    row.suppressed = settings.hides(finding);
    rows.push_back(std::move(row));
  }
  return rows;
}

bool use_color(const CheckOptions& options) {
  if (options.color == "always") return true;
  if (options.color == "never") return false;
  if (std::getenv("NO_COLOR") != nullptr) return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

}  // namespace

int run_check_command(const CheckOptions& options) {
  std::optional<fs::path> explicit_config;
  if (options.config_file) {
    std::error_code error;
    if (!fs::is_regular_file(*options.config_file, error)) {
      std::cerr << "eventlet-lsp: " << *options.config_file << ": configuration file not found\n";
      return 2;
    }
    explicit_config = fs::path(*options.config_file);
  }
  analyzers::ConfigResolver resolver(options.overrides, explicit_config, options.isolated);

  std::vector<fs::path> roots;
  for (const std::string& path : options.paths) roots.emplace_back(path);
  if (roots.empty()) roots.emplace_back(".");
  // A path that does not exist is the user's error, said as one; the others are still checked.
  const bool missing_root = drop_missing_roots(roots);
  if (roots.empty()) return 2;

  auto settings_for = [&](const fs::path& path) -> const Settings* {
    std::error_code error;
    const fs::path directory = fs::is_directory(path, error) ? path : path.parent_path();
    return resolver.for_directory(directory.empty() ? fs::path(".") : directory);
  };
  // Configuration errors stop the run before anything is read: a typo must not pass silently.
  for (const fs::path& root : roots) {
    if (settings_for(root) == nullptr) break;
  }
  analyzers::Discovery discovery = analyzers::discover_files(roots, [&](const fs::path& path) {
    const Settings* settings = settings_for(path);
    return settings == nullptr || settings->is_excluded(path);
  });
  if (resolver.error()) {
    std::cerr << "eventlet-lsp: invalid configuration: " << resolver.error()->to_string() << '\n';
    return 2;
  }

  CheckReport report;
  bool missing_path = false;
  for (const analyzers::DiscoveryProblem& problem : discovery.problems) {
    const bool is_root = std::find(roots.begin(), roots.end(), problem.path) != roots.end();
    missing_path = missing_path || is_root;
    report.problems.push_back({display_path(problem.path.string()), problem.message});
  }
  std::vector<const Settings*> file_settings;
  file_settings.reserve(discovery.files.size());
  for (const fs::path& file : discovery.files) file_settings.push_back(settings_for(file));

  std::vector<std::vector<ReportedFinding>> rows(discovery.files.size());
  std::mutex problems_mutex;
  std::size_t analysed = 0;
  ProgressBar progress(options.progress);
  analyzers::CheckRunOptions run_options;
  run_options.threads = options.threads;
  run_options.analysis.honour_noqa = !options.ignore_noqa;
  if (options.max_file_bytes != 0) run_options.max_file_bytes = options.max_file_bytes;
  analyzers::run_check(
      discovery.files, run_options,
      [&](std::size_t index, analyzers::FileAnalysis&& analysis) {
        rows[index] = to_rows(analysis, *file_settings[index]);
        std::lock_guard lock(problems_mutex);
        if (analysis.report.analysed) ++analysed;
        for (const analyzers::FileProblem& problem : analysis.report.problems)
          report.problems.push_back({display_path(analysis.report.path), problem.message});
      },
      [&](std::size_t done, std::size_t total) { progress.update(done, total); });

  report.files_checked = analysed;
  for (auto& file_rows : rows) {
    for (auto& row : file_rows) (row.suppressed ? report.suppressed : report.findings).push_back(std::move(row));
  }
  std::sort(report.problems.begin(), report.problems.end(),
            [](const ReportedProblem& a, const ReportedProblem& b) { return a.path < b.path; });
  for (const ReportedProblem& problem : report.problems)
    std::cerr << "eventlet-lsp: warning: " << problem.path << ": " << problem.message << '\n';

  const std::string guide_base_url =
      file_settings.empty() || file_settings.front() == nullptr ? std::string(analyzers::kDefaultGuideBaseUrl)
                                                               : file_settings.front()->guide_base_url;
  switch (options.format) {
    case ReportFormat::Text: write_text_report(std::cout, report, options.summary, use_color(options)); break;
    case ReportFormat::Json: write_json_report(std::cout, report); break;
    case ReportFormat::Sarif: write_sarif_report(std::cout, report, guide_base_url); break;
    case ReportFormat::Github: write_github_report(std::cout, report); break;
  }
  std::cout.flush();
  if (missing_path || missing_root) return 2;
  if (!report.findings.empty() && !options.exit_zero) return 1;
  return 0;
}

}  // namespace eventlet_lsp::server
