#include "analyzers/parse/syntax_tree.h"

#include <algorithm>

#include "analyzers/parse/python_grammar.h"

namespace eventlet_lsp::analyzers {

SyntaxTree::SyntaxTree(std::string source, TSTree* tree) : source_(std::move(source)), tree_(tree) {
  if (tree == nullptr) return;
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do top_level_.push_back(ts_tree_cursor_current_node(&cursor));
    while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
}

SyntaxTree SyntaxTree::structure_of(const SyntaxTree& tree) {
  SyntaxTree copy;
  if (tree.valid()) copy.tree_.reset(ts_tree_copy(tree.raw()));
  return copy;
}

SourceRange range_of(TSNode node) {
  const TSPoint start = ts_node_start_point(node);
  const TSPoint end = ts_node_end_point(node);
  return SourceRange{ts_node_start_byte(node), ts_node_end_byte(node), {start.row, start.column},
                     {end.row, end.column}};
}

PythonParser::PythonParser() : parser_(ts_parser_new()) {
  ts_parser_set_language(parser_, PythonGrammar::instance().language());
}

PythonParser::~PythonParser() { ts_parser_delete(parser_); }

namespace {
// tree-sitter-python 0.23.6's external scanner does not reset its "inside an f-string" flag when
// it deserialises an empty state: after a parse that stopped inside an f-string (someone typing
// `x = f"`), the parser's next parse loses dedents. Setting the language again resets the
// scanner (ts_parser_reset does not).
void reset_scanner(TSParser* parser) { ts_parser_set_language(parser, PythonGrammar::instance().language()); }
}  // namespace

SyntaxTree PythonParser::parse(std::string source, const SyntaxTree* previous) {
  reset_scanner(parser_);
  TSTree* old_tree = previous != nullptr ? previous->raw() : nullptr;
  TSTree* tree = ts_parser_parse_string(parser_, old_tree, source.data(),
                                        static_cast<std::uint32_t>(source.size()));
  return SyntaxTree(std::move(source), tree);
}

std::optional<SyntaxTree> PythonParser::parse_within(std::string& source, const SyntaxTree& previous,
                                                     std::chrono::microseconds budget) {
  reset_scanner(parser_);
  ts_parser_set_timeout_micros(parser_, static_cast<std::uint64_t>(std::max<std::int64_t>(1, budget.count())));
  TSTree* tree = ts_parser_parse_string(parser_, previous.raw(), source.data(),
                                        static_cast<std::uint32_t>(source.size()));
  ts_parser_set_timeout_micros(parser_, 0);
  if (tree == nullptr) {
    ts_parser_reset(parser_);  // the next parse starts afresh, not from where this one stopped
    return std::nullopt;
  }
  return SyntaxTree(std::move(source), tree);
}

SyntaxTree PythonParser::parse_ranges(std::string source, const std::vector<TSRange>& ranges) {
  reset_scanner(parser_);
  ts_parser_set_included_ranges(parser_, ranges.data(), static_cast<std::uint32_t>(ranges.size()));
  TSTree* tree = ts_parser_parse_string(parser_, nullptr, source.data(),
                                        static_cast<std::uint32_t>(source.size()));
  ts_parser_set_included_ranges(parser_, nullptr, 0);  // the next parse sees the whole text
  return SyntaxTree(std::move(source), tree);
}

}  // namespace eventlet_lsp::analyzers
