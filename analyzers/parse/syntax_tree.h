// A parsed Python file: its bytes and the tree-sitter tree over them, owned together.
#pragma once

#include <tree_sitter/api.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/core/finding.h"

namespace eventlet_lsp::analyzers {

class SyntaxTree {
 public:
  SyntaxTree() = default;
  SyntaxTree(std::string source, TSTree* tree);

  // A copy of `tree`'s tree (tree-sitter shares the nodes) without its text or statement list:
  // its structure, to keep from before an edit, or to edit for a reparse.
  static SyntaxTree structure_of(const SyntaxTree& tree);

  const std::string& source() const { return source_; }
  TSTree* raw() const { return tree_.get(); }
  TSNode root() const { return ts_tree_root_node(tree_.get()); }
  bool valid() const { return tree_ != nullptr; }
  bool has_error() const { return valid() && ts_node_has_error(root()); }

  // The module's statements, in order (the root's children), listed once per parse: every
  // analysis looks an occurrence's statement up among them (a thousand in a large file). Empty
  // after edit(), when their positions no longer hold.
  const std::vector<TSNode>& top_level_statements() const { return top_level_; }

  std::string_view text(TSNode node) const {
    const std::uint32_t start = ts_node_start_byte(node);
    const std::uint32_t end = ts_node_end_byte(node);
    if (start >= end || end > source_.size()) return {};
    return std::string_view(source_).substr(start, end - start);
  }

  // Records one edit in the tree (ts_tree_edit), ready for an incremental reparse with this tree
  // as the previous one, which takes the new text. source() stays the text the tree was parsed
  // from: what the findings made from it are of.
  void edit(const TSInputEdit& edit) {
    if (tree_) ts_tree_edit(tree_.get(), &edit);
    top_level_.clear();
  }

  // Releases the tree and takes the text out, for the next edit.
  std::string take_source() && { return std::move(source_); }

 private:
  struct TreeDeleter {
    void operator()(TSTree* tree) const { ts_tree_delete(tree); }
  };
  std::string source_;
  std::unique_ptr<TSTree, TreeDeleter> tree_;
  std::vector<TSNode> top_level_;
};

SourceRange range_of(TSNode node);

// One parser per thread: tree-sitter parsers are not thread-safe, trees are read-only shareable.
class PythonParser {
 public:
  PythonParser();
  ~PythonParser();
  PythonParser(const PythonParser&) = delete;
  PythonParser& operator=(const PythonParser&) = delete;

  // Full parse, or an incremental one when `previous` is a tree already edited (ts_tree_edit)
  // to match `source`.
  SyntaxTree parse(std::string source, const SyntaxTree* previous = nullptr);

  // The same incremental parse, given up after `budget`: then nullopt, and `source` is left as
  // it was (for a second try from another old tree).
  std::optional<SyntaxTree> parse_within(std::string& source, const SyntaxTree& previous,
                                         std::chrono::microseconds budget);

  // Parses only `ranges` of `source` (sorted, disjoint), as if they were the whole text; the
  // tree's positions still refer to `source`.
  SyntaxTree parse_ranges(std::string source, const std::vector<TSRange>& ranges);

 private:
  TSParser* parser_;
};

}  // namespace eventlet_lsp::analyzers
