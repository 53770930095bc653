#include "analyzers/python/literals.h"

#include "analyzers/parse/python_grammar.h"

namespace eventlet_lsp::analyzers {

std::optional<std::string_view> plain_string_value(const SyntaxTree& tree, TSNode string) {
  const PythonGrammar& g = PythonGrammar::instance();
  if (g.kind(string) != NodeKind::String) return std::nullopt;
  const std::uint32_t count = ts_node_child_count(string);
  if (count < 2) return std::nullopt;
  const std::string_view start = tree.text(ts_node_child(string, 0));
  for (char c : start) {
    if (c == 'f' || c == 'F' || c == 'b' || c == 'B') return std::nullopt;
  }
  std::optional<std::string_view> value = std::string_view{};
  for (std::uint32_t i = 1; i + 1 < count; ++i) {
    TSNode child = ts_node_child(string, i);
    if (g.kind(child) != NodeKind::StringContent || ts_node_named_child_count(child) != 0) {
      return std::nullopt;  // interpolation or escape sequence
    }
    if (!value->empty()) return std::nullopt;
    value = tree.text(child);
  }
  return value;
}

bool is_zero_literal(const SyntaxTree& tree, TSNode node) {
  const PythonGrammar& g = PythonGrammar::instance();
  const NodeKind kind = g.kind(node);
  if (kind != NodeKind::Integer && kind != NodeKind::Float) return false;
  const std::string_view text = tree.text(node);
  bool seen_digit = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == 'e' || c == 'E' || c == 'j' || c == 'J') break;  // exponent of zero stays zero
    if ((c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B') && i == 1) continue;
    if (c == '_' || c == '.') continue;
    if (c != '0') return false;
    seen_digit = true;
  }
  return seen_digit;
}

TSNode call_argument(const SyntaxTree& tree, TSNode call, std::string_view keyword) {
  const PythonGrammar& g = PythonGrammar::instance();
  TSNode arguments = ts_node_child_by_field_id(call, g.f_arguments);
  if (ts_node_is_null(arguments)) return TSNode{};
  const std::uint32_t count = ts_node_named_child_count(arguments);
  for (std::uint32_t i = 0; i < count; ++i) {
    TSNode argument = ts_node_named_child(arguments, i);
    const NodeKind kind = g.kind(argument);
    if (kind == NodeKind::Comment) continue;
    if (kind == NodeKind::KeywordArgument) {
      TSNode name = ts_node_child_by_field_id(argument, g.f_name);
      if (!keyword.empty() && tree.text(name) == keyword)
        return ts_node_child_by_field_id(argument, g.f_value);
      continue;
    }
    return argument;  // the first positional argument
  }
  return TSNode{};
}

std::string dotted_name_text(const SyntaxTree& tree, TSNode node) {
  const PythonGrammar& g = PythonGrammar::instance();
  if (g.kind(node) != NodeKind::DottedName) return std::string(tree.text(node));
  std::string name;
  for (std::uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
    const TSNode part = ts_node_named_child(node, i);
    if (g.kind(part) != NodeKind::Identifier) continue;  // comments inside the name
    if (!name.empty()) name += '.';
    name += tree.text(part);
  }
  return name;
}

bool call_has_no_arguments(TSNode call) {
  const PythonGrammar& g = PythonGrammar::instance();
  TSNode arguments = ts_node_child_by_field_id(call, g.f_arguments);
  if (ts_node_is_null(arguments)) return false;  // a generator-expression call
  const std::uint32_t count = ts_node_named_child_count(arguments);
  for (std::uint32_t i = 0; i < count; ++i) {
    if (g.kind(ts_node_named_child(arguments, i)) != NodeKind::Comment) return false;
  }
  return true;
}

}  // namespace eventlet_lsp::analyzers
