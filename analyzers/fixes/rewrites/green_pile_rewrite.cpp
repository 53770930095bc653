// `pile = GreenPile(n)`: a list of futures from a `ThreadPoolExecutor(max_workers=n)`:
//     pile_executor = concurrent.futures.ThreadPoolExecutor(max_workers=n)
//     pile = []
// `pile.spawn(f, x)` -> `pile.append(pile_executor.submit(f, x))`, and iterating the pile (a
// `for` loop, a comprehension, `list(pile)`...) reads the results in order:
// `(future.result() for future in pile)`. The default size (1000) becomes 16, with a comment.
// Refused for any other use (`next(pile)`, the pile passed on), an attribute, several
// bindings, `async def`, or `<name>_executor` already in use. Unsafe: the functions run in OS
// threads, preempted; an exception surfaces when its result is read, as with the pile.
#include "analyzers/catalog/rule.h"
#include "analyzers/fixes/rewrites/call_arguments.h"
#include "analyzers/fixes/rewrites/rewrites.h"
#include "analyzers/fixes/rewrites/statement_lines.h"
#include "analyzers/fixes/rewrites/variable_uses.h"
#include "analyzers/parse/python_grammar.h"
#include "analyzers/python/binding_collector.h"
#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {

namespace {

// The use is iterated as a whole: `for x in pile`, `[... for x in pile]`, `list(pile)`.
bool iterated(const SyntaxTree& tree, const VariableUse& use) {
  const PythonGrammar& g = PythonGrammar::instance();
  const std::size_t n = use.path.size() - 1;
  if (n < 1) return false;
  const SyntaxFrame& parent = use.path[n - 1];
  if ((parent.kind == NodeKind::ForStatement || parent.kind == NodeKind::ForInClause) &&
      use.path[n].field == g.f_right)
    return true;
  if (parent.kind == NodeKind::ArgumentList && ts_node_named_child_count(parent.node) == 1 && n >= 2 &&
      use.path[n - 2].kind == NodeKind::Call) {
    const std::string_view function = tree.text(ts_node_child_by_field_id(use.path[n - 2].node, g.f_function));
    return function == "list" || function == "tuple" || function == "sorted" || function == "set";
  }
  return false;
}

}  // namespace

std::vector<Rewrite> rewrite_green_pile(const RewriteSite& site) {
  if (site.finding.rule->code != "EL503" || site.finding.qualified_name != "eventlet.greenpool.GreenPile" ||
      ts_node_is_null(site.call) || site.in_async_def)
    return {};
  const PythonGrammar& g = PythonGrammar::instance();
  const auto variable = variable_holding(site.tree, site.call);
  if (!variable || variable->is_attribute || variable->assignments.size() != 1) return {};
  const std::string name(variable->name);
  const std::string executor = name + "_executor";
  if (!find_word(site.tree.source(), executor).empty()) return {};

  const auto arguments = split_arguments(site.tree, site.call);
  if (!arguments || arguments->has_splat || arguments->has_comment) return {};
  std::string size;
  if (!arguments->positional.empty()) size = arguments->positional.front();
  for (const auto& [keyword, value] : arguments->keywords) {
    if (keyword == "size") size = value;
  }

  std::vector<TextEdit> edits;
  for (const VariableUse& use : variable->uses) {
    if (use.in_async_def) return {};
    if (use.method_call && use.method_call->name == "spawn" && use.method_call->is_statement) {
      const std::string_view spawned = site.tree.text(use.method_call->arguments);  // "(f, x)"
      edits.push_back({ts_node_start_byte(use.method_call->call), ts_node_end_byte(use.method_call->call),
                       name + ".append(" + executor + ".submit" + std::string(spawned) + ")"});
    } else if (!use.method_call && iterated(site.tree, use)) {
      edits.push_back({ts_node_start_byte(use.node()), ts_node_end_byte(use.node()),
                       "(future.result() for future in " + name + ")"});
    } else {
      return {};
    }
  }

  // The assignment statement becomes the executor and the empty list, at its indentation.
  const TSNode statement = ts_node_parent(variable->assignments.front());
  if (ts_node_is_null(statement) || g.kind(statement) != NodeKind::ExpressionStatement) return {};
  const std::string_view source = site.tree.source();
  const std::uint32_t start = ts_node_start_byte(statement);
  const auto statement_indentation = statement_indent(site.tree, statement);
  if (!statement_indentation) return {};
  const std::string& indent = *statement_indentation;
  const std::string newline(newline_of(source));
  std::string replacement;
  if (size.empty()) {
    replacement += "# GreenPile's default of 1000 green threads would be 1000 OS threads: a small pool" + newline + indent;
    size = "16";
  }
  replacement += executor + " = concurrent.futures.ThreadPoolExecutor(max_workers=" + size + ")" + newline + indent +
                 name + " = []";
  edits.push_back({start, ts_node_end_byte(statement), replacement});
  return {Rewrite{"Collect futures of a `ThreadPoolExecutor` (unsafe: the functions run in OS threads, preempted)" +
                      elsewhere_caveat(*variable),
                  FixSafety::Unsafe, MigrationTarget::Threading, std::move(edits), {{"concurrent.futures", ""}}}};
}

}  // namespace eventlet_lsp::analyzers
