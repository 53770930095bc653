// A discarded spawn/spawn_n: `threading.Thread(target=f, args=(...), kwargs={...},
// daemon=True).start()`. Unsafe: the function now runs in parallel, preempted, and the green
// thread's result (which nobody read) is gone.
#include "analyzers/fixes/rewrites/call_arguments.h"
#include "analyzers/fixes/rewrites/rewrites.h"
#include "analyzers/fixes/rewrites/statement_lines.h"
#include "analyzers/parse/python_grammar.h"

namespace eventlet_lsp::analyzers {

std::vector<Rewrite> rewrite_fire_and_forget(const RewriteSite& site) {
  if (site.finding.rule->code != "EL301" || ts_node_is_null(site.call) || !site.call_is_statement) return {};
  const auto arguments = split_arguments(site.tree, site.call);
  if (!arguments || arguments->has_splat || arguments->has_comment || arguments->positional.empty()) return {};
  std::string thread = "threading.Thread(target=" + arguments->positional.front();
  const std::vector<std::string> rest(arguments->positional.begin() + 1, arguments->positional.end());
  if (!rest.empty()) {
    thread += ", args=(";
    for (std::size_t i = 0; i < rest.size(); ++i) thread += (i ? ", " : "") + rest[i];
    thread += rest.size() == 1 ? ",)" : ")";
  }
  if (!arguments->keywords.empty()) {
    thread += ", kwargs={";
    for (std::size_t i = 0; i < arguments->keywords.size(); ++i) {
      thread += (i ? ", " : "") + std::string("\"") + arguments->keywords[i].first + "\": " + arguments->keywords[i].second;
    }
    thread += "}";
  }
  thread += ", daemon=True).start()";
  return {Rewrite{"Start a daemon `threading.Thread` (unsafe: the function runs in parallel and is preempted)",
                  FixSafety::Unsafe, MigrationTarget::Threading,
                  {{ts_node_start_byte(site.call), ts_node_end_byte(site.call), thread}},
                  {{"threading", ""}}}};
}

}  // namespace eventlet_lsp::analyzers

namespace eventlet_lsp::analyzers {

namespace {

// Whether `name` is an `async def` at module level of the file: only then is `name(...)` a
// coroutine that asyncio can run.
bool is_module_coroutine_function(const SyntaxTree& tree, std::string_view name) {
  const PythonGrammar& g = PythonGrammar::instance();
  const TSNode root = tree.root();
  for (std::uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
    TSNode statement = ts_node_named_child(root, i);
    if (g.kind(statement) == NodeKind::DecoratedDefinition)
      statement = ts_node_child_by_field_id(statement, g.f_definition);
    if (g.kind(statement) != NodeKind::FunctionDefinition) continue;
    if (tree.text(ts_node_child_by_field_id(statement, g.f_name)) != name) continue;
    return ts_node_child_count(statement) > 0 && g.kind(ts_node_child(statement, 0)) == NodeKind::Keyword;
  }
  return false;
}

}  // namespace

// Inside `async def`, a discarded spawn of a module-level coroutine function becomes a task kept
// in a module-level set until it finishes (an unreferenced task can be garbage-collected).
std::vector<Rewrite> rewrite_fire_and_forget_task(const RewriteSite& site) {
  if (site.finding.rule->code != "EL301" || !site.in_async_def || !site.call_is_statement) return {};
  const auto arguments = split_arguments(site.tree, site.call);
  if (!arguments || arguments->has_splat || arguments->has_comment || arguments->positional.empty()) return {};
  const std::string& function = arguments->positional.front();
  if (!is_module_coroutine_function(site.tree, function)) return {};
  const std::vector<std::string> rest(arguments->positional.begin() + 1, arguments->positional.end());
  const TSNode statement = site.statement();
  const std::string_view source = site.tree.source();
  const std::uint32_t start = ts_node_start_byte(statement);
  const auto statement_indentation = statement_indent(site.tree, statement);
  if (!statement_indentation) return {};
  const std::string& indent = *statement_indentation;
  const std::string newline(newline_of(source));
  const std::string text = "background_task = asyncio.create_task(" + function + "(" +
                           join_arguments(rest, arguments->keywords) + "))" + newline + indent +
                           "_BACKGROUND_TASKS.add(background_task)" + newline + indent +
                           "background_task.add_done_callback(_BACKGROUND_TASKS.discard)";
  return {Rewrite{"Start an asyncio task kept until it finishes (unsafe: it runs on the event loop, "
                  "and only while the loop runs)",
                  FixSafety::Unsafe, MigrationTarget::Asyncio,
                  {{start, ts_node_end_byte(statement), text}}, {{"asyncio", ""}},
                  {"_BACKGROUND_TASKS = set()  # running tasks: asyncio keeps only weak references"}}};
}

}  // namespace eventlet_lsp::analyzers
