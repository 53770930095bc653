// EL503 green-pool: `GreenPool`, `GreenPile`, `GreenMap` and `DAGPool`.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL503;
constinit const RuleDefinition kRuleEL503{
    .code = "EL503",
    .name = "green-pool",
    .scenario = Scenario::GreenThreads,
    .default_severity = Severity::Warning,
    .message = "`{api}` uses an Eventlet green-thread pool",
    .guide_path = "/guide/migrating-to-threading/#key-migration-patterns",
    .asyncio_replacement =
        "Tasks bounded by an `asyncio.Semaphore(n)` and collected with `asyncio.gather` or an "
        "`asyncio.TaskGroup`; a `GreenPile` becomes `gather`, which keeps the order.",
    .threading_replacement =
        "`ThreadPoolExecutor(max_workers=n)`: `spawn` becomes `submit`, `spawn_n` a `submit` whose "
        "future is not kept, `waitall()` becomes `shutdown(wait=True)` or "
        "`concurrent.futures.wait`; a `GreenPile` becomes a list of futures read in order.",
    .trap =
        "The default pool size is 1000, which as `max_workers` would mean 1000 OS threads. `spawn` "
        "blocked while the pool was full, `submit` never blocks and queues without limit; "
        "`shutdown()` also refuses further work, unlike `waitall()`. `resize()` has no executor "
        "equivalent (futurist's `DynamicThreadPoolExecutor` can resize) and `DAGPool` has no "
        "stdlib counterpart.",
    .docs = {
        .what_it_does =
            "Reports `GreenPool`, `GreenPile`, `GreenMap` and `DAGPool`, their methods other than "
            "`imap` and `starmap` (which `greenpool-imap-fan-out` reports), and imports of the "
            "`eventlet.greenpool` and `eventlet.dagpool` modules.",
        .why_is_this_bad =
            "A pool bounds how many green threads run at once and gathers their results. The "
            "bound, the way `spawn` waits when the pool is full and the way results are collected "
            "all have to be carried over to an executor or to asyncio tasks explicitly.",
        .example = R"py(import eventlet

pool = eventlet.GreenPool(50)
for host in hosts:
    pool.spawn_n(probe, host)
pool.waitall()
)py",
        .fix_safety =
            "Unsafe fix for `GreenPool`: the pool becomes a `ThreadPoolExecutor(max_workers=n)` "
            "and its methods are renamed (`spawn` and `spawn_n` to `submit`, `waitall()` to "
            "`shutdown(wait=True)`). Unsafe because the work runs in parallel OS threads, `submit` "
            "never blocks, and a pool left at the default size needs a realistic `max_workers`. "
            "`GreenPile`, `GreenMap` and `DAGPool` have no fix.",
    },
};

}  // namespace eventlet_lsp::analyzers
