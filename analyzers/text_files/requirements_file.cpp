#include <cctype>

#include "analyzers/text_files/text_audits.h"

namespace eventlet_lsp::analyzers {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// text[start, end) of one line without its comment (a '#' at the start or after a blank) and
// the blanks around what is left.
std::pair<std::uint32_t, std::uint32_t> line_content(std::string_view text, std::uint32_t start, std::uint32_t end) {
  for (std::uint32_t i = start; i < end; ++i) {
    if (text[i] == '#' && (i == start || is_space(text[i - 1]))) {
      end = i;
      break;
    }
  }
  while (start < end && is_space(text[start])) ++start;
  while (end > start && is_space(text[end - 1])) --end;
  return {start, end};
}

template <typename Visit>
void for_each_line(std::string_view text, Visit visit) {
  std::uint32_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const auto [start, end] = line_content(text, line_start, static_cast<std::uint32_t>(line_end));
    if (!visit(start, end)) return;
    if (line_end == text.size()) break;
    line_start = static_cast<std::uint32_t>(line_end + 1);
  }
}

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; }

// PEP 508 in outline: a name, optional [extras], then nothing, a version specifier, an
// old-style `(>=1)`, a `; marker` or an `@ url`. A trailing backslash continues onto --hash lines.
bool is_requirement(std::string_view line) {
  if (line.ends_with('\\')) line.remove_suffix(1);
  std::size_t i = 0;
  if (line.empty() || !std::isalnum(static_cast<unsigned char>(line[0]))) return false;
  while (i < line.size() && is_name_char(line[i])) ++i;
  while (i < line.size() && is_space(line[i])) ++i;
  if (i < line.size() && line[i] == '[') {
    const std::size_t close = line.find(']', i);
    if (close == std::string_view::npos) return false;
    i = close + 1;
    while (i < line.size() && is_space(line[i])) ++i;
  }
  return i == line.size() || std::string_view("<>=!~(;@").find(line[i]) != std::string_view::npos;
}

}  // namespace

void audit_requirements(TextFindings& findings) {
  const std::string_view text = findings.text();
  for_each_line(text, [&](std::uint32_t start, std::uint32_t end) {
    // Options (-r, -c, --hash) and URLs are not requirement names.
    if (start < end && text[start] != '-' && requirement_names_eventlet(text.substr(start, end - start)))
      findings.add("EL901", start, end);
    return true;
  });
}

bool looks_like_requirements(std::string_view text) {
  bool requirement = false;
  bool other = false;
  for_each_line(text, [&](std::uint32_t start, std::uint32_t end) {
    const std::string_view line = text.substr(start, end - start);
    if (line.empty() || line.starts_with('-') || line.find("://") != std::string_view::npos) return true;
    if (is_requirement(line)) {
      requirement = true;
      return true;
    }
    other = true;
    return false;
  });
  return requirement && !other;
}

}  // namespace eventlet_lsp::analyzers
