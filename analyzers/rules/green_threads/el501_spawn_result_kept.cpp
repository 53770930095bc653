// EL501 spawn-result-kept: `spawn` whose GreenThread is kept to be waited on or controlled.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL501;
constinit const RuleDefinition kRuleEL501{
    .code = "EL501",
    .name = "spawn-result-kept",
    .scenario = Scenario::GreenThreads,
    .default_severity = Severity::Warning,
    .message = "`{api}` returns a GreenThread that the code keeps to wait on or control",
    .guide_path = "/guide/migrating-to-threading/#key-migration-patterns",
    .asyncio_replacement =
        "`task = asyncio.create_task(f(*args))`, then `await task` (or `asyncio.gather`) for the "
        "result.",
    .threading_replacement =
        "`future = executor.submit(f, *args, **kwargs)` on a `ThreadPoolExecutor`, then "
        "`future.result()` in place of `.wait()`.",
    .trap =
        "A `threading.Thread` has no return value, which is why the rewrite uses an executor. An "
        "exception raised by the function stays in the future until `.result()` is read, so a "
        "future nobody reads hides its error. `kill()` has no thread equivalent.",
    .docs = {
        .what_it_does =
            "Reports `spawn(...)` calls whose returned GreenThread is used: assigned, returned, "
            "passed to a function, stored in a collection or waited on.",
        .why_is_this_bad =
            "Keeping the GreenThread means the code depends on its result or on controlling it "
            "(`wait`, `kill`, `link`). A plain thread offers neither a result nor a kill, so these "
            "call sites need futures (threading) or tasks (asyncio).",
        .example = R"py(import eventlet

threads = [eventlet.spawn(resize, image) for image in images]
thumbnails = [gt.wait() for gt in threads]
)py",
        .fix_safety =
            "Unsafe fix: `spawn(f, ...)` becomes `executor.submit(f, ...)` on a "
            "`ThreadPoolExecutor`, and `.wait()` on its result becomes `.result()`. Unsafe because "
            "the work now runs in parallel OS threads, the executor bounds how many run at once, "
            "and a task waiting on another task of the same bounded executor can deadlock.",
    },
};

}  // namespace eventlet_lsp::analyzers
