// tpool.execute(f, *args): under threading the caller is already a real thread, so `f(*args)`;
// inside `async def`, `await asyncio.to_thread(f, *args)`. Both unsafe: the call no longer runs
// in Eventlet's thread pool (thread-local state, pool size, exceptions differ).
#include "analyzers/fixes/rewrites/call_arguments.h"
#include "analyzers/fixes/rewrites/rewrites.h"

namespace eventlet_lsp::analyzers {

std::vector<Rewrite> rewrite_tpool_execute(const RewriteSite& site) {
  if (site.finding.rule->code != "EL302" || ts_node_is_null(site.call)) return {};
  const auto arguments = split_arguments(site.tree, site.call);
  if (!arguments || arguments->has_splat || arguments->has_comment || arguments->positional.empty()) return {};
  const std::string function = arguments->positional.front();
  const std::vector<std::string> rest(arguments->positional.begin() + 1, arguments->positional.end());
  const std::uint32_t start = ts_node_start_byte(site.call);
  const std::uint32_t end = ts_node_end_byte(site.call);
  if (site.in_async_def) {
    std::vector<std::string> to_thread{function};
    to_thread.insert(to_thread.end(), rest.begin(), rest.end());
    return {Rewrite{"Replace with `await asyncio.to_thread` (unsafe: runs in asyncio's default executor)",
                    FixSafety::Unsafe, MigrationTarget::Asyncio,
                    {{start, end, "await asyncio.to_thread(" + join_arguments(to_thread, arguments->keywords) + ")"}},
                    {{"asyncio", ""}}}};
  }
  return {Rewrite{"Call the function directly (unsafe: it now runs in the calling thread)", FixSafety::Unsafe,
                  MigrationTarget::Threading,
                  {{start, end, function + "(" + join_arguments(rest, arguments->keywords) + ")"}}, {}}};
}

}  // namespace eventlet_lsp::analyzers
