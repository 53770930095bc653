// The audit of the files around the Python code: dependency declarations, tool configuration,
// command lines and environment settings that name Eventlet (EL102, EL9xx).
#pragma once

#include <string_view>
#include <vector>

#include "analyzers/core/finding.h"

namespace eventlet_lsp::analyzers {

enum class TextFileKind : std::uint8_t {
  NotAudited,
  Requirements,   // requirements*.txt, constraints*.txt, requirements*.in, requirements/**.txt, *-requires
  SetupCfg,       // setup.cfg
  ToxIni,         // tox.ini
  CoverageRc,     // .coveragerc
  PyprojectToml,  // pyproject.toml
  Other,          // shell and cmd.exe scripts, Procfile, Dockerfile, systemd units, supervisord
                  // .conf, YAML, INI, .env: command lines and env vars
};

// Which audit a file gets, from its path alone.
TextFileKind text_file_kind(std::string_view path);

// Whether a file reads as a pip requirements file: every line that is not blank or a comment is
// a requirement (`name[extras] <specifier or ; marker or @ url>`), a pip option (`-r x.txt`,
// `--hash=...`) or a URL, and at least one is a requirement. For files named explicitly whose
// name says nothing (`check deploy/deps.txt`); prose fails it at its first sentence.
bool looks_like_requirements(std::string_view text);

// Findings of one non-Python file. Problems (a malformed pyproject.toml) are appended to
// `problems`; the scan of the rest goes on.
std::vector<Finding> analyze_text_file(TextFileKind kind, std::string_view text,
                                       std::vector<FileProblem>& problems,
                                       const AnalysisOptions& options = {});

}  // namespace eventlet_lsp::analyzers
