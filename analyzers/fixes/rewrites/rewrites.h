// One rewrite family per file in this folder; each proposes rewrites for a finding's site, for
// the targets where an honest one exists. The registry asks every family.
#pragma once

#include <vector>

#include "analyzers/fixes/rewrite_site.h"

namespace eventlet_lsp::analyzers {

std::vector<Rewrite> rewrite_sleep(const RewriteSite& site);             // EL504, EL505
std::vector<Rewrite> rewrite_green_import(const RewriteSite& site);      // EL001 on eventlet.green, EL201/602/804
std::vector<Rewrite> rewrite_tpool_execute(const RewriteSite& site);     // EL302
std::vector<Rewrite> rewrite_sync_primitive(const RewriteSite& site);    // EL507, EL508, EL509
std::vector<Rewrite> rewrite_fire_and_forget(const RewriteSite& site);   // EL301
std::vector<Rewrite> rewrite_fire_and_forget_task(const RewriteSite& site);  // EL301 in async def
std::vector<Rewrite> rewrite_spawn_after(const RewriteSite& site);       // EL401
std::vector<Rewrite> rewrite_monkey_patch(const RewriteSite& site);      // EL801, EL802
std::vector<Rewrite> rewrite_kept_spawn(const RewriteSite& site);        // EL501 (spawn kept and waited)
std::vector<Rewrite> rewrite_green_pool(const RewriteSite& site);        // EL503 (GreenPool and its uses)
std::vector<Rewrite> rewrite_event(const RewriteSite& site);             // EL402 (event.Event and its uses)
std::vector<Rewrite> rewrite_green_pile(const RewriteSite& site);        // EL503 (GreenPile and its uses)

// Every rewrite for the site, the configured target's first.
std::vector<Rewrite> rewrites_for(const RewriteSite& site, MigrationTarget preferred);

}  // namespace eventlet_lsp::analyzers
