// sleep(s): `time.sleep(s)` under threading (safe); a pure yield (`sleep()`, `sleep(0)`) is
// removed (unsafe: code that relied on the yield to let others run changes timing); inside
// `async def`, `await asyncio.sleep(s)`.
#include "analyzers/fixes/rewrites/rewrites.h"
#include "analyzers/parse/python_grammar.h"
#include "analyzers/python/literals.h"

namespace eventlet_lsp::analyzers {

std::vector<Rewrite> rewrite_sleep(const RewriteSite& site) {
  const std::string_view code = site.finding.rule->code;
  if ((code != "EL504" && code != "EL505") || ts_node_is_null(site.call)) return {};
  std::vector<Rewrite> rewrites;
  const std::string arguments = site.arguments_text();
  const bool yield_only = code == "EL505";
  if (!site.in_async_def) {
    if (yield_only && site.call_is_statement) {
      rewrites.push_back(Rewrite{"Remove the cooperative yield (unsafe: threads are preempted, nothing to yield to)",
                                 FixSafety::Unsafe, MigrationTarget::Threading,
                                 {remove_statement(site.tree, site.statement())}, {}});
    } else if (!yield_only || !arguments.empty()) {
      // time.sleep raises ValueError for a negative duration, which Eventlet accepts: only a
      // literal delay is known to be safe (`interval - elapsed` can go below zero).
      const TSNode delay = call_argument(site.tree, site.call, "seconds");
      const bool literal = !ts_node_is_null(delay) && (PythonGrammar::instance().kind(delay) == NodeKind::Integer ||
                                                       PythonGrammar::instance().kind(delay) == NodeKind::Float);
      rewrites.push_back(Rewrite{literal ? "Replace with `time.sleep`"
                                         : "Replace with `time.sleep` (unsafe: it raises ValueError for a negative "
                                           "duration, which Eventlet accepted)",
                                 literal ? FixSafety::Safe : FixSafety::Unsafe, MigrationTarget::Threading,
                                 {{ts_node_start_byte(site.reference()), ts_node_end_byte(site.reference()), "time.sleep"}},
                                 {{"time", ""}}});
    }
  } else {
    const bool awaited = site.path.size() >= 3 &&
                         site.path[site.path.size() - 3].kind == NodeKind::Await;
    if (!awaited) {
      rewrites.push_back(Rewrite{"Replace with `await asyncio.sleep` (unsafe: the coroutine now yields to the event loop)",
                                 FixSafety::Unsafe, MigrationTarget::Asyncio,
                                 {{ts_node_start_byte(site.call), ts_node_end_byte(site.call),
                                   "await asyncio.sleep(" + (arguments.empty() ? std::string("0") : arguments) + ")"}},
                                 {{"asyncio", ""}}});
    }
  }
  return rewrites;
}

}  // namespace eventlet_lsp::analyzers
