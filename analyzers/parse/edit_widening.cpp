#include "analyzers/parse/edit_widening.h"

namespace eventlet_lsp::analyzers {

namespace {

// Past this, a widening stops being cheap to re-lex: that side of the edit stays as it is.
constexpr std::size_t kMaxWidening = 4096;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

TSInputEdit widen_for_reuse(const TSInputEdit& edit, std::string_view old_text) {
  if (edit.start_byte > edit.old_end_byte || edit.old_end_byte > old_text.size()) return edit;
  TSInputEdit widened = edit;

  // Back to the last byte that is not blank: the code token before the edit.
  std::size_t start = edit.start_byte;
  while (start > 0 && is_blank(old_text[start - 1]) && edit.start_byte - start < kMaxWidening) --start;
  if (start > 0 && edit.start_byte - start < kMaxWidening) {
    --start;
    std::uint32_t rows_back = 0;
    for (std::size_t i = start; i < edit.start_byte; ++i) rows_back += old_text[i] == '\n' ? 1 : 0;
    const std::size_t line_start = old_text.rfind('\n', start);
    const std::size_t column = line_start == std::string_view::npos ? start : start - line_start - 1;
    widened.start_byte = static_cast<std::uint32_t>(start);
    widened.start_point = TSPoint{edit.start_point.row - rows_back, static_cast<std::uint32_t>(column)};
  }

  // Forward through the line break that ends the edit's last line.
  const std::size_t line_break = old_text.find('\n', edit.old_end_byte);
  if (line_break != std::string_view::npos && line_break - edit.old_end_byte < kMaxWidening) {
    const auto forward = static_cast<std::uint32_t>(line_break + 1 - edit.old_end_byte);
    widened.old_end_byte += forward;
    widened.new_end_byte += forward;
    // The widened part ends with the line break: both ends move to the start of the next line.
    widened.old_end_point = TSPoint{edit.old_end_point.row + 1, 0};
    widened.new_end_point = TSPoint{edit.new_end_point.row + 1, 0};
  }
  return widened;
}

}  // namespace eventlet_lsp::analyzers
