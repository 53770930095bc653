// A finding as a test states it: its code and exact range (0-based rows, byte columns).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/catalog/rule.h"
#include "analyzers/core/finding.h"

namespace eventlet_lsp::testing {

struct Hit {
  std::string code;
  std::uint32_t row = 0;
  std::uint32_t column = 0;
  std::uint32_t end_row = 0;
  std::uint32_t end_column = 0;
  friend bool operator==(const Hit&, const Hit&) = default;
  friend std::ostream& operator<<(std::ostream& out, const Hit& hit) {
    return out << hit.code << "@" << hit.row << ":" << hit.column << "-" << hit.end_row << ":" << hit.end_column;
  }
};

using Hits = std::vector<Hit>;

// A finding on one line: `code` over columns [column, end_column) of `row`.
inline Hit at(std::string_view code, std::uint32_t row, std::uint32_t column, std::uint32_t end_column) {
  return Hit{std::string(code), row, column, row, end_column};
}

inline Hit hit_of(const analyzers::Finding& finding) {
  return Hit{std::string(finding.rule->code), finding.range.start.row, finding.range.start.column,
             finding.range.end.row, finding.range.end.column};
}

}  // namespace eventlet_lsp::testing
