#include "analyzers/python/occurrence_cache.h"

#include <algorithm>

#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {

const std::vector<std::uint32_t>& OccurrenceCache::words(std::string_view text, std::string_view word) {
  return lookup(text, word, true);
}

const std::vector<std::uint32_t>& OccurrenceCache::substrings(std::string_view text, std::string_view needle) {
  return lookup(text, needle, false);
}

const std::vector<std::uint32_t>& OccurrenceCache::lookup(std::string_view text, std::string_view needle,
                                                          bool whole_words) {
  std::string key(1, whole_words ? 'w' : 's');
  key.append(needle);
  auto [it, inserted] = entries_.try_emplace(std::move(key));
  if (inserted) {
    it->second.whole_words = whole_words;
    it->second.needle.assign(needle);
    it->second.offsets = whole_words ? find_word(text, needle) : find_all(text, needle);
  }
  return it->second.offsets;
}

void OccurrenceCache::update(std::string_view new_text, std::uint32_t start, std::uint32_t old_end,
                             std::uint32_t new_end) {
  const std::int64_t delta = static_cast<std::int64_t>(new_end) - static_cast<std::int64_t>(old_end);
  for (auto& [key, entry] : entries_) {
    const auto length = static_cast<std::uint32_t>(entry.needle.size());
    std::vector<std::uint32_t>& offsets = entry.offsets;
    // Occurrences that overlap the edit or touch it (a whole word also depends on the bytes
    // right before and after it) go; those after it move.
    const auto first = std::lower_bound(offsets.begin(), offsets.end(), start > length ? start - length : 0);
    const auto last = std::upper_bound(first, offsets.end(), old_end);
    const auto kept_after = static_cast<std::size_t>(offsets.end() - last);
    offsets.erase(first, last);
    for (auto it = offsets.end() - static_cast<std::ptrdiff_t>(kept_after); it != offsets.end(); ++it)
      *it = static_cast<std::uint32_t>(*it + delta);
    // The same window in the new text, searched again.
    const std::uint32_t from = start > length ? start - length : 0;
    const std::uint32_t to =
        static_cast<std::uint32_t>(std::min<std::size_t>(new_text.size(), std::size_t{new_end} + length + 1));
    std::vector<std::uint32_t> found;
    append_all(new_text.substr(from, to - from), entry.needle, from, found);
    if (entry.whole_words) keep_whole_words(new_text, length, found);
    std::erase_if(found, [&](std::uint32_t at) { return at + length < start || at > new_end; });
    const auto position = std::lower_bound(offsets.begin(), offsets.end(), found.empty() ? 0 : found.front());
    offsets.insert(position, found.begin(), found.end());
  }
}

}  // namespace eventlet_lsp::analyzers
