#include "analyzers/python/syntax_path.h"

#include <algorithm>
#include <cstring>

namespace eventlet_lsp::analyzers {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         (static_cast<unsigned char>(c) >= 0x80);
}

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

namespace {

// Extends `path` (ending with the node the cursor is on) down to the node that holds `byte`.
void descend(SyntaxPath& path, TSTreeCursor& cursor, std::uint32_t byte) {
  const PythonGrammar& g = PythonGrammar::instance();
  // tree-sitter 0.20 picks the first child whose end is >= the goal, which would be a token
  // ending right at `byte`; asking for byte + 1 gives the child that contains `byte`.
  while (ts_tree_cursor_goto_first_child_for_byte(&cursor, byte + 1) >= 0) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (ts_node_start_byte(node) > byte) break;  // `byte` is in the gap before this child
    const TSFieldId field = ts_tree_cursor_current_field_id(&cursor);
    const bool target = is_assignment_target(path.back(), field);
    path.push_back(SyntaxFrame{node, g.kind(node), field, target});
  }
}

SyntaxPath root_path(const SyntaxTree& tree) {
  SyntaxPath path;
  path.reserve(32);  // deeper than most Python nesting: one allocation per path
  TSNode root = tree.root();
  path.push_back(SyntaxFrame{root, PythonGrammar::instance().kind(root), 0, false});
  return path;
}

}  // namespace

SyntaxPath syntax_path_at(const SyntaxTree& tree, std::uint32_t byte) {
  SyntaxPath path = root_path(tree);
  TSTreeCursor cursor = ts_tree_cursor_new(path.back().node);
  descend(path, cursor, byte);
  ts_tree_cursor_delete(&cursor);
  return path;
}

SyntaxPathFinder::SyntaxPathFinder(const SyntaxTree& tree) : tree_(tree), top_level_(tree.top_level_statements()) {}

// Nodes with at least this many children are searched through a list (children_of).
constexpr std::uint32_t kManyChildren = 32;

const std::vector<SyntaxPathFinder::Child>& SyntaxPathFinder::children_of(TSNode node) const {
  auto [it, inserted] = many_children_.try_emplace(node.id);
  if (inserted) {
    TSTreeCursor cursor = ts_tree_cursor_new(node);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      do it->second.push_back(Child{ts_tree_cursor_current_node(&cursor), ts_tree_cursor_current_field_id(&cursor)});
      while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    ts_tree_cursor_delete(&cursor);
  }
  return it->second;
}

SyntaxPath SyntaxPathFinder::at(std::uint32_t byte) const {
  SyntaxPath path = root_path(tree_);
  // The first statement that ends after `byte`, as the cursor would find it.
  const auto child = std::partition_point(top_level_.begin(), top_level_.end(),
                                          [&](TSNode node) { return ts_node_end_byte(node) <= byte; });
  if (child == top_level_.end() || ts_node_start_byte(*child) > byte) {
    // No listed statement holds it; an edited tree lists none: the slow way then.
    return top_level_.empty() ? syntax_path_at(tree_, byte) : path;
  }
  const PythonGrammar& g = PythonGrammar::instance();
  // Children of the module fill no field, and the module is no assignment target.
  path.push_back(SyntaxFrame{*child, g.kind(*child), 0, false});
  // As descend(), with a binary search at the nodes that have many children.
  TSTreeCursor cursor = ts_tree_cursor_new(*child);
  TSNode current = *child;
  for (;;) {
    TSNode next;
    TSFieldId field = 0;
    if (ts_node_child_count(current) >= kManyChildren) {
      const std::vector<Child>& children = children_of(current);
      const auto it = std::partition_point(children.begin(), children.end(),
                                           [&](const Child& c) { return ts_node_end_byte(c.node) <= byte; });
      if (it == children.end() || ts_node_start_byte(it->node) > byte) break;
      next = it->node;
      field = it->field;
      ts_tree_cursor_reset(&cursor, next);
    } else {
      if (ts_tree_cursor_goto_first_child_for_byte(&cursor, byte + 1) < 0) break;
      next = ts_tree_cursor_current_node(&cursor);
      if (ts_node_start_byte(next) > byte) break;  // `byte` is in the gap before this child
      field = ts_tree_cursor_current_field_id(&cursor);
    }
    const bool target = is_assignment_target(path.back(), field);
    path.push_back(SyntaxFrame{next, g.kind(next), field, target});
    current = next;
  }
  ts_tree_cursor_delete(&cursor);
  return path;
}

namespace {

// How common a byte is in Python source, most common first: find_all looks for the needle's
// rarest byte with memchr (vectorised) and checks the rest around it, which skips far more of
// the text than a search keyed on the needle's first byte ("e" of "eventlet").
constexpr std::string_view kCommonBytes = " e\nt_sa(r).iolnc,dp=um'\"fhg:bwy[]v0k1";

std::size_t rarest_byte(std::string_view needle) {
  std::size_t best = 0;
  std::size_t best_rank = 0;
  for (std::size_t i = 0; i < needle.size(); ++i) {
    const std::size_t found = kCommonBytes.find(needle[i]);
    const std::size_t rank = found == std::string_view::npos ? kCommonBytes.size() : found;
    if (i == 0 || rank > best_rank) {
      best = i;
      best_rank = rank;
    }
  }
  return best;
}

}  // namespace

void append_all(std::string_view text, std::string_view needle, std::uint32_t offset,
                std::vector<std::uint32_t>& found) {
  if (needle.empty() || needle.size() > text.size()) return;
  const std::size_t key = rarest_byte(needle);
  const char* begin = text.data();
  const std::size_t last_start = text.size() - needle.size();
  // The key byte of a match at `start` is at start + key: search it from the first possible one.
  for (std::size_t at = key; at <= last_start + key;) {
    const void* hit = std::memchr(begin + at, needle[key], last_start + key + 1 - at);
    if (hit == nullptr) break;
    const std::size_t key_at = static_cast<std::size_t>(static_cast<const char*>(hit) - begin);
    const std::size_t start = key_at - key;
    // The ends first, inline: most hits of a common key byte fail there, before a memcmp call.
    if (begin[start] == needle.front() && begin[start + needle.size() - 1] == needle.back() &&
        std::memcmp(begin + start, needle.data(), needle.size()) == 0) {
      found.push_back(offset + static_cast<std::uint32_t>(start));
    }
    at = key_at + 1;
  }
}

std::vector<std::uint32_t> find_all(std::string_view text, std::string_view needle) {
  std::vector<std::uint32_t> found;
  append_all(text, needle, 0, found);
  return found;
}

void keep_whole_words(std::string_view text, std::size_t word_size, std::vector<std::uint32_t>& found) {
  std::erase_if(found, [&](std::uint32_t at) {
    if (at > 0 && is_word_char(text[at - 1])) return true;
    const std::size_t after = at + word_size;
    return after < text.size() && is_word_char(text[after]);
  });
}

std::vector<std::uint32_t> find_word(std::string_view text, std::string_view word) {
  std::vector<std::uint32_t> found = find_all(text, word);
  keep_whole_words(text, word.size(), found);
  return found;
}

}  // namespace eventlet_lsp::analyzers
