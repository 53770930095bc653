// The result of `check`, in the units people and CI tools read: 1-based lines and columns
// counted in characters. Formats (text, json, sarif, github) render it.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::server {

struct ReportedFinding {
  std::string path;
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::uint32_t end_line = 1;
  std::uint32_t end_column = 1;
  const analyzers::RuleDefinition* rule = nullptr;
  analyzers::Severity severity = analyzers::Severity::Warning;
  std::string message;
  std::string qualified_name;
  std::string url;
  bool suppressed = false;  // hidden by a `# noqa` comment: counted and carried, never shown as a usage
};

struct ReportedProblem {
  std::string path;
  std::string message;
};

struct CheckReport {
  std::vector<ReportedFinding> findings;    // sorted by path, then position
  std::vector<ReportedFinding> suppressed;  // what `# noqa` hides, in the same order
  std::vector<ReportedProblem> problems;
  std::size_t files_checked = 0;
};

enum class ReportFormat { Text, Json, Sarif, Github };

void write_text_report(std::ostream& out, const CheckReport& report, bool summary, bool color);
void write_json_report(std::ostream& out, const CheckReport& report);
void write_sarif_report(std::ostream& out, const CheckReport& report, const std::string& guide_base_url);
void write_github_report(std::ostream& out, const CheckReport& report);

std::string rule_url(const analyzers::RuleDefinition& rule, const std::string& guide_base_url);

// The reported and the suppressed rows together, by path then position (JSON and SARIF carry both).
std::vector<const ReportedFinding*> rows_in_order(const CheckReport& report);

}  // namespace eventlet_lsp::server
