#include <algorithm>

#include "analyzers/catalog/rule.h"
#include "analyzers/fixes/rewrites/rewrites.h"

namespace eventlet_lsp::analyzers {

std::vector<Rewrite> rewrites_for(const RewriteSite& site, MigrationTarget preferred) {
  using Family = std::vector<Rewrite> (*)(const RewriteSite&);
  static constexpr Family kFamilies[] = {rewrite_sleep, rewrite_green_import, rewrite_tpool_execute,
                                         rewrite_sync_primitive, rewrite_fire_and_forget, rewrite_fire_and_forget_task, rewrite_spawn_after,
                                         rewrite_monkey_patch, rewrite_kept_spawn, rewrite_green_pool,
                                         rewrite_event, rewrite_green_pile};
  std::vector<Rewrite> all;
  for (Family family : kFamilies) {
    for (Rewrite& rewrite : family(site)) all.push_back(std::move(rewrite));
  }
  std::stable_sort(all.begin(), all.end(), [preferred](const Rewrite& a, const Rewrite& b) {
    return (a.target == preferred) > (b.target == preferred);
  });
  return all;
}

}  // namespace eventlet_lsp::analyzers
