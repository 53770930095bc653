#include "analyzers/parse/text_difference.h"

#include <algorithm>
#include <cstring>

namespace eventlet_lsp::analyzers {

namespace {

// The point (row, byte column) of `offset` in `text`.
TSPoint point_of(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, offset);
  const auto row = static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t line_break = before.rfind('\n');
  const std::size_t column = line_break == std::string_view::npos ? offset : offset - line_break - 1;
  return TSPoint{row, static_cast<std::uint32_t>(column)};
}

}  // namespace

CommonEnds common_ends(std::string_view old_text, std::string_view new_text) {
  // Whole blocks compared with memcmp first (vectorised), then the bytes of the block that differs.
  constexpr std::size_t kBlock = 64;
  const std::size_t shorter = std::min(old_text.size(), new_text.size());
  CommonEnds ends;
  while (ends.prefix + kBlock <= shorter &&
         std::memcmp(old_text.data() + ends.prefix, new_text.data() + ends.prefix, kBlock) == 0)
    ends.prefix += kBlock;
  while (ends.prefix < shorter && old_text[ends.prefix] == new_text[ends.prefix]) ++ends.prefix;
  const std::size_t limit = shorter - ends.prefix;  // the suffix never overlaps the prefix
  while (ends.suffix + kBlock <= limit &&
         std::memcmp(old_text.data() + old_text.size() - ends.suffix - kBlock,
                     new_text.data() + new_text.size() - ends.suffix - kBlock, kBlock) == 0)
    ends.suffix += kBlock;
  while (ends.suffix < limit &&
         old_text[old_text.size() - 1 - ends.suffix] == new_text[new_text.size() - 1 - ends.suffix])
    ++ends.suffix;
  return ends;
}

TSInputEdit edit_between(std::string_view old_text, std::string_view new_text) {
  const auto [prefix, suffix] = common_ends(old_text, new_text);
  TSInputEdit edit{};
  edit.start_byte = static_cast<std::uint32_t>(prefix);
  edit.old_end_byte = static_cast<std::uint32_t>(old_text.size() - suffix);
  edit.new_end_byte = static_cast<std::uint32_t>(new_text.size() - suffix);
  edit.start_point = point_of(old_text, edit.start_byte);
  edit.old_end_point = point_of(old_text, edit.old_end_byte);
  edit.new_end_point = point_of(new_text, edit.new_end_byte);
  return edit;
}

}  // namespace eventlet_lsp::analyzers
