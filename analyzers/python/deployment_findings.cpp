#include "analyzers/python/deployment_findings.h"
#include "analyzers/python/search_area.h"

#include <algorithm>

#include "analyzers/catalog/rule_registry.h"
#include "analyzers/python/python_analyzer.h"

namespace eventlet_lsp::analyzers {

namespace {

bool overlaps(const SourceRange& a, const SourceRange& b) {
  return a.start_byte < b.end_byte && b.start_byte < a.end_byte;
}

// Positions of a byte inside `node`, counted from the node's start (strings may span lines).
TextPoint point_in(const SyntaxTree& tree, TSNode node, std::uint32_t byte) {
  const TSPoint start = ts_node_start_point(node);
  TextPoint point{start.row, start.column};
  const std::string_view source = tree.source();
  for (std::uint32_t at = ts_node_start_byte(node); at < byte && at < source.size(); ++at) {
    if (source[at] == '\n') {
      ++point.row;
      point.column = 0;
    } else {
      ++point.column;
    }
  }
  return point;
}

}  // namespace

Finding deployment_finding(std::string_view code, const SyntaxTree& tree, TSNode node, std::uint32_t start,
                           std::uint32_t end, std::string_view written, std::string qualified_name) {
  const RuleDefinition& definition = rule(code);
  Finding finding;
  finding.rule = &definition;
  finding.range = SourceRange{start, end, point_in(tree, node, start), point_in(tree, node, end)};
  finding.message = format_message(definition.message, written);
  finding.qualified_name = std::move(qualified_name);
  finding.severity = definition.default_severity;
  return finding;
}

bool is_string_statement(const SyntaxPath& path, std::size_t at) {
  if (at == 0) return false;
  if (path[at - 1].kind == NodeKind::ExpressionStatement) return true;
  return path[at - 1].kind == NodeKind::ConcatenatedString && at > 1 &&
         path[at - 2].kind == NodeKind::ExpressionStatement;
}

void add_deployment_findings(const SyntaxTree& tree, const SearchArea& area, std::vector<Finding>& findings) {
  const std::size_t before = findings.size();
  const SyntaxPathFinder paths(tree);
  report_setup_requirements(tree, area, paths, findings);
  report_command_line_strings(tree, area, paths, findings);
  report_environment_keywords(tree, area, paths, findings);
  if (findings.size() == before) return;
  // `install_requires=["eventlet"]`, `["gunicorn", "-k", "eventlet"]`: the string is a
  // requirement or an option value here, not a reference to Eventlet's API.
  std::vector<SourceRange> added;
  for (std::size_t i = before; i < findings.size(); ++i) added.push_back(findings[i].range);
  const auto first_added = findings.begin() + static_cast<std::ptrdiff_t>(before);
  const auto kept_end = std::remove_if(findings.begin(), first_added, [&](const Finding& finding) {
    return finding.rule->code == "EL003" &&
           std::any_of(added.begin(), added.end(), [&](const SourceRange& range) { return overlaps(finding.range, range); });
  });
  findings.erase(kept_end, first_added);
}

}  // namespace eventlet_lsp::analyzers
