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
  if (cache_ == nullptr) return analyzers::find_all(text, needle);
  if (whole_) return cache_->substrings(text, needle);
  return needle.empty() ? std::vector<std::uint32_t>{} : within(cache_->substrings(text, needle), needle.size());
}

std::vector<std::uint32_t> SearchArea::find_word(std::string_view text, std::string_view word) const {
  if (cache_ == nullptr) return analyzers::find_word(text, word);
  if (whole_) return cache_->words(text, word);
  return word.empty() ? std::vector<std::uint32_t>{} : within(cache_->words(text, word), word.size());
}

}  // namespace eventlet_lsp::analyzers
