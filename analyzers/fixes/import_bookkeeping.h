// The imports a rewrite needs, and the Eventlet imports it leaves unused.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzers/fixes/fix.h"
#include "analyzers/parse/syntax_tree.h"

namespace eventlet_lsp::analyzers {

struct ImportNeed {
  std::string module;  // "time", "concurrent.futures"
  std::string name;    // empty: `import module`; else `from module import name`
  std::string alias;   // `import module as alias` (set when the plain name is taken)
  friend bool operator==(const ImportNeed&, const ImportNeed&) = default;
};

// Whether the file binds `name` at module level to something else than `import name` (an
// Eventlet import of that name, a function, a class, an assignment).
bool module_name_taken(const SyntaxTree& tree, std::string_view name);

// The edit that makes `need` available at module level: nothing when an import already binds it,
// a name added to an existing single-line `from module import ...`, else a new line after the
// leading imports (after the docstring and `from __future__` imports when there are none).
std::optional<TextEdit> add_import(const SyntaxTree& tree, const ImportNeed& need);

// Inserts a module-level statement (`_BACKGROUND_TASKS = set()`) after the leading imports,
// unless the file already has that exact line.
std::optional<TextEdit> add_module_line(const SyntaxTree& tree, std::string_view line);

// Edits removing the Eventlet imports (whole statements, or names of a `from` import) that no
// code in `tree` uses any more. A name listed in `__all__` counts as used.
std::vector<TextEdit> remove_unused_eventlet_imports(const SyntaxTree& tree);

// The newline the text uses ("\r\n" when its first line ends so).
std::string_view newline_of(std::string_view text);

}  // namespace eventlet_lsp::analyzers
