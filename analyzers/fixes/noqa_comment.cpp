#include "analyzers/fixes/noqa_comment.h"

#include <cctype>
#include <optional>

#include "analyzers/catalog/rule.h"
#include "analyzers/parse/python_grammar.h"

namespace eventlet_lsp::analyzers {

namespace {

bool is_code_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }

// "E402", "EL8", "spawn-fire-and-forget": not a word of the prose that may follow the codes.
bool looks_like_code(std::string_view token) {
  for (char c : token) {
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') return true;
  }
  return false;
}

// In a comment's text, the offset just past the last code of its first `# noqa: CODES`
// directive (any case, spaces allowed around the colon); nullopt when it has none.
std::optional<std::size_t> end_of_coded_noqa(std::string_view comment) {
  for (std::size_t at = 0; at + 4 <= comment.size(); ++at) {
    if (std::tolower(static_cast<unsigned char>(comment[at])) != 'n') continue;
    std::string lower;
    for (char c : comment.substr(at, 4)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower != "noqa") continue;
    std::size_t before = at;
    while (before > 0 && comment[before - 1] == ' ') --before;
    if (before == 0 || comment[before - 1] != '#') continue;
    std::size_t i = at + 4;
    if (i < comment.size() && is_code_char(comment[i])) continue;
    while (i < comment.size() && comment[i] == ' ') ++i;
    if (i >= comment.size() || comment[i] != ':') continue;  // bare: not one to join
    ++i;
    std::optional<std::size_t> last_code_end;
    for (;;) {
      while (i < comment.size() && (comment[i] == ' ' || comment[i] == ',')) ++i;
      const std::size_t start = i;
      while (i < comment.size() && is_code_char(comment[i])) ++i;
      if (i == start || !looks_like_code(comment.substr(start, i - start))) break;  // prose follows
      last_code_end = i;
    }
    if (last_code_end) return last_code_end;
  }
  return std::nullopt;
}

}  // namespace

TextEdit noqa_comment_edit(const SyntaxTree& tree, const Finding& finding) {
  const std::string_view source = tree.source();
  const std::string code(finding.rule->code);
  const std::uint32_t line_start = finding.range.start_byte - finding.range.start.column;
  std::size_t line_end = source.find('\n', finding.range.start_byte);
  if (line_end == std::string_view::npos) line_end = source.size();
  if (line_end > line_start && source[line_end - 1] == '\r') --line_end;
  const PythonGrammar& g = PythonGrammar::instance();
  for (std::size_t hash = source.find('#', line_start); hash < line_end; hash = source.find('#', hash + 1)) {
    const auto at = static_cast<std::uint32_t>(hash);
    TSNode node = ts_node_descendant_for_byte_range(tree.root(), at, at + 1);
    if (ts_node_is_null(node) || g.kind(node) != NodeKind::Comment) continue;  // a '#' in a string
    const std::uint32_t comment_start = ts_node_start_byte(node);
    const std::string_view comment = tree.text(node);
    if (const auto end = end_of_coded_noqa(comment)) {
      const auto insert_at = static_cast<std::uint32_t>(comment_start + *end);
      return TextEdit{insert_at, insert_at, ", " + code};
    }
    break;  // one comment per line: it runs to the end of the line
  }
  const auto insert_at = static_cast<std::uint32_t>(line_end);
  return TextEdit{insert_at, insert_at, "  # noqa: " + code};
}

}  // namespace eventlet_lsp::analyzers
