// The edit behind "Disable ELnnn for this line": a coded `# noqa: ELnnn` on the finding's line.
#pragma once

#include "analyzers/core/finding.h"
#include "analyzers/fixes/fix.h"
#include "analyzers/parse/syntax_tree.h"

namespace eventlet_lsp::analyzers {

// Joins the code to a coded `# noqa: E402` already on the line (`# noqa: E402, EL801`), so one
// comment serves both linters. Otherwise, a bare `# noqa` or any other comment included, adds
// `  # noqa: EL801` at the end of the line: a bare `# noqa` keeps meaning "every code" to flake8,
// which reads the first directive, and this tool reads the coded one.
TextEdit noqa_comment_edit(const SyntaxTree& tree, const Finding& finding);

}  // namespace eventlet_lsp::analyzers
