// Pass 1 over a file: scopes, bindings, Eventlet imports.
#pragma once

#include <optional>

#include "analyzers/parse/python_grammar.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/scope_model.h"

namespace eventlet_lsp::analyzers {

// The scope a node opens, if it opens one. Both passes push scopes at the same nodes in the
// same order, so a scope's index identifies it in both.
std::optional<Scope::Kind> scope_opened_by(NodeKind kind);

// The async keyword of `async def`.
bool is_async_function(TSNode function_definition);

ScopeModel collect_bindings(const SyntaxTree& tree);

}  // namespace eventlet_lsp::analyzers
