// OccurrenceCache: after any edit, the offsets it gives are find_word's and find_all's on the new
// text (random texts of a few words, random edits, words that touch and cross the edits).
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "analyzers/python/occurrence_cache.h"
#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {
namespace {

TEST(OccurrenceCache, FollowsRandomEditsExactly) {
  std::mt19937 random(20261125);
  const std::vector<std::string> pieces = {"eventlet", "event", "let", "gt", "g", "t", " ", "\n", ".", "_",
                                           "(", "é", "EVENTLET_", "x", "eventlet.sleep", "q"};
  const std::vector<std::string> needles = {"eventlet", "gt", "q", "let", "EVENTLET_", "sleep"};
  auto piece = [&] { return pieces[random() % pieces.size()]; };
  for (int run = 0; run < 200; ++run) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += piece();
    OccurrenceCache cache;
    for (const std::string& needle : needles) {
      cache.words(text, needle);
      cache.substrings(text, needle);
    }
    for (int step = 0; step < 30; ++step) {
      const std::size_t start = random() % (text.size() + 1);
      const std::size_t end = start + random() % (std::min<std::size_t>(text.size() - start, 12) + 1);
      std::string inserted;
      for (int i = random() % 3; i > 0; --i) inserted += piece();
      text.replace(start, end - start, inserted);
      cache.update(text, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end),
                   static_cast<std::uint32_t>(start + inserted.size()));
      for (const std::string& needle : needles) {
        ASSERT_EQ(cache.words(text, needle), find_word(text, needle))
            << "run " << run << " step " << step << " needle " << needle << " text: " << text;
        ASSERT_EQ(cache.substrings(text, needle), find_all(text, needle))
            << "run " << run << " step " << step << " needle " << needle << " text: " << text;
      }
    }
  }
}

TEST(OccurrenceCache, SearchesANewNeedleInTheCurrentText) {
  OccurrenceCache cache;
  std::string text = "import eventlet\n";
  EXPECT_EQ(cache.words(text, "eventlet"), (std::vector<std::uint32_t>{7}));
  text.insert(0, "# eventlet\n");
  cache.update(text, 0, 0, 11);
  EXPECT_EQ(cache.words(text, "eventlet"), (std::vector<std::uint32_t>{2, 18}));
  EXPECT_EQ(cache.words(text, "import"), (std::vector<std::uint32_t>{11}));
  cache.clear();
  EXPECT_EQ(cache.substrings(text, "event"), (std::vector<std::uint32_t>{2, 18}));
}

}  // namespace
}  // namespace eventlet_lsp::analyzers
