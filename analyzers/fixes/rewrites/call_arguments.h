// The arguments of a call, split as written, for rewrites that move them around.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzers/parse/syntax_tree.h"

namespace eventlet_lsp::analyzers {

struct CallArguments {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> keywords;  // name, value
  bool has_splat = false;                                     // *args or **kwargs
  bool has_comment = false;                                   // a comment inside the parentheses
};

std::optional<CallArguments> split_arguments(const SyntaxTree& tree, TSNode call);

// Whether the call's first argument is a plain positional one (not `func=f`, `*args`, a comment):
// `Executor.submit(fn, /, ...)` and `map(fn, ...)` take the function only by position.
bool function_passed_by_position(TSNode call);

// "a, b, k=v" from the pieces.
std::string join_arguments(const std::vector<std::string>& positional,
                           const std::vector<std::pair<std::string, std::string>>& keywords);

}  // namespace eventlet_lsp::analyzers
