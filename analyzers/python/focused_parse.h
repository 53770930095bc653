// Parsing for the batch audit: only the statements where a name that may stand for Eventlet
// occurs, with the headers of the blocks around them, are parsed (tree-sitter included
// ranges); the rest of a file costs a lexical scan. The result is checked: when the binding pass ends up following a name into a statement
// that was left out, or the partial parse has errors, the file is parsed whole.
#pragma once

#include <string>
#include <vector>

#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/scope_model.h"

namespace eventlet_lsp::analyzers {

struct FocusedParse {
  SyntaxTree tree;
  std::vector<TSRange> ranges;  // the parsed statements; empty when the whole text was parsed
};

// Parses `source`, possibly partially. Call `covers_all_uses` with the binding pass's result on
// a partial parse and reparse whole when it says no.
FocusedParse parse_focused(std::string source, PythonParser& parser);

// Whether every occurrence of every candidate name and attribute lies in the parsed statements.
bool covers_all_uses(const FocusedParse& parse, const ScopeModel& model);

}  // namespace eventlet_lsp::analyzers
