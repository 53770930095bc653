#include "analyzers/text_files/text_file_analyzer.h"

#include <algorithm>

#include "analyzers/text_files/text_audits.h"

namespace eventlet_lsp::analyzers {

namespace {

std::string_view base_name(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Whether a folder of the path, at any depth, is named `folder` (`requirements/py3/test.txt`).
bool inside_folder(std::string_view path, std::string_view folder) {
  const std::size_t slash = path.find_last_of('/');
  if (slash == std::string_view::npos) return false;
  for (std::string_view rest = path.substr(0, slash + 1); !rest.empty();) {
    const std::size_t end = rest.find('/');
    if (rest.substr(0, end) == folder) return true;
    rest.remove_prefix(end + 1);
  }
  return false;
}

// pip requirement files by name: requirements*.txt, constraints*.txt, requirements*.in, and the
// `*-requires` of older projects (tools/pip-requires, test-requires).
bool is_requirements_name(std::string_view path, std::string_view name) {
  std::string_view stem = name;
  const bool text = stem.ends_with(".txt") || stem.ends_with(".in");
  if (text) stem.remove_suffix(stem.ends_with(".in") ? 3 : 4);
  if (stem.ends_with("-requires")) return true;
  if (!text) return false;
  return stem.find("requirements") != std::string_view::npos ||
         stem.find("constraints") != std::string_view::npos || inside_folder(path, "requirements");
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
  if (is_requirements_name(path, name)) return TextFileKind::Requirements;
  if (name.ends_with(".txt") || name.ends_with(".in")) return TextFileKind::NotAudited;
  if (name.starts_with("Procfile") || name == "Makefile" || name == ".env" || name.starts_with(".env.") ||
      name.starts_with("Dockerfile") || name.starts_with("Containerfile") || name.starts_with("gunicorn") ||
      ends_with_any(name, {".sh", ".bash", ".service", ".yaml", ".yml", ".ini", ".cfg", ".conf",
                           ".env", ".toml", ".j2", ".cmd", ".bat"})) {
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
  audit_option_variables(findings);
  return std::move(findings).take();
}

}  // namespace eventlet_lsp::analyzers
