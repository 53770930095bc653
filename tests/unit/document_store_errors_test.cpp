// Edits through syntax errors: the document keeps its last error-free tree while the text has
// errors, to reparse from it when the erroneous tree takes too long (DocumentStore::change);
// edit_between gives the one edit from that tree's text to the new one; parse_within gives up.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "analyzers/parse/text_difference.h"
#include "server/session/document_store.h"

namespace eventlet_lsp {
namespace {

using nlohmann::json;

void expect_edit(const TSInputEdit& edit, std::uint32_t start, std::uint32_t old_end, std::uint32_t new_end,
                 TSPoint start_point, TSPoint old_end_point, TSPoint new_end_point) {
  EXPECT_EQ(edit.start_byte, start);
  EXPECT_EQ(edit.old_end_byte, old_end);
  EXPECT_EQ(edit.new_end_byte, new_end);
  EXPECT_EQ(edit.start_point.row, start_point.row);
  EXPECT_EQ(edit.start_point.column, start_point.column);
  EXPECT_EQ(edit.old_end_point.row, old_end_point.row);
  EXPECT_EQ(edit.old_end_point.column, old_end_point.column);
  EXPECT_EQ(edit.new_end_point.row, new_end_point.row);
  EXPECT_EQ(edit.new_end_point.column, new_end_point.column);
}

TEST(EditBetween, KeepsTheCommonPrefixAndSuffix) {
  expect_edit(analyzers::edit_between("a = 1\nb = 2\n", "a = 1\nb = 23\n"), 11, 11, 12, {1, 5}, {1, 5}, {1, 6});
  expect_edit(analyzers::edit_between("a = 1\nb = 2\n", "a = 1\n"), 6, 12, 6, {1, 0}, {2, 0}, {1, 0});
  expect_edit(analyzers::edit_between("x(1)\ny\n", "x(\n  2)\ny\n"), 2, 3, 6, {0, 2}, {0, 3}, {1, 3});
  expect_edit(analyzers::edit_between("same\n", "same\n"), 5, 5, 5, {1, 0}, {1, 0}, {1, 0});
  // A repeated character: the suffix never overlaps the prefix.
  expect_edit(analyzers::edit_between("aaa", "aaaa"), 3, 3, 4, {0, 3}, {0, 3}, {0, 4});
}

json insertion(std::uint32_t line, std::uint32_t character, const std::string& text) {
  const json position{{"line", line}, {"character", character}};
  return json::array({json{{"range", {{"start", position}, {"end", position}}}, {"text", text}}});
}

std::string tree_string(const analyzers::SyntaxTree& tree) {
  char* text = ts_node_string(tree.root());
  std::string result(text);
  std::free(text);
  return result;
}

TEST(DocumentStoreErrors, KeepsTheLastErrorFreeTreeWhileTheTextHasErrors) {
  const std::string text = "def f(rows):\n    counts = {}\n    for row in rows:\n        pass\n\n\ndef g():\n    pass\n";
  analyzers::PythonParser parser;
  server::DocumentStore store;
  server::Document& document = store.open("file:///t.py", "python", 1, text, parser);
  EXPECT_FALSE(document.last_clean_tree.valid());

  // `gt = ` before a `for`: a syntax error. The tree before it is kept, with its text.
  store.change(document, 2, insertion(1, 15, "\n    gt = "), protocol::PositionEncoding::Utf16, parser);
  ASSERT_TRUE(document.tree.has_error());
  ASSERT_TRUE(document.last_clean_tree.valid());
  EXPECT_EQ(document.last_clean_tree.source(), text);

  // More keystrokes with the error: still the same clean tree.
  store.change(document, 3, insertion(2, 9, "("), protocol::PositionEncoding::Utf16, parser);
  ASSERT_TRUE(document.tree.has_error());
  EXPECT_EQ(document.last_clean_tree.source(), text);

  // The error fixed: the tree is a full parse's, and the clean tree is let go.
  store.change(document, 4, insertion(2, 10, "1)"), protocol::PositionEncoding::Utf16, parser);
  EXPECT_EQ(document.source(),
            "def f(rows):\n    counts = {}\n    gt = (1)\n    for row in rows:\n        pass\n\n\ndef g():\n    pass\n");
  EXPECT_FALSE(document.tree.has_error());
  EXPECT_FALSE(document.last_clean_tree.valid());
  analyzers::PythonParser fresh;
  EXPECT_EQ(tree_string(document.tree), tree_string(fresh.parse(document.source())));

  // A whole-document change starts over.
  store.change(document, 5, insertion(0, 0, "("), protocol::PositionEncoding::Utf16, parser);
  ASSERT_TRUE(document.last_clean_tree.valid());
  store.change(document, 6, json::array({json{{"text", "x = 1\n"}}}), protocol::PositionEncoding::Utf16, parser);
  EXPECT_FALSE(document.last_clean_tree.valid());
}

TEST(PythonParserWithin, GivesUpAfterItsBudgetAndLeavesTheTextAlone) {
  std::string text;
  for (int n = 0; n < 20000; ++n) text += "def f" + std::to_string(n) + "(a):\n    return a + " + std::to_string(n) + "\n\n";
  analyzers::PythonParser parser;
  const analyzers::SyntaxTree old_tree = parser.parse(text);
  std::string edited = "(" + text;
  analyzers::SyntaxTree base(std::string(), ts_tree_copy(old_tree.raw()));
  TSInputEdit edit{};
  edit.new_end_byte = 1;
  edit.new_end_point = TSPoint{0, 1};
  base.edit(edit);
  const std::string expected = edited;
  EXPECT_FALSE(parser.parse_within(edited, base, std::chrono::microseconds(1)).has_value());
  EXPECT_EQ(edited, expected);
  // The parser starts the next parse afresh, and a budget large enough gives the whole tree.
  const auto tree = parser.parse_within(edited, base, std::chrono::seconds(60));
  ASSERT_TRUE(tree.has_value());
  EXPECT_EQ(tree->source(), expected);
  analyzers::PythonParser fresh;
  EXPECT_EQ(tree_string(*tree), tree_string(fresh.parse(expected)));
}

}  // namespace
}  // namespace eventlet_lsp
