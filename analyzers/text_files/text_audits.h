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

// Any text: a variable holding gunicorn's (celery's) Eventlet option, `DAEMON_ARGS=-k eventlet`,
// when a gunicorn (celery) command line of the same file expands it (`$DAEMON_ARGS`), or when
// the program reads it itself (GUNICORN_CMD_ARGS, CELERYD_OPTS): EL102 (EL903) on the option.
void audit_option_variables(TextFindings& findings);

// The logical lines of a command file: physical lines joined by a trailing backslash (shell,
// Dockerfile, systemd) or caret (cmd.exe). [start, end) of the text, without the last newline.
struct LineSpan {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};
std::vector<LineSpan> logical_lines(std::string_view text);

}  // namespace eventlet_lsp::analyzers
