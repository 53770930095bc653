#include <ostream>

#include "server/cli/report/check_report.h"

namespace eventlet_lsp::server {

namespace {

// GitHub workflow commands: data escapes %, CR, LF; properties also ':' and ','.
std::string escape(std::string_view text, bool property) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '%': escaped += "%25"; break;
      case '\r': escaped += "%0D"; break;
      case '\n': escaped += "%0A"; break;
      case ':': escaped += property ? "%3A" : ":"; break;
      case ',': escaped += property ? "%2C" : ","; break;
      default: escaped += c;
    }
  }
  return escaped;
}

const char* command(analyzers::Severity severity) {
  switch (severity) {
    case analyzers::Severity::Error: return "error";
    case analyzers::Severity::Warning: return "warning";
    default: return "notice";
  }
}

}  // namespace

void write_github_report(std::ostream& out, const CheckReport& report) {
  for (const ReportedFinding& finding : report.findings) {
    const std::string title = std::string(finding.rule->code) + " " + std::string(finding.rule->name);
    out << "::" << command(finding.severity) << " file=" << escape(finding.path, true)
        << ",line=" << finding.line << ",col=" << finding.column << ",endLine=" << finding.end_line
        << ",endColumn=" << finding.end_column << ",title=" << escape(title, true) << "::"
        << escape(finding.message + " (" + finding.url + ")", false) << '\n';
  }
}

}  // namespace eventlet_lsp::server
