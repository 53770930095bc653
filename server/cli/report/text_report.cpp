#include <algorithm>
#include <iomanip>
#include <map>
#include <ostream>
#include <set>
#include <tuple>

#include "analyzers/catalog/rule_registry.h"
#include "server/cli/report/check_report.h"

namespace eventlet_lsp::server {

std::string rule_url(const analyzers::RuleDefinition& rule, const std::string& guide_base_url) {
  return guide_base_url + std::string(rule.guide_path);
}

std::vector<const ReportedFinding*> rows_in_order(const CheckReport& report) {
  std::vector<const ReportedFinding*> rows;
  rows.reserve(report.findings.size() + report.suppressed.size());
  for (const ReportedFinding& row : report.findings) rows.push_back(&row);
  for (const ReportedFinding& row : report.suppressed) rows.push_back(&row);
  std::stable_sort(rows.begin(), rows.end(), [](const ReportedFinding* a, const ReportedFinding* b) {
    return std::tie(a->path, a->line, a->column) < std::tie(b->path, b->line, b->column);
  });
  return rows;
}

namespace {

struct Tally {
  std::size_t usages = 0;
  std::set<std::string_view> files;
};

const char* severity_color(analyzers::Severity severity) {
  switch (severity) {
    case analyzers::Severity::Error: return "\033[31m";
    case analyzers::Severity::Warning: return "\033[33m";
    default: return "\033[36m";
  }
}

}  // namespace

void write_text_report(std::ostream& out, const CheckReport& report, bool summary, bool color) {
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  for (const ReportedFinding& finding : report.findings) {
    out << bold << finding.path << reset << ':' << finding.line << ':' << finding.column << ": "
        << (color ? severity_color(finding.severity) : "") << finding.rule->code << reset << ' '
        << finding.message << '\n';
  }
  if (!summary) return;

  std::map<analyzers::Scenario, Tally> by_scenario;
  std::map<std::string_view, Tally> by_rule;
  std::set<std::string_view> files;
  for (const ReportedFinding& finding : report.findings) {
    Tally& scenario = by_scenario[finding.rule->scenario];
    ++scenario.usages;
    scenario.files.insert(finding.path);
    Tally& rule = by_rule[finding.rule->code];
    ++rule.usages;
    rule.files.insert(finding.path);
    files.insert(finding.path);
  }
  if (!report.findings.empty()) out << '\n';
  out << bold << "Eventlet inventory" << reset << ": " << report.findings.size() << " usage"
      << (report.findings.size() == 1 ? "" : "s") << " in " << files.size() << " of "
      << report.files_checked << " file" << (report.files_checked == 1 ? "" : "s") << " checked";
  if (!report.problems.empty()) {
    std::set<std::string_view> troubled;
    for (const ReportedProblem& problem : report.problems) troubled.insert(problem.path);
    out << " (" << troubled.size() << " with problems, see stderr)";
  }
  out << '\n';
  if (!report.suppressed.empty()) {
    // What `# noqa` comments hide is said, never silently dropped.
    std::map<std::string_view, std::size_t> hidden;
    for (const ReportedFinding& finding : report.suppressed) ++hidden[finding.rule->code];
    out << report.suppressed.size() << " more hidden by `# noqa` (";
    bool first = true;
    for (const auto& [code, count] : hidden) {
      out << (first ? "" : ", ") << code << ' ' << count;
      first = false;
    }
    out << "); --ignore-noqa shows them\n";
  }
  if (report.findings.empty()) return;

  out << '\n' << std::left << std::setw(44) << "Scenario (migration guide audit)" << std::right
      << std::setw(8) << "Usages" << std::setw(8) << "Files" << '\n';
  for (const auto& [scenario, tally] : by_scenario) {
    std::string title = std::to_string(static_cast<int>(scenario)) + " " +
                        std::string(analyzers::to_string(scenario));
    out << "  " << std::left << std::setw(42) << title << std::right << std::setw(8)
        << tally.usages << std::setw(8) << tally.files.size() << '\n';
  }
  out << '\n' << std::left << std::setw(44) << "Rule" << std::right << std::setw(8) << "Usages"
      << std::setw(8) << "Files" << '\n';
  for (const auto& [code, tally] : by_rule) {
    const analyzers::RuleDefinition& rule = analyzers::rule(code);
    std::string title = std::string(rule.code) + " " + std::string(rule.name);
    out << "  " << std::left << std::setw(42) << title << std::right << std::setw(8)
        << tally.usages << std::setw(8) << tally.files.size() << '\n';
  }

  // Files ranked by usages: where the migration work is.
  std::map<std::string_view, std::size_t> per_file;
  for (const ReportedFinding& finding : report.findings) ++per_file[finding.path];
  std::vector<std::pair<std::string_view, std::size_t>> ranked(per_file.begin(), per_file.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  const std::size_t shown = std::min<std::size_t>(ranked.size(), 10);
  out << '\n' << "Files with the most usages" << (ranked.size() > shown ? " (top 10)" : "") << '\n';
  for (std::size_t i = 0; i < shown; ++i) {
    out << "  " << std::right << std::setw(6) << ranked[i].second << "  " << ranked[i].first << '\n';
  }
}

}  // namespace eventlet_lsp::server
