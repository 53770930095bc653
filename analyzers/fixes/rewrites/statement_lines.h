// Lines around a statement, for rewrites that add whole lines before or after one (an executor
// created before a submit, a comment above a changed constructor).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/fixes/fix.h"
#include "analyzers/parse/syntax_tree.h"

namespace eventlet_lsp::analyzers {

// The indentation of a statement that starts its line (only spaces and tabs before it); nullopt
// when something else precedes it on the line (`if x: statement`).
std::optional<std::string> statement_indent(const SyntaxTree& tree, TSNode statement);

// Whether nothing but spaces and a comment follows the statement on its last line (no `; more`).
bool statement_ends_line(const SyntaxTree& tree, TSNode statement);

// An edit adding `line` (without its newline) on a line of its own just before the statement's
// first line, at `indent`. The statement must start its line.
TextEdit line_before(const SyntaxTree& tree, TSNode statement, const std::string& indent, const std::string& line);

// The same, just after the statement's last line (after a trailing comment, if any).
TextEdit line_after(const SyntaxTree& tree, TSNode statement, const std::string& indent, const std::string& line);

// Insertions at one point become one, in the order they were added (the line after a statement
// and the line before the next one). The engine refuses two insertions at one point.
std::vector<TextEdit> merge_insertions_in_order(std::vector<TextEdit> edits);

}  // namespace eventlet_lsp::analyzers
