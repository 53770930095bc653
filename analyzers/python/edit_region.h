// Where an edit changed a Python file, in whole statements and whole lines, in the old text and
// in the new: what analysis_reuse.h needs to decide which findings the edit can have changed.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/search_area.h"

namespace eventlet_lsp::analyzers {

struct EditRegion {
  ByteSpan region;       // in the new text
  // The bytes that differ: [first_changed_byte, changed_old_end) of the old text became
  // [first_changed_byte, changed_new_end) of the new.
  std::uint32_t first_changed_byte = 0;
  std::uint32_t changed_old_end = 0;
  std::uint32_t changed_new_end = 0;
  ByteSpan old_region;   // the same lines in the old text (the bytes around did not change)
  std::int64_t delta = 0;  // bytes added by the edit (negative: removed)
  std::int64_t rows = 0;   // lines added by the edit
  std::string_view new_text;  // of the region
  std::string_view old_text;  // of old_region
};

// The changed bytes, and whatever tree-sitter says changed structure (an unclosed bracket
// reaches far), grown to the whole statements around them (the innermost in a module's or a
// block's list), then to whole lines. `edited_old_tree` is the previous tree after ts_tree_edit,
// as the incremental reparse took it, still holding the old text; `new_tree` the reparse's.
std::optional<EditRegion> edit_region(const SyntaxTree& edited_old_tree, const SyntaxTree& new_tree);

// A finding's range after an edit that left it alone: moved by the edit's length and line count
// when it lies after the edit's region.
void shift(SourceRange& range, std::int64_t bytes, std::int64_t rows);

}  // namespace eventlet_lsp::analyzers
