#include "analyzers/python/search_area.h"

#include <algorithm>

#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {

bool SearchArea::contains(std::uint32_t byte) const {
  if (whole_) return true;
  // The first span ending after `byte`: the only one that can hold it.
  const auto it = std::upper_bound(spans_.begin(), spans_.end(), byte,
                                   [](std::uint32_t at, const ByteSpan& span) { return at < span.end; });
  return it != spans_.end() && it->start <= byte;
}

std::vector<std::uint32_t> SearchArea::within(const std::vector<std::uint32_t>& offsets, std::size_t length) const {
  std::vector<std::uint32_t> found;
  for (const std::uint32_t at : offsets) {
    if (contains(at) && contains(static_cast<std::uint32_t>(at + length - 1))) found.push_back(at);
  }
  return found;
}

std::vector<std::uint32_t> SearchArea::find_all(std::string_view text, std::string_view needle) const {
  if (whole_) return cache_ != nullptr ? cache_->substrings(text, needle) : analyzers::find_all(text, needle);
  if (cache_ != nullptr && !needle.empty()) return within(cache_->substrings(text, needle), needle.size());
  std::vector<std::uint32_t> found;
  for (const ByteSpan& span : spans_) {
    if (span.start >= text.size()) break;
    const std::string_view part = text.substr(span.start, std::min<std::size_t>(span.end, text.size()) - span.start);
    append_all(part, needle, span.start, found);
  }
  return found;
}

std::vector<std::uint32_t> SearchArea::find_word(std::string_view text, std::string_view word) const {
  if (whole_) return cache_ != nullptr ? cache_->words(text, word) : analyzers::find_word(text, word);
  if (cache_ != nullptr && !word.empty()) return within(cache_->words(text, word), word.size());
  std::vector<std::uint32_t> found = find_all(text, word);
  keep_whole_words(text, word.size(), found);
  return found;
}

}  // namespace eventlet_lsp::analyzers
