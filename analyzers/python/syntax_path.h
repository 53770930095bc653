// The path from the module down to the node at a byte offset, as SyntaxFrames (with fields and
// assignment-target flags). Analysis looks only at the places where names that matter occur,
// so its cost follows the Eventlet usage of a file, not the file's size.
#pragma once

#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/syntax_frame.h"

namespace eventlet_lsp::analyzers {

using SyntaxPath = std::vector<SyntaxFrame>;

// Frames from the root to the deepest node that starts at or before `byte` and ends after it.
SyntaxPath syntax_path_at(const SyntaxTree& tree, std::uint32_t byte);

// syntax_path_at, many times over one tree: each search starts with a binary search over the
// module's statements (SyntaxTree::top_level_statements) rather than a walk over the module's
// children (a thousand in a large file, for every occurrence the analysis looks at).
class SyntaxPathFinder {
 public:
  explicit SyntaxPathFinder(const SyntaxTree& tree);
  SyntaxPath at(std::uint32_t byte) const;

 private:
  struct Child {
    TSNode node;
    TSFieldId field;
  };
  // The children of a node with many (a large class's methods; an ERROR that holds the rest of a
  // file after an unclosed bracket), listed on first use for a binary search: a cursor would
  // walk them all for every occurrence below.
  const std::vector<Child>& children_of(TSNode node) const;

  const SyntaxTree& tree_;
  const std::vector<TSNode>& top_level_;  // the root's children, in order
  mutable std::unordered_map<const void*, std::vector<Child>> many_children_;
};

// Whether a node of this kind, in this field of `parent`, is part of an assignment target.
bool is_assignment_target(const SyntaxFrame& parent, TSFieldId field);

// A byte of an identifier-like word: ASCII letters, digits, '_', and every byte of a multi-byte
// character.
bool is_word_char(char c);

// Byte offsets where `word` occurs as a whole identifier-like word (not inside a longer name).
std::vector<std::uint32_t> find_word(std::string_view text, std::string_view word);

// Byte offsets where `needle` occurs at all.
std::vector<std::uint32_t> find_all(std::string_view text, std::string_view needle);

// Drops from `found` the offsets where a word of `word_size` bytes is part of a longer name.
void keep_whole_words(std::string_view text, std::size_t word_size, std::vector<std::uint32_t>& found);

// find_all's offsets, plus `offset`, appended to `found`.
void append_all(std::string_view text, std::string_view needle, std::uint32_t offset,
                std::vector<std::uint32_t>& found);

}  // namespace eventlet_lsp::analyzers
