// The single edit that turns one text into another: their common prefix and suffix kept, the
// bytes between replaced. For reparsing from a tree of an older text than the last one.
#pragma once

#include <tree_sitter/api.h>

#include <string_view>

namespace eventlet_lsp::analyzers {

// The lengths of the longest common prefix and suffix (never overlapping in the shorter text).
struct CommonEnds {
  std::size_t prefix = 0;
  std::size_t suffix = 0;
};
CommonEnds common_ends(std::string_view old_text, std::string_view new_text);

TSInputEdit edit_between(std::string_view old_text, std::string_view new_text);

}  // namespace eventlet_lsp::analyzers
