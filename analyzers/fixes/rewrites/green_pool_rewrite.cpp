// A GreenPool kept in a variable (EL503): `pool = GreenPool(n)` becomes
// `pool = concurrent.futures.ThreadPoolExecutor(max_workers=n)` and every use of `pool` (the
// name in its scope and nested scopes, or `self.pool` across the methods of its class) changes
// with it, in one rewrite:
//     pool.spawn(f, *a, **kw)   -> pool.submit(f, *a, **kw)   (a kept GreenThread `t = pool.spawn(..)`
//                                                              follows: `t.wait()` -> `t.result()`)
//     pool.spawn_n(f, *a, **kw) -> pool.submit(f, *a, **kw)
//     pool.imap(f, *iterables)  -> pool.map(f, *iterables)
//     pool.starmap(f, items)    -> pool.map(lambda args: f(*args), items)
//     pool.waitall()            -> pool.shutdown(wait=True)
// A pool of the default size gets `max_workers=16` and a comment: GreenPool's default of 1000
// would mean up to 1000 OS threads.
//
// Refused when a use has no honest counterpart (`resize`, `free`, `running`, `waiting`, the pool
// passed on or returned, a `spawn_n` result used, a kept `spawn` result used otherwise than
// wait/kill/cancel), when `starmap`'s function is not a plain name or attribute chain (the
// lambda would evaluate it late), when the size is not positive, inside `async def`, and when
// the pool might be used after `waitall()` (an executor accepts no work after `shutdown`): a
// `waitall()` inside a loop that does not also create the pool, any use after it or in a nested
// function, a `self.pool` that is waited (its methods may run in any order).
//
// Unsafe: workers are OS threads, preempted (a large explicit size means as many threads), and
// the interpreter waits for their work at exit; `submit` queues work where `spawn` blocked while
// the pool was full; exceptions of submitted work stay in its future (spawn_n printed them);
// `map` consumes its input eagerly where imap was lazy; a task waiting on another task of the
// same bounded pool can deadlock.
#include <charconv>

#include "analyzers/catalog/rule.h"
#include "analyzers/fixes/rewrites/call_arguments.h"
#include "analyzers/fixes/rewrites/kept_thread.h"
#include "analyzers/fixes/rewrites/rewrites.h"
#include "analyzers/fixes/rewrites/statement_lines.h"
#include "analyzers/parse/python_grammar.h"
#include "analyzers/python/binding_collector.h"
#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {

namespace {

constexpr std::string_view kDefaultWorkers = "16";
constexpr long kManyWorkers = 64;  // an explicit size above this gets a word in the title

bool is_loop(TSNode node) {
  const std::string_view type = ts_node_type(node);
  return type == "for_statement" || type == "while_statement";
}

bool contains(TSNode outer, TSNode inner) {
  return ts_node_start_byte(outer) <= ts_node_start_byte(inner) && ts_node_end_byte(inner) <= ts_node_end_byte(outer);
}

// A `waitall()` that cannot run before another use of the pool: not in a loop (between it and
// the pool's scope) that does not also hold the pool's creation.
bool waitall_runs_once(TSNode call, TSNode assignment) {
  const PythonGrammar& g = PythonGrammar::instance();
  for (TSNode node = ts_node_parent(call); !ts_node_is_null(node); node = ts_node_parent(node)) {
    const NodeKind kind = g.kind(node);
    if (kind == NodeKind::FunctionDefinition || kind == NodeKind::ClassDefinition || kind == NodeKind::Module) break;
    if (is_loop(node) && !contains(node, assignment)) return false;
  }
  return true;
}

// A name or attribute chain (`work`, `self.handle`): evaluating it late, per item, is harmless.
bool is_plain_reference(TSNode node) {
  const PythonGrammar& g = PythonGrammar::instance();
  while (g.kind(node) == NodeKind::Attribute) node = ts_node_child_by_field_id(node, g.f_object);
  return g.kind(node) == NodeKind::Identifier;
}

std::optional<std::string> pool_size(const RewriteSite& site) {
  const auto arguments = split_arguments(site.tree, site.call);
  if (!arguments || arguments->has_splat || arguments->has_comment) return std::nullopt;
  if (arguments->positional.size() + arguments->keywords.size() > 1) return std::nullopt;
  std::string size;
  if (!arguments->positional.empty()) size = arguments->positional.front();
  if (!arguments->keywords.empty()) {
    if (arguments->keywords.front().first != "size") return std::nullopt;
    size = arguments->keywords.front().second;
  }
  if (size.empty()) return std::string();
  if (size.starts_with("-")) return std::nullopt;
  long value = 0;
  const auto parsed = std::from_chars(size.data(), size.data() + size.size(), value);
  if (parsed.ec == std::errc() && parsed.ptr == size.data() + size.size() && value <= 0) return std::nullopt;
  return size;
}

}  // namespace

std::vector<Rewrite> rewrite_green_pool(const RewriteSite& site) {
  if (site.finding.rule->code != "EL503" || site.finding.qualified_name != "eventlet.greenpool.GreenPool" ||
      ts_node_is_null(site.call) || site.in_async_def)
    return {};
  const TSNode assignment = assignment_of_value(site.call);
  if (ts_node_is_null(assignment)) return {};
  const TSNode statement = ts_node_parent(assignment);
  const auto size = pool_size(site);
  if (!size) return {};
  const ScopeModel model = collect_bindings(site.tree);
  const auto variable = variable_assigned_by(site.tree, model, assignment);
  if (!variable || variable->assignments.size() != 1) return {};

  std::vector<TextEdit> edits;
  bool maps = false;
  bool submits = false;
  bool cancels = false;
  std::optional<std::uint32_t> waitall_at;
  for (const VariableUse& use : variable->uses) {
    if (use.in_async_def || !use.method_call) return {};
    const MethodCall& call = *use.method_call;
    const TextEdit rename{ts_node_start_byte(call.method), ts_node_end_byte(call.method), ""};
    const bool takes_function = call.name == "spawn" || call.name == "spawn_n" || call.name == "imap" ||
                                call.name == "starmap";
    if (takes_function && !function_passed_by_position(call.call)) return {};
    if (call.name == "spawn" || call.name == "spawn_n") {
      submits = true;
      if (!call.is_statement) {
        // `t = pool.spawn(...)`: the kept GreenThread becomes a Future, its uses follow.
        if (call.name == "spawn_n") return {};
        const TSNode kept = assignment_of_value(call.call);
        if (ts_node_is_null(kept)) return {};
        const auto thread = variable_assigned_by(site.tree, model, kept);
        if (!thread || thread->assignments.size() != 1) return {};
        const auto thread_edits = kept_thread_edits(*thread);
        if (!thread_edits) return {};
        cancels = cancels || thread_edits->cancels;
        edits.insert(edits.end(), thread_edits->edits.begin(), thread_edits->edits.end());
      }
      edits.push_back({rename.start, rename.end, "submit"});
    } else if (call.name == "imap") {
      maps = true;
      edits.push_back({rename.start, rename.end, "map"});
    } else if (call.name == "starmap") {
      maps = true;
      const auto arguments = split_arguments(site.tree, call.call);
      if (!arguments || arguments->has_splat || arguments->has_comment || arguments->positional.size() != 2 ||
          !arguments->keywords.empty())
        return {};
      const TSNode function = ts_node_named_child(call.arguments, 0);
      if (!is_plain_reference(function)) return {};
      const std::string_view written = site.text(function);
      std::string parameter;
      for (std::string_view candidate : {"args", "arguments", "item_args"}) {
        if (find_word(written, candidate).empty()) {
          parameter = candidate;
          break;
        }
      }
      if (parameter.empty()) return {};
      edits.push_back({rename.start, rename.end, "map"});
      edits.push_back({ts_node_start_byte(function), ts_node_end_byte(function),
                       "lambda " + parameter + ": " + std::string(written) + "(*" + parameter + ")"});
    } else if (call.name == "waitall") {
      if (!call.no_arguments || !call.is_statement || variable->is_attribute || waitall_at) return {};
      if (use.scope != variable->scope || !waitall_runs_once(call.call, assignment)) return {};
      waitall_at = ts_node_start_byte(call.call);
      edits.push_back({rename.start, rename.end, "shutdown"});
      edits.push_back({ts_node_start_byte(call.arguments), ts_node_end_byte(call.arguments), "(wait=True)"});
    } else {
      return {};  // resize, free, running, waiting, or the pool used as a value
    }
  }
  if (waitall_at) {
    // Nothing may reach the pool once it is shut down.
    for (const VariableUse& use : variable->uses) {
      if (use.scope != variable->scope || ts_node_start_byte(use.node()) > *waitall_at) return {};
    }
  }

  const std::string workers = size->empty() ? std::string(kDefaultWorkers) : *size;
  long literal = 0;
  const auto parsed = std::from_chars(workers.data(), workers.data() + workers.size(), literal);
  const bool large = parsed.ec == std::errc() && parsed.ptr == workers.data() + workers.size() &&
                     literal > kManyWorkers;
  edits.push_back({ts_node_start_byte(site.call), ts_node_end_byte(site.call),
                   "concurrent.futures.ThreadPoolExecutor(max_workers=" + workers + ")"});
  if (size->empty()) {
    const auto indent = statement_indent(site.tree, statement);
    if (!indent) return {};
    edits.push_back(line_before(site.tree, statement, *indent,
                                "# " + std::string(kDefaultWorkers) +
                                    " workers, not GreenPool's default of 1000: each worker is an OS thread"));
  }
  std::string title =
      "Replace with a `concurrent.futures.ThreadPoolExecutor` (unsafe: workers are OS threads, preempted, "
      "and the interpreter waits for their work at exit";
  if (submits)
    title += "; `submit` queues work instead of blocking while the pool is full, and an exception stays unseen in "
             "its future";
  if (maps) title += "; `map` consumes its input eagerly";
  if (large) title += "; `max_workers=" + workers + "` allows that many OS threads";
  if (cancels) title += "; a running thread cannot be killed: `cancel()` only stops it before it starts";
  title += "; a task waiting on another task of the same pool can deadlock";
  title += elsewhere_caveat(*variable);
  title += ")";
  return {Rewrite{std::move(title), FixSafety::Unsafe, MigrationTarget::Threading,
                  merge_insertions_in_order(std::move(edits)), {{"concurrent.futures", ""}}}};
}

}  // namespace eventlet_lsp::analyzers
