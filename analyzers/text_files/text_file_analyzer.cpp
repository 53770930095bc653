#include "analyzers/text_files/text_file_analyzer.h"

#include <algorithm>

#include "analyzers/text_files/text_audits.h"

namespace eventlet_lsp::analyzers {

namespace {

std::string_view base_name(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view parent_name(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  if (slash == std::string_view::npos) return {};
  return base_name(path.substr(0, slash));
}

bool ends_with_any(std::string_view name, std::initializer_list<std::string_view> suffixes) {
  return std::any_of(suffixes.begin(), suffixes.end(),
                     [name](std::string_view suffix) { return name.ends_with(suffix); });
}

}  // namespace

TextFileKind text_file_kind(std::string_view path) {
  const std::string_view name = base_name(path);
  if (name == "setup.cfg") return TextFileKind::SetupCfg;
  if (name == "tox.ini") return TextFileKind::ToxIni;
  if (name == ".coveragerc") return TextFileKind::CoverageRc;
  if (name == "pyproject.toml") return TextFileKind::PyprojectToml;
  if (name.ends_with(".txt") || name.ends_with(".in")) {
    const bool requirements = name.find("requirements") != std::string_view::npos ||
                              name.find("constraints") != std::string_view::npos ||
                              parent_name(path) == "requirements";
    return requirements ? TextFileKind::Requirements : TextFileKind::NotAudited;
  }
  if (name == "Procfile" || name == "Makefile" || name == ".env" || name.starts_with("Dockerfile") ||
      name.starts_with("Containerfile") || name.starts_with("gunicorn") ||
      ends_with_any(name, {".sh", ".bash", ".service", ".yaml", ".yml", ".ini", ".cfg", ".conf",
                           ".env", ".toml", ".j2"})) {
    return TextFileKind::Other;
  }
  return TextFileKind::NotAudited;
}

std::vector<Finding> analyze_text_file(TextFileKind kind, std::string_view text,
                                       std::vector<FileProblem>& problems,
                                       const AnalysisOptions& options) {
  TextFindings findings(text, options.honour_noqa);
  switch (kind) {
    case TextFileKind::NotAudited: return {};
    case TextFileKind::Requirements: audit_requirements(findings); break;
    case TextFileKind::SetupCfg:
    case TextFileKind::ToxIni:
    case TextFileKind::CoverageRc: audit_ini(findings, kind); break;
    case TextFileKind::PyprojectToml: audit_pyproject(findings, problems); break;
    case TextFileKind::Other: break;
  }
  audit_command_lines(findings);
  return std::move(findings).take();
}

}  // namespace eventlet_lsp::analyzers
