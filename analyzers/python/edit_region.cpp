#include "analyzers/python/edit_region.h"

#include <algorithm>
#include <cstdlib>

#include "analyzers/parse/python_grammar.h"
#include "analyzers/parse/text_difference.h"
#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {

namespace {

// The statement around `byte` (the innermost node in a module's or a block's list of
// statements), or just the byte when it lies between statements.
ByteSpan statement_around(const SyntaxPathFinder& paths, std::uint32_t byte) {
  const SyntaxPath path = paths.at(byte);
  if (path.empty() || path.back().kind == NodeKind::Module || path.back().kind == NodeKind::Block) {
    return {byte, byte};  // blanks between two statements of a block, not its compound statement
  }
  for (std::size_t i = path.size(); i-- > 1;) {
    const NodeKind parent = path[i - 1].kind;
    if (parent == NodeKind::Module || parent == NodeKind::Block) {
      return {ts_node_start_byte(path[i].node), ts_node_end_byte(path[i].node)};
    }
  }
  return {byte, byte};
}

// Grown to whole lines: from the start of its first line to after the end of its last line.
ByteSpan whole_lines(std::string_view text, ByteSpan range) {
  while (range.start > 0 && text[range.start - 1] != '\n') --range.start;
  if (range.end > 0 && range.end <= text.size() && text[range.end - 1] == '\n') return range;
  while (range.end < text.size() && text[range.end] != '\n') ++range.end;
  if (range.end < text.size()) ++range.end;  // the line break belongs to the line
  return range;
}

std::int64_t count_lines(std::string_view text) { return std::count(text.begin(), text.end(), '\n'); }

}  // namespace

std::optional<EditRegion> edit_region(const SyntaxTree& edited_old_tree, const SyntaxTree& new_tree) {
  if (!new_tree.valid() || !edited_old_tree.valid()) return std::nullopt;
  const std::string_view old_source = edited_old_tree.source();
  const std::string_view new_source = new_tree.source();
  if (new_source.size() > UINT32_MAX / 2 || old_source.size() > UINT32_MAX / 2) return std::nullopt;

  // What the edit changed, as a text difference: the same bytes before and after. Even an edit
  // that leaves the text as it was reparses: where there are syntax errors, the new tree may
  // recover from them differently. The changed ranges below say where.
  const auto [prefix, suffix] = common_ends(old_source, new_source);
  EditRegion edit;
  edit.delta = static_cast<std::int64_t>(new_source.size()) - static_cast<std::int64_t>(old_source.size());

  edit.first_changed_byte = static_cast<std::uint32_t>(prefix);
  edit.changed_old_end = static_cast<std::uint32_t>(old_source.size() - suffix);
  edit.changed_new_end = static_cast<std::uint32_t>(new_source.size() - suffix);
  ByteSpan region{static_cast<std::uint32_t>(prefix), static_cast<std::uint32_t>(new_source.size() - suffix)};
  std::uint32_t range_count = 0;
  TSRange* changed = ts_tree_get_changed_ranges(edited_old_tree.raw(), new_tree.raw(), &range_count);
  for (std::uint32_t i = 0; i < range_count; ++i) {
    region.start = std::min(region.start, changed[i].start_byte);
    region.end = std::max(region.end, changed[i].end_byte);
  }
  std::free(changed);
  const SyntaxPathFinder paths(new_tree);
  const ByteSpan first = statement_around(paths, region.start);
  const ByteSpan last = statement_around(paths, region.end > region.start ? region.end - 1 : region.start);
  region.start = std::min(region.start, first.start);
  region.end = std::max({region.end, first.end, last.end});
  region = whole_lines(new_source, region);
  if (region.end < new_source.size() - suffix) return std::nullopt;  // cannot happen: kept for safety

  const ByteSpan old_region{region.start, static_cast<std::uint32_t>(region.end - edit.delta)};
  if (old_region.end > old_source.size() || old_region.end < old_region.start) return std::nullopt;
  edit.region = region;
  edit.old_region = old_region;
  edit.new_text = new_source.substr(region.start, region.end - region.start);
  edit.old_text = old_source.substr(old_region.start, old_region.end - old_region.start);
  edit.rows = count_lines(edit.new_text) - count_lines(edit.old_text);
  return edit;
}

void shift(SourceRange& range, std::int64_t bytes, std::int64_t rows) {
  range.start_byte = static_cast<std::uint32_t>(range.start_byte + bytes);
  range.end_byte = static_cast<std::uint32_t>(range.end_byte + bytes);
  range.start.row = static_cast<std::uint32_t>(range.start.row + rows);
  range.end.row = static_cast<std::uint32_t>(range.end.row + rows);
}

}  // namespace eventlet_lsp::analyzers
