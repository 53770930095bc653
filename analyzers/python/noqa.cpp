#include "analyzers/python/noqa.h"

#include <cctype>

#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

// The offset just past "noqa" of the next `# noqa` at or after `from`; npos when none.
std::size_t find_noqa(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i + 4 <= text.size(); ++i) {
    if (iequals(text.substr(i, 4), "noqa")) {
      // Only "# noqa" (with optional spaces after '#') counts, not "noqa" inside prose.
      std::size_t j = i;
      while (j > 0 && text[j - 1] == ' ') --j;
      if (j > 0 && text[j - 1] == '#') return i + 4;
    }
  }
  return std::string_view::npos;
}

bool is_code_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

// "E402", "EL8", "spawn-fire-and-forget": not a word of the prose that may follow the codes.
bool looks_like_code(std::string_view token) {
  for (char c : token) {
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') return true;
  }
  return false;
}

}  // namespace

bool is_eventlet_code_selector(std::string_view code) {
  if (code.size() < 2 || code.size() > 5 || !istarts_with(code, "EL")) return false;
  for (char c : code.substr(2)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

Suppression NoqaDirective::match(const RuleDefinition& rule) const {
  for (const std::string& code : codes) {
    if (is_eventlet_code_selector(code) ? istarts_with(rule.code, code) : code == rule.name)
      return Suppression::CodedNoqa;
  }
  return bare ? Suppression::BareNoqa : Suppression::None;
}

std::optional<NoqaDirective> parse_noqa(std::string_view comment) {
  std::optional<NoqaDirective> directive;
  for (std::size_t i = find_noqa(comment, 0); i != std::string_view::npos; i = find_noqa(comment, i)) {
    if (i < comment.size() && is_code_char(comment[i])) continue;  // "noqaxyz", "noqa-ish"
    if (!directive) directive.emplace();
    while (i < comment.size() && comment[i] == ' ') ++i;
    if (i >= comment.size() || comment[i] != ':') {
      directive->bare = true;
      continue;
    }
    ++i;
    const std::size_t codes_before = directive->codes.size();
    const bool first_coded = !directive->codes_end;  // only the first coded directive is joined
    bool prose = false;
    for (;;) {
      while (i < comment.size() && (comment[i] == ' ' || comment[i] == ',')) ++i;
      const std::size_t start = i;
      while (i < comment.size() && is_code_char(comment[i])) ++i;
      if (i == start) break;
      const std::string_view code = comment.substr(start, i - start);
      prose = prose || !looks_like_code(code);
      if (first_coded && !prose) directive->codes_end = i;
      directive->codes.emplace_back(code);
    }
    // "# noqa:" with nothing after it is read as a bare noqa, as flake8 does.
    if (directive->codes.size() == codes_before) directive->bare = true;
  }
  return directive;
}

}  // namespace eventlet_lsp::analyzers
