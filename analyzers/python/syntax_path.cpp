#include "analyzers/python/syntax_path.h"

#include <cstring>

namespace eventlet_lsp::analyzers {

namespace {
bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         (static_cast<unsigned char>(c) >= 0x80);
}
}  // namespace

bool is_assignment_target(const SyntaxFrame& parent, TSFieldId field) {
  const PythonGrammar& g = PythonGrammar::instance();
  switch (parent.kind) {
    case NodeKind::Assignment:
    case NodeKind::AugmentedAssignment:
    case NodeKind::ForStatement:
    case NodeKind::ForInClause: return field == g.f_left;
    case NodeKind::AsPattern:
    case NodeKind::ExceptClause: return field == g.f_alias;
    case NodeKind::NamedExpression: return field == g.f_name;
    case NodeKind::PatternList:
    case NodeKind::TuplePattern:
    case NodeKind::ListPattern:
    case NodeKind::Tuple:
    case NodeKind::List:
    case NodeKind::ParenthesizedExpression:
    case NodeKind::ListSplatPattern:
    case NodeKind::AsPatternTarget: return parent.target;
    default: return false;
  }
}

SyntaxPath syntax_path_at(const SyntaxTree& tree, std::uint32_t byte) {
  const PythonGrammar& g = PythonGrammar::instance();
  SyntaxPath path;
  TSNode root = tree.root();
  path.push_back(SyntaxFrame{root, g.kind(root), 0, false});
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  // tree-sitter 0.20 picks the first child whose end is >= the goal, which would be a token
  // ending right at `byte`; asking for byte + 1 gives the child that contains `byte`.
  while (ts_tree_cursor_goto_first_child_for_byte(&cursor, byte + 1) >= 0) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (ts_node_start_byte(node) > byte) break;  // `byte` is in the gap before this child
    const TSFieldId field = ts_tree_cursor_current_field_id(&cursor);
    const bool target = is_assignment_target(path.back(), field);
    path.push_back(SyntaxFrame{node, g.kind(node), field, target});
  }
  ts_tree_cursor_delete(&cursor);
  return path;
}

std::vector<std::uint32_t> find_all(std::string_view text, std::string_view needle) {
  std::vector<std::uint32_t> found;
  if (needle.empty()) return found;
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* at = begin; at < end;) {
    const void* hit = ::memmem(at, static_cast<std::size_t>(end - at), needle.data(), needle.size());
    if (hit == nullptr) break;
    const char* match = static_cast<const char*>(hit);
    found.push_back(static_cast<std::uint32_t>(match - begin));
    at = match + 1;
  }
  return found;
}

std::vector<std::uint32_t> find_word(std::string_view text, std::string_view word) {
  std::vector<std::uint32_t> found = find_all(text, word);
  std::erase_if(found, [&](std::uint32_t at) {
    if (at > 0 && is_word_char(text[at - 1])) return true;
    const std::size_t after = at + word.size();
    return after < text.size() && is_word_char(text[after]);
  });
  return found;
}

}  // namespace eventlet_lsp::analyzers
