#include "analyzers/fixes/noqa_comment.h"

#include <optional>

#include "analyzers/catalog/rule.h"
#include "analyzers/parse/python_grammar.h"
#include "analyzers/python/noqa.h"

namespace eventlet_lsp::analyzers {

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
    const std::optional<NoqaDirective> directive = parse_noqa(comment);
    if (const auto end = directive ? directive->codes_end : std::nullopt) {
      const auto insert_at = static_cast<std::uint32_t>(comment_start + *end);
      return TextEdit{insert_at, insert_at, ", " + code};
    }
    break;  // one comment per line: it runs to the end of the line
  }
  const auto insert_at = static_cast<std::uint32_t>(line_end);
  return TextEdit{insert_at, insert_at, "  # noqa: " + code};
}

}  // namespace eventlet_lsp::analyzers
