// The part of a file an analysis looks at: all of it, or some byte ranges. When an edit lies in
// one top-level function or class, the rest of the file matters to that definition only through
// the module's own statements, so the analysis of that definition skips the other definitions'
// bodies (see definition_reanalysis.h). With a document's OccurrenceCache, the searches are
// answered from the occurrences it keeps rather than by scanning the text; an area of spans
// always filters those.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzers/python/occurrence_cache.h"

namespace eventlet_lsp::analyzers {

struct ByteSpan {
  std::uint32_t start = 0;
  std::uint32_t end = 0;  // exclusive
};

class SearchArea {
 public:
  SearchArea() = default;  // the whole file
  // The whole file, whose occurrences `cache` keeps (it must follow the file's text).
  explicit SearchArea(OccurrenceCache* cache) : cache_(cache) {}
  // `spans` sorted and disjoint; `cache` keeps the whole file's occurrences (it must follow the
  // file's text): those in the spans are the area's.
  SearchArea(std::vector<ByteSpan> spans, OccurrenceCache& cache)
      : spans_(std::move(spans)), whole_(false), cache_(&cache) {}

  bool contains(std::uint32_t byte) const;

  // find_word and find_all of syntax_path.h over the area only (word boundaries still judged on
  // the whole text).
  std::vector<std::uint32_t> find_word(std::string_view text, std::string_view word) const;
  std::vector<std::uint32_t> find_all(std::string_view text, std::string_view needle) const;

 private:
  // The offsets of occurrences of `length` bytes that lie wholly in the spans.
  std::vector<std::uint32_t> within(const std::vector<std::uint32_t>& offsets, std::size_t length) const;

  std::vector<ByteSpan> spans_;
  bool whole_ = true;
  OccurrenceCache* cache_ = nullptr;
};

}  // namespace eventlet_lsp::analyzers
