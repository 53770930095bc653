#include "analyzers/python/analysis_reuse.h"

#include <algorithm>
#include <cstdlib>

#include "analyzers/parse/python_grammar.h"
#include "analyzers/parse/text_difference.h"
#include "analyzers/python/binding_collector.h"
#include "analyzers/python/python_analyzer.h"
#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {

namespace {

struct ByteRange {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

// Whether `text` holds a comment sign, "eventlet" in any case, or one of `words` as a whole word.
bool mentions_anything_analysed(std::string_view text, const std::unordered_set<std::string>& words) {
  if (text.find('#') != std::string_view::npos) return true;
  static constexpr std::string_view kEventlet = "eventlet";
  for (std::size_t i = 0; i + kEventlet.size() <= text.size(); ++i) {
    std::size_t k = 0;
    while (k < kEventlet.size() && (text[i + k] | 0x20) == kEventlet[k]) ++k;
    if (k == kEventlet.size()) return true;
  }
  std::string word;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_word_char(text[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < text.size() && is_word_char(text[i])) ++i;
    word.assign(text.substr(begin, i - begin));
    if (words.contains(word)) return true;
  }
  return false;
}

// The statement around `byte` (the innermost node in a module's or a block's list of
// statements), or just the byte when it lies between statements.
ByteRange statement_around(const SyntaxTree& tree, std::uint32_t byte) {
  const SyntaxPath path = syntax_path_at(tree, byte);
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
ByteRange whole_lines(std::string_view text, ByteRange range) {
  while (range.start > 0 && text[range.start - 1] != '\n') --range.start;
  if (range.end > 0 && range.end <= text.size() && text[range.end - 1] == '\n') return range;
  while (range.end < text.size() && text[range.end] != '\n') ++range.end;
  if (range.end < text.size()) ++range.end;  // the line break belongs to the line
  return range;
}

std::uint32_t count_lines(std::string_view text) {
  return static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
}

void shift(SourceRange& range, std::int64_t bytes, std::int64_t rows) {
  range.start_byte = static_cast<std::uint32_t>(range.start_byte + bytes);
  range.end_byte = static_cast<std::uint32_t>(range.end_byte + bytes);
  range.start.row = static_cast<std::uint32_t>(range.start.row + rows);
  range.end.row = static_cast<std::uint32_t>(range.end.row + rows);
}

bool overlaps(const SourceRange& range, ByteRange region) {
  return range.start_byte < region.end && range.end_byte > region.start;
}

}  // namespace

std::vector<Finding> analyze_python_reusably(const SyntaxTree& tree, ReuseState& state) {
  state = ReuseState{};
  if (!tree.valid()) return {};
  const ScopeModel model = collect_bindings(tree);
  for (std::string_view name : model.candidate_names) state.searched_words.emplace(name);
  for (std::string_view name : model.candidate_attributes) state.searched_words.emplace(name);
  state.reusable = std::none_of(model.scopes.begin(), model.scopes.end(),
                                [](const Scope& scope) { return !scope.wildcard_modules.empty(); });
  return analyze_python(tree, model);
}

std::optional<std::vector<Finding>> reuse_findings(const std::vector<Finding>& previous, const ReuseState& state,
                                                   const SyntaxTree& edited_old_tree, const SyntaxTree& new_tree) {
  if (!state.reusable || !new_tree.valid() || !edited_old_tree.valid()) return std::nullopt;
  const std::string_view old_source = edited_old_tree.source();
  const std::string_view new_source = new_tree.source();
  if (new_source.size() > UINT32_MAX / 2 || old_source.size() > UINT32_MAX / 2) return std::nullopt;

  // What the edit changed, as a text difference: the same bytes before and after.
  const auto [prefix, suffix] = common_ends(old_source, new_source);
  // Even an edit that leaves the text as it was reparses: where there are syntax errors, the
  // new tree may recover from them differently. The changed ranges below say where.
  const auto delta = static_cast<std::int64_t>(new_source.size()) - static_cast<std::int64_t>(old_source.size());

  // The region, in the new text: the changed bytes, and whatever tree-sitter says changed
  // structure (an unclosed bracket reaches far), grown to whole statements, then whole lines.
  ByteRange region{static_cast<std::uint32_t>(prefix), static_cast<std::uint32_t>(new_source.size() - suffix)};
  std::uint32_t range_count = 0;
  TSRange* changed = ts_tree_get_changed_ranges(edited_old_tree.raw(), new_tree.raw(), &range_count);
  for (std::uint32_t i = 0; i < range_count; ++i) {
    region.start = std::min(region.start, changed[i].start_byte);
    region.end = std::max(region.end, changed[i].end_byte);
  }
  std::free(changed);
  const ByteRange first = statement_around(new_tree, region.start);
  const ByteRange last = statement_around(new_tree, region.end > region.start ? region.end - 1 : region.start);
  region.start = std::min(region.start, first.start);
  region.end = std::max({region.end, first.end, last.end});
  region = whole_lines(new_source, region);
  if (region.end < new_source.size() - suffix) return std::nullopt;  // cannot happen: kept for safety

  // The same region in the old text: the bytes around it did not change.
  const ByteRange old_region{region.start, static_cast<std::uint32_t>(region.end - delta)};
  if (old_region.end > old_source.size() || old_region.end < old_region.start) return std::nullopt;
  const std::string_view new_text = new_source.substr(region.start, region.end - region.start);
  const std::string_view old_text = old_source.substr(old_region.start, old_region.end - old_region.start);
  if (mentions_anything_analysed(new_text, state.searched_words) ||
      mentions_anything_analysed(old_text, state.searched_words))
    return std::nullopt;

  const std::int64_t rows = static_cast<std::int64_t>(count_lines(new_text)) - count_lines(old_text);
  std::vector<Finding> findings = previous;
  for (Finding& finding : findings) {
    if (overlaps(finding.range, old_region)) return std::nullopt;
    if (finding.range.start_byte >= old_region.end) shift(finding.range, delta, rows);
    if (finding.related) {
      if (overlaps(finding.related->range, old_region)) return std::nullopt;
      if (finding.related->range.start_byte >= old_region.end) shift(finding.related->range, delta, rows);
    }
  }
  return findings;
}

}  // namespace eventlet_lsp::analyzers
