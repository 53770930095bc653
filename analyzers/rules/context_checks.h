// The context rules of the catalog: each decides, from the code around one use of an Eventlet
// API, which of two rules the use belongs to. Each lives in the file of the rule it selects.
#pragma once

#include "analyzers/python/syntax_frame.h"

namespace eventlet_lsp::analyzers {

// EL301 vs EL501: `eventlet.spawn(f)` as a statement; nobody keeps the GreenThread.
bool spawn_result_discarded(const ReferenceContext& context);

// EL802 vs EL801: monkey_patch() under an `if` on an environment variable, a config option or
// an argument of the enclosing function.
bool monkey_patch_behind_toggle(const ReferenceContext& context);

// EL505 vs EL504: `sleep()` / `sleep(0)` only yields to other green threads.
bool sleep_is_cooperative_yield(const ReferenceContext& context);

// EL202 vs EL803: `import_patched("requests")` makes an HTTP client green.
bool import_patched_http_client(const ReferenceContext& context);

}  // namespace eventlet_lsp::analyzers
