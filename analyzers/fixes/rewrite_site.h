// Where a finding sits in the tree, as the rewrites need it: the reference node, the call around
// it, the statement holding the call, whether it runs inside `async def`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzers/core/finding.h"
#include "analyzers/fixes/fix.h"
#include "analyzers/fixes/import_bookkeeping.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {

struct RewriteSite {
  const SyntaxTree& tree;
  const Finding& finding;
  SyntaxPath path;             // root .. the reference node
  TSNode call{};               // the call whose function is the reference, or null
  bool call_is_statement = false;  // the call is a whole expression statement
  bool in_async_def = false;
  const std::vector<Finding>* all_findings = nullptr;  // the file's, for rewrites that look wider

  TSNode reference() const { return path.back().node; }
  std::string_view text(TSNode node) const { return tree.text(node); }
  // The arguments of the call as written, without the parentheses ("" for none).
  std::string arguments_text() const;
  // The statement node holding the call (for a call_is_statement site).
  TSNode statement() const;
};

std::optional<RewriteSite> locate_site(const SyntaxTree& tree, const Finding& finding);

// A rewrite's proposal before import bookkeeping: edits at the site and the imports they need.
struct Rewrite {
  std::string title;
  FixSafety safety = FixSafety::Unsafe;
  MigrationTarget target = MigrationTarget::Threading;
  std::vector<TextEdit> edits;
  std::vector<ImportNeed> imports;
  std::vector<std::string> module_lines;  // module-level statements it needs (after the imports)
};

// Replacing a statement by nothing: its whole line(s), or `pass` when it is its block's only
// statement.
TextEdit remove_statement(const SyntaxTree& tree, TSNode statement);

}  // namespace eventlet_lsp::analyzers
