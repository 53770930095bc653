// Findings compared and printed, for tests that check one way of analysing against another.
#pragma once

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/catalog/rule.h"
#include "analyzers/core/finding.h"

namespace eventlet_lsp::testing {

inline std::string describe_findings(const std::vector<analyzers::Finding>& findings) {
  std::ostringstream out;
  for (const analyzers::Finding& f : findings) {
    out << "  " << (f.rule != nullptr ? f.rule->code : "?") << " [" << f.range.start_byte << ", "
        << f.range.end_byte << ") " << f.range.start.row << ":" << f.range.start.column << "-"
        << f.range.end.row << ":" << f.range.end.column << " " << f.message << "\n";
  }
  return out.str();
}

// Same rules, ranges, messages, qualified names, related locations and `# noqa` marks, in the same order.
inline bool same_findings(const std::vector<analyzers::Finding>& a, const std::vector<analyzers::Finding>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string_view code_a = a[i].rule != nullptr ? a[i].rule->code : "";
    const std::string_view code_b = b[i].rule != nullptr ? b[i].rule->code : "";
    if (code_a != code_b || !(a[i].range == b[i].range) || a[i].message != b[i].message ||
        a[i].qualified_name != b[i].qualified_name || a[i].related.has_value() != b[i].related.has_value() ||
        (a[i].related && !(a[i].related->range == b[i].related->range)) || a[i].suppression != b[i].suppression)
      return false;
  }
  return true;
}

}  // namespace eventlet_lsp::testing
