// EL303 tpool-proxy: `tpool.Proxy` and the other controls of Eventlet's native thread pool.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL303;
constinit const RuleDefinition kRuleEL303{
    .code = "EL303",
    .name = "tpool-proxy",
    .scenario = Scenario::BackgroundTasks,
    .default_severity = Severity::Warning,
    .message = "`{api}` relies on Eventlet's native thread pool (`tpool`)",
    .guide_path = "/guide/migrating-to-asyncio/#advanced-scenarios",
    .asyncio_replacement =
        "Offload the blocking method calls with `await asyncio.to_thread(obj.method, ...)`; size "
        "the pool with `loop.set_default_executor(ThreadPoolExecutor(n))` and let `asyncio.run` "
        "shut it down.",
    .threading_replacement =
        "Call the wrapped object directly (guarded by a lock if threads share it), or use a "
        "`ThreadPoolExecutor(max_workers=n)` and its `shutdown()` in place of `set_num_threads` "
        "and `killall`.",
    .trap =
        "`Proxy` can also wrap the objects its methods return (`autowrap`, `autowrap_names`), so "
        "more objects than the constructed one may depend on tpool. The pool size "
        "(`set_num_threads` or `EVENTLET_THREADPOOL_SIZE`) capped how many calls ran at once; "
        "direct calls from many threads have no such cap.",
    .docs = {
        .what_it_does =
            "Reports `tpool.Proxy`, `tpool.killall`, `tpool.set_num_threads` and other uses of the "
            "`eventlet.tpool` module apart from `execute`, which `tpool-execute` reports.",
        .why_is_this_bad =
            "`Proxy` makes every method call on an object run in Eventlet's native thread pool, so "
            "that a blocking library does not freeze the green threads. The pool and its controls "
            "only exist with Eventlet; the migration replaces them with direct calls or an "
            "explicit executor.",
        .example = R"py(import sqlite3

from eventlet import tpool

conn = tpool.Proxy(sqlite3.connect("app.db", check_same_thread=False))
rows = conn.execute("SELECT id FROM jobs").fetchall()
)py",
        .fix_safety =
            "No fix: whether the proxied object can be called directly depends on its thread "
            "safety and on who shares it.",
    },
};

}  // namespace eventlet_lsp::analyzers
