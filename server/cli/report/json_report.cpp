#include <nlohmann/json.hpp>

#include <ostream>

#include "server/cli/report/check_report.h"

namespace eventlet_lsp::server {

void write_json_report(std::ostream& out, const CheckReport& report) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const ReportedFinding* row : rows_in_order(report)) {
    const ReportedFinding& finding = *row;
    findings.push_back({
        {"path", finding.path},
        {"line", finding.line},
        {"column", finding.column},
        {"end_line", finding.end_line},
        {"end_column", finding.end_column},
        {"code", finding.rule->code},
        {"name", finding.rule->name},
        {"scenario", analyzers::scenario_slug(finding.rule->scenario)},
        {"severity", analyzers::to_string(finding.severity)},
        {"message", finding.message},
        {"url", finding.url},
        {"qualified_name", finding.qualified_name},
        {"suppressed", finding.suppressed},
    });
  }
  // Invalid UTF-8 in a message (a non-UTF-8 file) is replaced rather than aborting the report.
  out << findings.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace eventlet_lsp::server
