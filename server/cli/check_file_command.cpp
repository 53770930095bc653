#include "server/cli/check_file_command.h"

#include <chrono>
#include <fstream>
#include <ostream>
#include <sstream>

#include "analyzers/config/config_resolver.h"
#include "analyzers/core/utf8.h"
#include "analyzers/python/binding_collector.h"
#include "analyzers/python/python_analyzer.h"
#include "analyzers/text_files/text_file_analyzer.h"
#include "analyzers/workspace/source_file.h"
#include "protocol/lsp/client_capabilities.h"
#include "server/features/diagnostics.h"
#include "server/features/hover.h"
#include "server/session/document.h"
#include "server/session/document_store.h"

namespace eventlet_lsp::server {

namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int run_check_file_command(const std::string& path, std::ostream& out) {
  out << "== 1. read\n";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out << path << ": cannot be read\n";
    return 2;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  std::uint32_t bad = 0;
  const bool utf8 = analyzers::is_valid_utf8(text, &bad);
  out << path << ": " << text.size() << " bytes, "
      << (utf8 ? "valid UTF-8" : "NOT valid UTF-8 (first bad byte at offset " + std::to_string(bad) + ")") << '\n';

  out << "\n== 2. configuration\n";
  analyzers::ConfigResolver resolver({}, std::nullopt, false);
  const std::filesystem::path file(path);
  const analyzers::Settings* settings = resolver.for_directory(file.parent_path().empty() ? "." : file.parent_path());
  if (settings == nullptr) {
    out << "invalid configuration: " << resolver.error()->to_string() << '\n';
    return 2;
  }
  out << (settings->config_file.empty() ? std::string("no [tool.eventlet-lsp] table: defaults")
                                        : "from " + settings->config_file.string())
      << ", target " << analyzers::to_string(settings->target) << '\n';

  Document document;
  document.uri = uri_from_path(file);
  document.path = file;
  const bool python = is_python_document("", file);
  out << "\n== 3. parse (" << (python ? "Python, full tree as the editor keeps it" : "text file") << ")\n";
  analyzers::PythonParser parser;
  const auto parse_start = Clock::now();
  if (python) {
    document.tree = parser.parse(std::move(text));
    out << "parsed in " << milliseconds_since(parse_start) << " ms, "
        << (document.tree.has_error() ? "with syntax errors (analysed anyway)" : "no syntax error") << '\n';
  } else {
    document.text = std::move(text);
  }
  document.index = std::make_unique<protocol::LineIndex>(document.source());

  out << "\n== 4. bindings and analysis\n";
  const auto analysis_start = Clock::now();
  if (python) {
    const analyzers::ScopeModel model = analyzers::collect_bindings(document.tree);
    out << "candidate names:";
    for (std::string_view name : model.candidate_names) out << ' ' << name;
    out << "\neventlet imports: " << model.eventlet_imports.size() << ", uses looked at: " << model.uses.size()
        << ", scopes: " << model.scopes.size() << '\n';
    document.findings = analyzers::analyze_python(document.tree, model);
  } else {
    std::vector<analyzers::FileProblem> problems;
    // As `check` does for a file named explicitly: one that reads as requirements is audited as one.
    analyzers::TextFileKind kind = analyzers::text_file_kind(path);
    if (kind == analyzers::TextFileKind::NotAudited && analyzers::looks_like_requirements(document.text))
      kind = analyzers::TextFileKind::Requirements;
    out << "text file kind: " << (kind == analyzers::TextFileKind::NotAudited ? "not audited" : "audited") << '\n';
    document.findings = analyzers::analyze_text_file(kind, document.text, problems);
    for (const auto& problem : problems) out << "problem: " << problem.message << '\n';
  }
  out << document.findings.size() << " findings in " << milliseconds_since(analysis_start) << " ms\n";
  for (const analyzers::Finding& finding : document.findings) {
    out << "  " << finding.range.start.row + 1 << ':' << finding.range.start.column + 1 << ' '
        << finding.rule->code << ' ' << finding.qualified_name << (!settings->is_enabled(*finding.rule) ? " (not selected)" : settings->hides(finding) ? " (hidden by # noqa)" : finding.suppression == analyzers::Suppression::BareNoqa ? " (bare # noqa: shown)" : "")
        << '\n';
  }

  out << "\n== 5. diagnostics as published (UTF-16 positions)\n";
  protocol::ClientCapabilities client;
  client.diagnostic_related_information = true;
  client.diagnostic_deprecated_tag = true;
  client.hover_markdown = true;
  out << to_lsp_diagnostics(document.findings, *document.index, document.uri,
                            DiagnosticOptions{*settings, client, true})
             .dump(2)
      << '\n';

  out << "\n== 6. hovers\n";
  for (const analyzers::Finding& finding : document.findings) {
    if (!settings->reports(finding)) continue;
    const auto hover = hover_at(document, finding.range.start_byte, *settings, true, protocol::PositionEncoding::Utf16);
    out << "-- at " << finding.range.start.row + 1 << ':' << finding.range.start.column + 1 << '\n'
        << (hover.is_null() ? std::string("(none)") : hover["contents"]["value"].get<std::string>()) << "\n\n";
  }
  return 0;
}

}  // namespace eventlet_lsp::server
