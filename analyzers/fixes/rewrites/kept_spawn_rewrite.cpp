// A spawn whose GreenThread is kept and waited (EL501): `t = eventlet.spawn(f, a)` becomes
//     t_executor = concurrent.futures.ThreadPoolExecutor(max_workers=1)
//     t = t_executor.submit(f, a)
//     t_executor.shutdown(wait=False)  # its thread ends after this task
// and the uses of `t` follow: `t.wait()` -> `t.result()`, `t.cancel()` stays (`t.kill()` is
// refused: no thread can be killed). One executor per spawn keeps one thread per green thread: a shared, bounded
// executor would queue work a green thread would have started at once, and a task waiting on a
// queued one would deadlock. The arguments are passed as written (`submit` takes them as spawn).
//
// Refused unless every use of the variable (in its scope, and in nested scopes that see it) is
// one of those calls with no arguments, and every binding of the name in that scope is such a
// spawn (they are rewritten together); refused inside `async def` (a blocking `result()` in a
// coroutine; an asyncio task needs a coroutine function, which the analysis cannot tell), for a
// statement that shares its line, and when the name `<name>_executor` is already used in the
// function (or module) of the assignment.
//
// Unsafe: the function runs in an OS thread, preempted; `cancel()` only stops work that has not
// started (waiting on it then raises CancelledError, not GreenletExit); the interpreter waits
// for the thread at exit, where an unfinished green thread was dropped.
#include "analyzers/catalog/rule.h"
#include "analyzers/fixes/rewrites/call_arguments.h"
#include "analyzers/fixes/rewrites/kept_thread.h"
#include "analyzers/fixes/rewrites/rewrites.h"
#include "analyzers/fixes/rewrites/statement_lines.h"
#include "analyzers/parse/python_grammar.h"
#include "analyzers/python/binding_collector.h"
#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {

std::optional<KeptThreadEdits> kept_thread_edits(const Variable& variable) {
  KeptThreadEdits result;
  for (const VariableUse& use : variable.uses) {
    if (use.in_async_def || !use.method_call || !use.method_call->no_arguments) return std::nullopt;
    const MethodCall& call = *use.method_call;
    const std::uint32_t start = ts_node_start_byte(call.method);
    const std::uint32_t end = ts_node_end_byte(call.method);
    if (call.name == "wait") {
      result.edits.push_back({start, end, "result"});
    } else if (call.name == "cancel") {
      // GreenThread.cancel() and Future.cancel() both stop only work not yet started. kill()
      // also stops running work, which no thread can do: no rewrite for it.
      result.cancels = true;
    } else {
      return std::nullopt;
    }
  }
  return result;
}

namespace {

bool is_spawn_call(const RewriteSite& site, TSNode value) {
  const PythonGrammar& g = PythonGrammar::instance();
  if (ts_node_is_null(value) || g.kind(value) != NodeKind::Call) return false;
  const TSNode function = ts_node_child_by_field_id(value, g.f_function);
  if (ts_node_eq(value, site.call)) return true;
  if (site.all_findings == nullptr) return false;
  for (const Finding& finding : *site.all_findings) {
    if (finding.rule->code == "EL501" && finding.qualified_name == "eventlet.greenthread.spawn" &&
        finding.range.start_byte == ts_node_start_byte(function) &&
        finding.range.end_byte == ts_node_end_byte(function))
      return true;
  }
  return false;
}

}  // namespace

std::vector<Rewrite> rewrite_kept_spawn(const RewriteSite& site) {
  if (site.finding.rule->code != "EL501" || site.finding.qualified_name != "eventlet.greenthread.spawn" ||
      ts_node_is_null(site.call) || site.in_async_def)
    return {};
  const PythonGrammar& g = PythonGrammar::instance();
  const auto variable = variable_holding(site.tree, site.call);
  if (!variable) return {};
  const auto uses = kept_thread_edits(*variable);
  if (!uses) return {};

  // The executor's name is local to the function (or module) of each assignment: it must not
  // occur there already (a nested function or a global of that name would be shadowed).
  std::vector<std::string_view> scope_texts;
  for (const TSNode other : variable->assignments) {
    TSNode scope_node = ts_node_parent(other);
    while (!ts_node_is_null(scope_node) && g.kind(scope_node) != NodeKind::FunctionDefinition &&
           g.kind(scope_node) != NodeKind::Module)
      scope_node = ts_node_parent(scope_node);
    if (ts_node_is_null(scope_node)) return {};
    scope_texts.push_back(site.text(scope_node));
  }
  const auto free = [&](const std::string& name) {
    for (const std::string_view text : scope_texts) {
      if (!find_word(text, name).empty()) return false;
    }
    return true;
  };
  const std::string executor = std::string(variable->name) + "_executor";
  if (!free(executor)) return {};
  std::vector<TextEdit> edits = uses->edits;
  for (const TSNode other : variable->assignments) {
    const TSNode value = ts_node_child_by_field_id(other, g.f_right);
    if (!is_spawn_call(site, value) || !function_passed_by_position(value)) return {};
    const TSNode statement = ts_node_parent(other);
    const auto indent = statement_indent(site.tree, statement);
    if (!indent || !statement_ends_line(site.tree, statement)) return {};
    const TSNode function = ts_node_child_by_field_id(value, g.f_function);
    edits.push_back(line_before(site.tree, statement, *indent,
                                executor + " = concurrent.futures.ThreadPoolExecutor(max_workers=1)"));
    edits.push_back({ts_node_start_byte(function), ts_node_end_byte(function), executor + ".submit"});
    edits.push_back(line_after(site.tree, statement, *indent,
                               executor + ".shutdown(wait=False)  # its thread ends after this task"));
  }
  std::string title =
      "Submit to a `concurrent.futures.ThreadPoolExecutor` and read `.result()` (unsafe: the function runs "
      "in an OS thread, preempted, which the interpreter waits for at exit";
  if (uses->cancels) title += "; a running thread cannot be killed: `cancel()` only stops it before it starts";
  title += elsewhere_caveat(*variable);
  title += ")";
  return {Rewrite{std::move(title), FixSafety::Unsafe, MigrationTarget::Threading,
                  merge_insertions_in_order(std::move(edits)), {{"concurrent.futures", ""}}}};
}

}  // namespace eventlet_lsp::analyzers
