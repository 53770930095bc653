// Where the words the analysis searched for occur in a document's current text, kept from one
// keystroke to the next: after an edit only the edited bytes are searched again, instead of the
// whole file for every name (a quarter of a whole-file analysis on 5,000 lines).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eventlet_lsp::analyzers {

class OccurrenceCache {
 public:
  // find_word / find_all of syntax_path.h on `text`, which must be the text the cache follows
  // (the one of the last update, or any text while the cache is empty).
  const std::vector<std::uint32_t>& words(std::string_view text, std::string_view word);
  const std::vector<std::uint32_t>& substrings(std::string_view text, std::string_view needle);

  // After an edit that replaced [start, old_end) of the old text by [start, new_end) of
  // `new_text`: offsets after it move, those around it are searched again.
  void update(std::string_view new_text, std::uint32_t start, std::uint32_t old_end, std::uint32_t new_end);

  void clear() { entries_.clear(); }

 private:
  struct Entry {
    bool whole_words = false;
    std::string needle;
    std::vector<std::uint32_t> offsets;
  };
  const std::vector<std::uint32_t>& lookup(std::string_view text, std::string_view needle, bool whole_words);

  std::unordered_map<std::string, Entry> entries_;  // by kind and needle
};

}  // namespace eventlet_lsp::analyzers
