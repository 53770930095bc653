// Byte offset -> (row, byte column) for text the analyzers did not parse with tree-sitter.
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

#include "analyzers/core/finding.h"

namespace eventlet_lsp::analyzers {

class LineStarts {
 public:
  explicit LineStarts(std::string_view text) {
    starts_.push_back(0);
    for (std::uint32_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }

  TextPoint point(std::uint32_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto row = static_cast<std::uint32_t>(it - starts_.begin() - 1);
    return TextPoint{row, offset - starts_[row]};
  }

  SourceRange range(std::uint32_t start, std::uint32_t end) const {
    return SourceRange{start, end, point(start), point(end)};
  }

  std::uint32_t line_start(std::uint32_t row) const { return starts_[row]; }
  std::size_t line_count() const { return starts_.size(); }

 private:
  std::vector<std::uint32_t> starts_;
};

}  // namespace eventlet_lsp::analyzers
