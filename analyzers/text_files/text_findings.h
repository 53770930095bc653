// Shared by the text-file audits: building a finding from a byte range, and `# noqa`.
#pragma once

#include <string_view>
#include <vector>

#include "analyzers/core/finding.h"
#include "analyzers/core/line_starts.h"

namespace eventlet_lsp::analyzers {

class TextFindings {
 public:
  TextFindings(std::string_view text, bool honour_noqa = true)
      : text_(text), lines_(text), honour_noqa_(honour_noqa) {}

  // Adds a finding of `code` over text[start, end), unless a `# noqa` on its line suppresses it.
  void add(std::string_view code, std::uint32_t start, std::uint32_t end);

  std::string_view text() const { return text_; }
  const LineStarts& lines() const { return lines_; }
  std::vector<Finding> take() &&;

 private:
  std::string_view text_;
  LineStarts lines_;
  bool honour_noqa_;
  std::vector<Finding> findings_;
};

// A requirement specifier (`eventlet>=0.30 ; python_version<"3.13"`) names the eventlet
// distribution (PEP 503 normalised).
bool requirement_names_eventlet(std::string_view requirement);

}  // namespace eventlet_lsp::analyzers
