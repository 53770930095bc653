// One audit per kind of text file; text_file_analyzer.cpp picks which run.
#pragma once

#include <vector>

#include "analyzers/text_files/text_file_analyzer.h"
#include "analyzers/text_files/text_findings.h"

namespace eventlet_lsp::analyzers {

// requirements*.txt: one requirement a line (EL901).
void audit_requirements(TextFindings& findings);

// setup.cfg, tox.ini, .coveragerc: dependency keys (EL901) and coverage concurrency (EL902).
void audit_ini(TextFindings& findings, TextFileKind kind);

// pyproject.toml: PEP 621 / Poetry / dependency-groups dependencies (EL901) and
// tool.coverage.run.concurrency (EL902).
void audit_pyproject(TextFindings& findings, std::vector<FileProblem>& problems);

// Any text: gunicorn's eventlet worker (EL102), celery's eventlet pool (EL903), EVENTLET_*
// environment variables (EL904).
void audit_command_lines(TextFindings& findings);

}  // namespace eventlet_lsp::analyzers
