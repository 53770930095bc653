#include "analyzers/fixes/rewrite_site.h"

#include "analyzers/parse/python_grammar.h"

namespace eventlet_lsp::analyzers {

std::optional<RewriteSite> locate_site(const SyntaxTree& tree, const Finding& finding) {
  const PythonGrammar& g = PythonGrammar::instance();
  SyntaxPath path = syntax_path_at(tree, finding.range.start_byte);
  // Up to the node that is exactly the finding's range (the reference `eventlet.sleep`).
  while (!path.empty() && !(ts_node_start_byte(path.back().node) == finding.range.start_byte &&
                            ts_node_end_byte(path.back().node) == finding.range.end_byte)) {
    path.pop_back();
  }
  if (path.empty()) return std::nullopt;
  RewriteSite site{tree, finding, std::move(path)};
  const std::size_t n = site.path.size() - 1;
  if (n > 0 && site.path[n - 1].kind == NodeKind::Call && site.path[n].field == g.f_function) {
    site.call = site.path[n - 1].node;
    site.call_is_statement = n > 1 && site.path[n - 2].kind == NodeKind::ExpressionStatement &&
                             ts_node_named_child_count(site.path[n - 2].node) == 1;
  }
  for (std::size_t i = n; i-- > 0;) {
    const NodeKind kind = site.path[i].kind;
    if (kind == NodeKind::Lambda || kind == NodeKind::ClassDefinition) break;
    if (kind == NodeKind::FunctionDefinition) {
      site.in_async_def = ts_node_child_count(site.path[i].node) > 0 &&
                          g.kind(ts_node_child(site.path[i].node, 0)) == NodeKind::Keyword;
      break;
    }
  }
  return site;
}

std::string RewriteSite::arguments_text() const {
  if (ts_node_is_null(call)) return {};
  const TSNode arguments = ts_node_child_by_field_id(call, PythonGrammar::instance().f_arguments);
  const std::string_view written = tree.text(arguments);
  if (written.size() < 2) return {};
  return std::string(written.substr(1, written.size() - 2));
}

TSNode RewriteSite::statement() const {
  const std::size_t n = path.size() - 1;
  return n >= 2 ? path[n - 2].node : TSNode{};
}

TextEdit remove_statement(const SyntaxTree& tree, TSNode statement) {
  const std::string_view text = tree.source();
  const std::uint32_t start = ts_node_start_byte(statement);
  const std::uint32_t end = ts_node_end_byte(statement);
  const TSNode parent = ts_node_parent(statement);
  const PythonGrammar& g = PythonGrammar::instance();
  if (!ts_node_is_null(parent) && g.kind(parent) == NodeKind::Block && ts_node_named_child_count(parent) == 1) {
    return TextEdit{start, end, "pass"};
  }
  std::size_t line_start = text.rfind('\n', start == 0 ? 0 : start - 1);
  line_start = (start == 0 || line_start == std::string_view::npos) ? 0 : line_start + 1;
  std::size_t line_end = text.find('\n', end);
  line_end = line_end == std::string_view::npos ? text.size() : line_end + 1;
  const std::string_view before = text.substr(line_start, start - line_start);
  const std::string_view after = text.substr(end, line_end - end);
  const bool alone = before.find_first_not_of(" \t") == std::string_view::npos &&
                     after.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (alone) return TextEdit{static_cast<std::uint32_t>(line_start), static_cast<std::uint32_t>(line_end), ""};
  return TextEdit{start, end, "pass"};
}

}  // namespace eventlet_lsp::analyzers
