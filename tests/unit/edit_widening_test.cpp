// widen_for_reuse: the widened edit's bytes and points, the tree reparsed from it (the
// full parse's), and the reuse it buys (tree-sitter lexes a handful of tokens, not the rest of the
// file, for a keystroke at the end of a block).
#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>

#include "analyzers/parse/edit_widening.h"
#include "analyzers/parse/python_grammar.h"
#include "tests/support/text_edits.h"

namespace eventlet_lsp::analyzers {
namespace {

using testing::edit_of;
using testing::point_at;

void expect_points_match_bytes(const TSInputEdit& edit, const std::string& old_text, const std::string& new_text) {
  EXPECT_EQ(edit.old_end_byte + (new_text.size() - old_text.size()), edit.new_end_byte);
  const TSPoint old_end = point_at(old_text, edit.old_end_byte);
  const TSPoint new_end = point_at(new_text, edit.new_end_byte);
  EXPECT_EQ(edit.old_end_point.row, old_end.row);
  EXPECT_EQ(edit.old_end_point.column, old_end.column);
  EXPECT_EQ(edit.new_end_point.row, new_end.row);
  EXPECT_EQ(edit.new_end_point.column, new_end.column);
  // The widened part is the same text on both sides.
  EXPECT_EQ(old_text.substr(edit.old_end_byte), new_text.substr(edit.new_end_byte));
}

void expect_start_point_matches_byte(const TSInputEdit& edit, const std::string& old_text) {
  const TSPoint start = point_at(old_text, edit.start_byte);
  EXPECT_EQ(edit.start_point.row, start.row);
  EXPECT_EQ(edit.start_point.column, start.column);
}

TEST(EditWidening, ReachesFromTheCodeBeforeToTheStartOfTheNextLine) {
  const std::string old_text = "def f():\n    y = x  # note\n\ndef g():\n    pass\n";
  const std::size_t at = old_text.find("x  #") + 1;
  std::string new_text = old_text;
  new_text.insert(at, "yz");
  const TSInputEdit widened = widen_for_reuse(edit_of(old_text, at, at, "yz"), old_text);
  EXPECT_EQ(widened.start_byte, at - 1);  // the `x`
  EXPECT_EQ(widened.old_end_byte, old_text.find("\ndef g"));
  EXPECT_EQ(widened.old_end_point.row, 2u);
  expect_start_point_matches_byte(widened, old_text);
  expect_points_match_bytes(widened, old_text, new_text);
}

TEST(EditWidening, ReachesBackOverBlankLines) {
  const std::string old_text = "def f():\n    y = x\n    \n\n    \ndef g():\n    pass\n";
  const std::size_t at = old_text.find("\ndef g") - 2;  // typed after two of four spaces
  std::string new_text = old_text;
  new_text.insert(at, "z");
  const TSInputEdit widened = widen_for_reuse(edit_of(old_text, at, at, "z"), old_text);
  EXPECT_EQ(widened.start_byte, old_text.find("x\n"));
  EXPECT_EQ(widened.start_point.row, 1u);
  EXPECT_EQ(widened.old_end_byte, old_text.find("def g"));
  expect_start_point_matches_byte(widened, old_text);
  expect_points_match_bytes(widened, old_text, new_text);
}

TEST(EditWidening, CountsInsertedLineBreaks) {
  const std::string old_text = "a = 1\nb = 2\nc = 3\n";
  const std::size_t start = old_text.find("1");
  const std::size_t end = old_text.find("2");
  std::string new_text = old_text;
  new_text.replace(start, end - start, "10\n\nb = 20");
  const TSInputEdit widened = widen_for_reuse(edit_of(old_text, start, end, "10\n\nb = 20"), old_text);
  EXPECT_EQ(widened.start_byte, old_text.find("="));
  EXPECT_EQ(widened.old_end_byte, old_text.find("c = 3"));
  EXPECT_EQ(widened.new_end_point.row, 3u);  // "a = 10", "", "b = 202", then "c = 3"
  expect_start_point_matches_byte(widened, old_text);
  expect_points_match_bytes(widened, old_text, new_text);
}

TEST(EditWidening, StopsAtTheTextsEndsAndFarFromCodeOrALineBreak) {
  const std::string last_line = "a = 1\nb = 2";
  const TSInputEdit at_end = edit_of(last_line, 8, 8, "x");
  const TSInputEdit widened_at_end = widen_for_reuse(at_end, last_line);
  EXPECT_EQ(widened_at_end.start_byte, 6u);  // the `b`
  EXPECT_EQ(widened_at_end.old_end_byte, at_end.old_end_byte);
  EXPECT_EQ(widened_at_end.new_end_byte, at_end.new_end_byte);

  const std::string at_start = "  \na = 1\n";
  const TSInputEdit first = edit_of(at_start, 1, 1, "x");
  EXPECT_EQ(widen_for_reuse(first, at_start).start_byte, 1u);
  EXPECT_EQ(widen_for_reuse(first, at_start).old_end_byte, 3u);

  const std::string long_line = "a = 1" + std::string(10000, ' ') + "\nb = 2\n";
  const TSInputEdit in_long_line = edit_of(long_line, 5000, 5000, "x");
  EXPECT_EQ(widen_for_reuse(in_long_line, long_line).start_byte, in_long_line.start_byte);
  EXPECT_EQ(widen_for_reuse(in_long_line, long_line).old_end_byte, in_long_line.old_end_byte);
}

// tree-sitter directly, with a logger counting the tokens each parse lexes.
class CountingParser {
 public:
  CountingParser() : parser_(ts_parser_new()) {
    ts_parser_set_language(parser_.get(), PythonGrammar::instance().language());
  }
  TSTree* parse(const std::string& text, TSTree* previous) {
    lexed_ = 0;
    ts_parser_set_logger(parser_.get(), TSLogger{this, &CountingParser::log});
    TSTree* tree = ts_parser_parse_string(parser_.get(), previous, text.data(), static_cast<std::uint32_t>(text.size()));
    ts_parser_set_logger(parser_.get(), TSLogger{nullptr, nullptr});
    return tree;
  }
  int lexed() const { return lexed_; }

 private:
  static void log(void* payload, TSLogType, const char* message) {
    if (std::strncmp(message, "lexed_lookahead", 15) == 0) ++static_cast<CountingParser*>(payload)->lexed_;
  }
  struct ParserDeleter {
    void operator()(TSParser* parser) const { ts_parser_delete(parser); }
  };
  std::unique_ptr<TSParser, ParserDeleter> parser_;
  int lexed_ = 0;
};

struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
using Tree = std::unique_ptr<TSTree, TreeDeleter>;

std::string tree_string(TSTree* tree) {
  char* text = ts_node_string(ts_tree_root_node(tree));
  std::string result(text);
  std::free(text);
  return result;
}

// Two hundred classes; a character typed at the end of the last line of a method of the 100th,
// where three blocks end.
TEST(EditWidening, LetsTreeSitterReuseWhatFollowsABlocksLastLine) {
  std::string old_text;
  for (int n = 0; n < 200; ++n) {
    old_text += "class C" + std::to_string(n) + ":\n    def f(self):\n        if self:\n            y = xx\n";
    old_text += "\n    def g(self):\n        return 1\n\n";
  }
  const std::size_t at = old_text.find("xx\n", old_text.find("class C100:")) + 2;
  std::string new_text = old_text;
  new_text.insert(at, "x");

  CountingParser parser;
  const Tree full(parser.parse(new_text, nullptr));
  const int full_lexed = parser.lexed();

  const TSInputEdit edit = edit_of(old_text, at, at, "x");
  const Tree widened_old(parser.parse(old_text, nullptr));
  const TSInputEdit widened = widen_for_reuse(edit, old_text);
  ts_tree_edit(widened_old.get(), &widened);
  const Tree widened_new(parser.parse(new_text, widened_old.get()));
  EXPECT_EQ(tree_string(widened_new.get()), tree_string(full.get()));
  EXPECT_LT(parser.lexed(), 30) << "a full parse lexes " << full_lexed;

  // A statement typed on a line of its own after the block: the parser meets the next class at
  // the end of the block's last code token.
  const std::size_t line = old_text.find("\n\n    def g", old_text.find("class C120:")) + 1;
  std::string blank_line_text = old_text;
  blank_line_text.insert(line, "            ");
  std::string typed_text = blank_line_text;
  typed_text.insert(line + 12, "z");
  const Tree blank_line_old(parser.parse(blank_line_text, nullptr));
  const TSInputEdit typed = widen_for_reuse(edit_of(blank_line_text, line + 12, line + 12, "z"), blank_line_text);
  ts_tree_edit(blank_line_old.get(), &typed);
  const Tree typed_new(parser.parse(typed_text, blank_line_old.get()));
  EXPECT_LT(parser.lexed(), 30);
  const Tree typed_full(parser.parse(typed_text, nullptr));
  EXPECT_EQ(tree_string(typed_new.get()), tree_string(typed_full.get()));

  // The edit as typed gives the same tree (tree-sitter 0.20.7 lexes the rest of the file for it).
  const Tree plain_old(parser.parse(old_text, nullptr));
  ts_tree_edit(plain_old.get(), &edit);
  const Tree plain_new(parser.parse(new_text, plain_old.get()));
  EXPECT_EQ(tree_string(plain_new.get()), tree_string(full.get()));
}

}  // namespace
}  // namespace eventlet_lsp::analyzers
