// Values of Python literals as written in the tree: plain strings and numbers only.
#pragma once

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>

#include "analyzers/parse/syntax_tree.h"

namespace eventlet_lsp::analyzers {

// The value of a plain string literal (no f-string interpolation, no escape sequences, no
// bytes); nullopt otherwise.
std::optional<std::string_view> plain_string_value(const SyntaxTree& tree, TSNode string);

// True for `0`, `0.0`, `0.`, `0e0`, `0x0`...: a numeric literal equal to zero.
bool is_zero_literal(const SyntaxTree& tree, TSNode node);

// The first positional argument of a call, or the keyword argument `keyword`; null if none.
TSNode call_argument(const SyntaxTree& tree, TSNode call, std::string_view keyword);

// A dotted name (`eventlet . green.socket`) as "eventlet.green.socket": its identifiers joined,
// whatever spaces, line continuations or comments stand between them. Other nodes: their text.
std::string dotted_name_text(const SyntaxTree& tree, TSNode node);

// True when the call has no arguments at all.
bool call_has_no_arguments(TSNode call);

}  // namespace eventlet_lsp::analyzers
