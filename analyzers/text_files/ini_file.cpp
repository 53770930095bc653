#include <cctype>
#include <string>

#include "analyzers/text_files/text_audits.h"

namespace eventlet_lsp::analyzers {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

enum class ValueKind { None, Requirements, ToxDeps, Concurrency };

// Which INI values hold what, per file kind.
ValueKind value_kind(TextFileKind kind, std::string_view section, std::string_view key) {
  const bool coverage_run = (kind == TextFileKind::CoverageRc && section == "run") ||
                            (kind != TextFileKind::CoverageRc && section == "coverage:run");
  if (coverage_run && key == "concurrency") return ValueKind::Concurrency;
  if (kind == TextFileKind::SetupCfg) {
    if (section == "options" &&
        (key == "install_requires" || key == "setup_requires" || key == "tests_require"))
      return ValueKind::Requirements;
    if (section == "options.extras_require" || section == "extras") return ValueKind::Requirements;
  }
  if (kind == TextFileKind::ToxIni && section.starts_with("testenv") && key == "deps")
    return ValueKind::ToxDeps;
  return ValueKind::None;
}

// tox's factor conditions before a dependency (`py38: dep`, `!py27: dep`,
// `{py310,py311}-oldest: dep`): where the dependency starts. tox reads `^[\w{}.!,-]+:\s+`.
std::uint32_t after_tox_factors(std::string_view text, std::uint32_t start, std::uint32_t end) {
  std::uint32_t i = start;
  while (i < end && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                     std::string_view("_{}.!,-").find(text[i]) != std::string_view::npos))
    ++i;
  if (i == start || i + 1 >= end || text[i] != ':' || !is_space(text[i + 1])) return start;
  ++i;
  while (i < end && is_space(text[i])) ++i;
  return i;
}

// Audits one physical line's share of a value: text[start, end).
void audit_value(TextFindings& findings, ValueKind kind, std::uint32_t start, std::uint32_t end) {
  const std::string_view text = findings.text();
  for (std::uint32_t i = start; i < end; ++i) {
    if (text[i] == '#' && (i == start || is_space(text[i - 1]))) {
      end = i;
      break;
    }
  }
  if (kind == ValueKind::Requirements || kind == ValueKind::ToxDeps) {
    while (start < end && is_space(text[start])) ++start;
    while (end > start && is_space(text[end - 1])) --end;
    if (kind == ValueKind::ToxDeps) start = after_tox_factors(text, start, end);
    if (start < end && text[start] != '-' &&
        requirement_names_eventlet(text.substr(start, end - start)))
      findings.add("EL901", start, end);
    return;
  }
  // concurrency = thread, eventlet (comma or whitespace separated)
  std::uint32_t i = start;
  while (i < end) {
    while (i < end && (is_space(text[i]) || text[i] == ',')) ++i;
    const std::uint32_t token = i;
    while (i < end && !is_space(text[i]) && text[i] != ',') ++i;
    if (text.substr(token, i - token) == "eventlet") findings.add("EL902", token, i);
  }
}

}  // namespace

void audit_ini(TextFindings& findings, TextFileKind kind) {
  const std::string_view text = findings.text();
  std::string section;
  ValueKind current = ValueKind::None;
  std::uint32_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t found = text.find('\n', line_start);
    const auto line_end = static_cast<std::uint32_t>(found == std::string_view::npos ? text.size() : found);
    const std::string_view line = text.substr(line_start, line_end - line_start);
    std::uint32_t first = line_start;
    while (first < line_end && is_space(text[first])) ++first;
    const bool continuation = first > line_start && first < line_end;
    if (first == line_end || text[first] == '#' || text[first] == ';') {
      // blank or comment line: a continuation value may go on after it
    } else if (continuation) {
      if (current != ValueKind::None) audit_value(findings, current, first, line_end);
    } else if (text[first] == '[') {
      const std::size_t close = line.find(']');
      section = close == std::string_view::npos ? std::string()
                                                : std::string(line.substr(1, close - 1));
      current = ValueKind::None;
    } else {
      const std::size_t separator = line.find_first_of("=:");
      if (separator == std::string_view::npos) {
        current = ValueKind::None;
      } else {
        std::string_view key = line.substr(0, separator);
        while (!key.empty() && is_space(key.back())) key.remove_suffix(1);
        current = value_kind(kind, section, key);
        if (current != ValueKind::None)
          audit_value(findings, current, line_start + static_cast<std::uint32_t>(separator) + 1,
                      line_end);
      }
    }
    if (line_end == text.size()) break;
    line_start = line_end + 1;
  }
}

}  // namespace eventlet_lsp::analyzers
