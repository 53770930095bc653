// Pass 1 over a file: the scopes, bindings and uses of every name that may stand for Eventlet.
// It starts from the occurrences of the word "eventlet" (imports), follows the names they bind
// and the names their values flow into (`pool = eventlet.GreenPool()`), and looks at nothing
// else: a file's cost follows its Eventlet usage, not its size. Occurrences outside `area` are
// not looked at.
#pragma once

#include <optional>

#include "analyzers/parse/python_grammar.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/scope_model.h"
#include "analyzers/python/search_area.h"

namespace eventlet_lsp::analyzers {

// The scope a node opens, if it opens one.
std::optional<Scope::Kind> scope_opened_by(NodeKind kind);

// The async keyword of `async def`.
bool is_async_function(TSNode function_definition);

ScopeModel collect_bindings(const SyntaxTree& tree, const SearchArea& area = SearchArea());

}  // namespace eventlet_lsp::analyzers
