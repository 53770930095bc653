#include "analyzers/python/noqa.h"

#include <cctype>

#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

std::size_t find_noqa(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    if (iequals(text.substr(i, 4), "noqa")) {
      // Only "# noqa" (with optional spaces after '#') counts, not "noqa" inside prose.
      std::size_t j = i;
      while (j > 0 && text[j - 1] == ' ') --j;
      if (j > 0 && text[j - 1] == '#') return i;
    }
  }
  return std::string_view::npos;
}

bool is_code_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

}  // namespace

bool NoqaDirective::suppresses(const RuleDefinition& rule) const {
  if (all) return true;
  for (const std::string& code : codes) {
    if (iequals(code, rule.code) || code == rule.name) return true;
  }
  return false;
}

std::optional<NoqaDirective> parse_noqa(std::string_view comment) {
  const std::size_t at = find_noqa(comment);
  if (at == std::string_view::npos) return std::nullopt;
  NoqaDirective directive;
  std::size_t i = at + 4;
  if (i < comment.size() && is_code_char(comment[i])) return std::nullopt;  // "noqaxyz"
  while (i < comment.size() && comment[i] == ' ') ++i;
  if (i >= comment.size() || comment[i] != ':') {
    directive.all = true;
    return directive;
  }
  ++i;
  for (;;) {
    while (i < comment.size() && (comment[i] == ' ' || comment[i] == ',')) ++i;
    const std::size_t start = i;
    while (i < comment.size() && is_code_char(comment[i])) ++i;
    if (i == start) break;
    directive.codes.emplace_back(comment.substr(start, i - start));
  }
  // "# noqa:" with nothing after it is read as a bare noqa, as flake8 does.
  if (directive.codes.empty()) directive.all = true;
  return directive;
}

}  // namespace eventlet_lsp::analyzers
