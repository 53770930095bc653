// tree-sitter edits of a text, for tests and benchmarks that drive a reparse by hand.
#pragma once

#include <tree_sitter/api.h>

#include <cstddef>
#include <string>

namespace eventlet_lsp::testing {

// The point (row, byte column) of `offset` in `text`.
inline TSPoint point_at(const std::string& text, std::size_t offset) {
  TSPoint point{0, 0};
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++point.row;
      point.column = 0;
    } else {
      ++point.column;
    }
  }
  return point;
}

// The edit that replaces [start, end) of `old_text` by `inserted`.
inline TSInputEdit edit_of(const std::string& old_text, std::size_t start, std::size_t end,
                           const std::string& inserted) {
  std::string new_text = old_text;
  new_text.replace(start, end - start, inserted);
  TSInputEdit edit{};
  edit.start_byte = static_cast<std::uint32_t>(start);
  edit.old_end_byte = static_cast<std::uint32_t>(end);
  edit.new_end_byte = static_cast<std::uint32_t>(start + inserted.size());
  edit.start_point = point_at(old_text, start);
  edit.old_end_point = point_at(old_text, end);
  edit.new_end_point = point_at(new_text, start + inserted.size());
  return edit;
}

}  // namespace eventlet_lsp::testing
