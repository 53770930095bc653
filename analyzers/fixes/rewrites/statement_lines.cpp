#include "analyzers/fixes/rewrites/statement_lines.h"

#include <algorithm>

#include "analyzers/fixes/import_bookkeeping.h"

namespace eventlet_lsp::analyzers {

namespace {

std::uint32_t line_start(std::string_view text, std::uint32_t offset) {
  const std::size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  return newline == std::string_view::npos ? 0 : static_cast<std::uint32_t>(newline + 1);
}

}  // namespace

std::optional<std::string> statement_indent(const SyntaxTree& tree, TSNode statement) {
  const std::string_view text = tree.source();
  const std::uint32_t start = ts_node_start_byte(statement);
  const std::uint32_t begin = line_start(text, start);
  const std::string_view prefix = text.substr(begin, start - begin);
  if (prefix.find_first_not_of(" \t") != std::string_view::npos) return std::nullopt;
  return std::string(prefix);
}

bool statement_ends_line(const SyntaxTree& tree, TSNode statement) {
  const std::string_view text = tree.source();
  for (std::size_t at = ts_node_end_byte(statement); at < text.size(); ++at) {
    const char c = text[at];
    if (c == ' ' || c == '\t' || c == '\r') continue;
    return c == '\n' || c == '#';
  }
  return true;
}

TextEdit line_before(const SyntaxTree& tree, TSNode statement, const std::string& indent, const std::string& line) {
  const std::string_view text = tree.source();
  const std::uint32_t at = line_start(text, ts_node_start_byte(statement));
  return TextEdit{at, at, indent + line + std::string(newline_of(text))};
}

TextEdit line_after(const SyntaxTree& tree, TSNode statement, const std::string& indent, const std::string& line) {
  const std::string_view text = tree.source();
  const std::size_t newline = text.find('\n', ts_node_end_byte(statement));
  if (newline == std::string_view::npos) {
    const auto end = static_cast<std::uint32_t>(text.size());
    return TextEdit{end, end, std::string(newline_of(text)) + indent + line};
  }
  const auto at = static_cast<std::uint32_t>(newline + 1);
  return TextEdit{at, at, indent + line + std::string(newline_of(text))};
}

std::vector<TextEdit> merge_insertions_in_order(std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  std::vector<TextEdit> merged;
  for (TextEdit& edit : edits) {
    if (!merged.empty() && edit.start == edit.end && merged.back().start == edit.start &&
        merged.back().end == edit.start) {
      merged.back().replacement += edit.replacement;
    } else {
      merged.push_back(std::move(edit));
    }
  }
  return merged;
}

}  // namespace eventlet_lsp::analyzers
