// Green synchronisation primitives to their `threading` / `queue` counterparts. Unsafe: under
// threads, preemption makes races real. `Queue(0)` is not rewritten: in Eventlet it is a
// rendezvous channel, in the standard library 0 means unbounded. CappedSemaphore has no match.
#include <map>

#include "analyzers/fixes/rewrites/call_arguments.h"
#include "analyzers/fixes/rewrites/rewrites.h"
#include "analyzers/parse/python_grammar.h"
#include "analyzers/python/literals.h"

namespace eventlet_lsp::analyzers {

namespace {

struct Counterpart {
  std::string_view module;
  std::string_view name;
  bool queue;  // maxsize semantics differ
};

const std::map<std::string_view, Counterpart>& counterparts() {
  static const std::map<std::string_view, Counterpart> map{
      {"eventlet.semaphore.Semaphore", {"threading", "Semaphore", false}},
      {"eventlet.semaphore.BoundedSemaphore", {"threading", "BoundedSemaphore", false}},
      {"eventlet.lock.Lock", {"threading", "Lock", false}},
      {"eventlet.corolocal.local", {"threading", "local", false}},
      {"eventlet.queue.Queue", {"queue", "Queue", true}},
      {"eventlet.queue.LightQueue", {"queue", "Queue", true}},
      {"eventlet.queue.LifoQueue", {"queue", "LifoQueue", true}},
      {"eventlet.queue.PriorityQueue", {"queue", "PriorityQueue", true}},
  };
  return map;
}

}  // namespace

std::vector<Rewrite> rewrite_sync_primitive(const RewriteSite& site) {
  const std::string_view code = site.finding.rule->code;
  if ((code != "EL507" && code != "EL508" && code != "EL509") || ts_node_is_null(site.call)) return {};
  const auto it = counterparts().find(site.finding.qualified_name);
  if (it == counterparts().end()) return {};
  const Counterpart& target = it->second;
  std::string arguments = site.arguments_text();
  std::string caveat = "preemptive threads make races real";
  if (target.queue) {
    const auto split = split_arguments(site.tree, site.call);
    if (!split || split->has_splat) return {};
    std::string maxsize;
    if (!split->positional.empty()) maxsize = split->positional.front();
    for (const auto& [name, value] : split->keywords) {
      if (name == "maxsize") maxsize = value;
    }
    if (maxsize == "0") return {};  // a rendezvous channel: no standard counterpart
    if (maxsize == "None") {
      arguments.clear();  // unbounded in both
    } else if (!maxsize.empty() && maxsize.find_first_not_of("0123456789_") != std::string::npos) {
      caveat = "a maxsize of 0 means a rendezvous channel in Eventlet but unbounded in `queue`";
    }
  }
  const std::string replacement = std::string(target.module) + "." + std::string(target.name);
  return {Rewrite{"Replace with `" + replacement + "` (unsafe: " + caveat + ")", FixSafety::Unsafe,
                  MigrationTarget::Threading,
                  {{ts_node_start_byte(site.call), ts_node_end_byte(site.call), replacement + "(" + arguments + ")"}},
                  {{std::string(target.module), ""}}}};
}

}  // namespace eventlet_lsp::analyzers
