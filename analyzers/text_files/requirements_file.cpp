#include "analyzers/text_files/text_audits.h"

namespace eventlet_lsp::analyzers {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }
}  // namespace

void audit_requirements(TextFindings& findings) {
  const std::string_view text = findings.text();
  std::uint32_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::uint32_t start = line_start;
    auto end = static_cast<std::uint32_t>(line_end);
    // A comment starts at '#' preceded by whitespace (or at the start of the line).
    for (std::uint32_t i = start; i < end; ++i) {
      if (text[i] == '#' && (i == start || is_space(text[i - 1]))) {
        end = i;
        break;
      }
    }
    while (start < end && is_space(text[start])) ++start;
    while (end > start && is_space(text[end - 1])) --end;
    // Options (-r, -c, --hash) and URLs are not requirement names.
    if (start < end && text[start] != '-' &&
        requirement_names_eventlet(text.substr(start, end - start))) {
      findings.add("EL901", start, end);
    }
    if (line_end == text.size()) break;
    line_start = static_cast<std::uint32_t>(line_end + 1);
  }
}

}  // namespace eventlet_lsp::analyzers
