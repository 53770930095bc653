// find_all and find_word search by the needle's rarest byte: they must report exactly what a
// plain search does, for any text and needle.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "analyzers/python/search_area.h"
#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {
namespace {

std::vector<std::uint32_t> plain_find_all(std::string_view text, std::string_view needle) {
  std::vector<std::uint32_t> found;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1))
    found.push_back(static_cast<std::uint32_t>(at));
  return found;
}

TEST(FindWord, SameAsAPlainSearchOnRandomTexts) {
  std::mt19937 random(20261125);
  const std::string alphabet = "ev_tlnq. \n(xE\xC3\xA9";
  for (int round = 0; round < 3000; ++round) {
    std::string text(random() % 60, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    std::string needle(1 + random() % 4, ' ');
    for (char& c : needle) c = alphabet[random() % alphabet.size()];
    if (round % 3 == 0 && text.size() > 4) needle = text.substr(random() % (text.size() - 3), 1 + random() % 3);
    ASSERT_EQ(find_all(text, needle), plain_find_all(text, needle)) << "text " << text << " needle " << needle;
  }
}

TEST(FindWord, WholeWordsOnly) {
  const std::string text = "eventlet.sleep(eventlet_x) # eventlet\nmy_eventlet = eventlet";
  EXPECT_EQ(find_word(text, "eventlet"), (std::vector<std::uint32_t>{0, 29, 52}));
  EXPECT_EQ(find_all(text, "eventlet"), (std::vector<std::uint32_t>{0, 15, 29, 41, 52}));
  EXPECT_TRUE(find_all("ab", "abc").empty());
  EXPECT_EQ(find_all("aaa", "aa"), (std::vector<std::uint32_t>{0, 1}));
}

}  // namespace
}  // namespace eventlet_lsp::analyzers

namespace eventlet_lsp::analyzers {
namespace {

std::string describe(const SyntaxPath& path) {
  std::string out;
  for (const SyntaxFrame& frame : path) {
    out += std::to_string(ts_node_start_byte(frame.node)) + "-" + std::to_string(ts_node_end_byte(frame.node)) + ":" +
           ts_node_type(frame.node) + "/" + std::to_string(frame.field) + (frame.target ? "T " : " ");
  }
  return out;
}

// The binary search over the module's statements finds the same path as the cursor walk, at
// every byte of every fixture (statements, gaps between them, comments, the end of the file).
TEST(SyntaxPathFinder, SameAsSyntaxPathAtEveryByteOfTheFixtures) {
  PythonParser parser;
  std::size_t compared = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(EVENTLET_LSP_SOURCE_DIR) / "tests/fixtures/python")) {
    if (entry.path().extension() != ".py") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const SyntaxTree tree = parser.parse(text);
    const SyntaxPathFinder finder(tree);
    for (std::uint32_t byte = 0; byte <= text.size(); ++byte) {
      ASSERT_EQ(describe(finder.at(byte)), describe(syntax_path_at(tree, byte))) << entry.path() << " byte " << byte;
      ++compared;
    }
  }
  EXPECT_GT(compared, 10000u);
}

TEST(SearchArea, FindsOnlyInItsSpansWithWordsJudgedOnTheWholeText) {
  const std::string text = "eventlet x eventlet_y eventlet\nyeventlet eventlet";
  // "eventlet" at 0, 11 (in eventlet_y), 22, 32 (in yeventlet) and 41.
  const SearchArea whole;
  EXPECT_EQ(whole.find_word(text, "eventlet"), find_word(text, "eventlet"));
  OccurrenceCache cache;  // the area's answers come from the whole file's occurrences
  const SearchArea area({{0, 12}, {20, 35}, {41, 49}}, cache);
  EXPECT_EQ(area.find_word(text, "eventlet"), (std::vector<std::uint32_t>{0, 22, 41}));
  // A span edge inside a longer word is no word boundary.
  const SearchArea cut({{11, 19}, {33, 49}}, cache);
  EXPECT_EQ(cut.find_word(text, "eventlet"), (std::vector<std::uint32_t>{41}));
  EXPECT_EQ(cut.find_all(text, "eventlet"), (std::vector<std::uint32_t>{11, 41}));
  EXPECT_TRUE(area.contains(0));
  EXPECT_TRUE(area.contains(11));
  EXPECT_FALSE(area.contains(12));
  EXPECT_FALSE(area.contains(19));
  EXPECT_TRUE(area.contains(20));
  EXPECT_FALSE(area.contains(49));
  EXPECT_TRUE(whole.contains(1000));
  // The whole file with the kept occurrences: the plain search's answers.
  EXPECT_EQ(SearchArea(&cache).find_word(text, "eventlet"), find_word(text, "eventlet"));
}

}  // namespace
}  // namespace eventlet_lsp::analyzers
