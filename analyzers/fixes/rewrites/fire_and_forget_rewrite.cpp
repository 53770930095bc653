// A discarded spawn/spawn_n: `threading.Thread(target=f, args=(...), kwargs={...},
// daemon=True).start()`. Unsafe: the function now runs in parallel, preempted, and the green
// thread's result (which nobody read) is gone.
#include "analyzers/fixes/rewrites/call_arguments.h"
#include "analyzers/fixes/rewrites/rewrites.h"

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
