// EL302 tpool-execute: `tpool.execute` running a blocking call in Eventlet's native thread pool.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL302;
constinit const RuleDefinition kRuleEL302{
    .code = "EL302",
    .name = "tpool-execute",
    .scenario = Scenario::BackgroundTasks,
    .default_severity = Severity::Warning,
    .message = "`{api}` runs a blocking call in Eventlet's native thread pool",
    .guide_path = "/guide/migrating-to-asyncio/#advanced-scenarios",
    .asyncio_replacement =
        "`await asyncio.to_thread(f, *args, **kwargs)`, or `await loop.run_in_executor(executor, "
        "f, *args)` for a dedicated pool.",
    .threading_replacement =
        "Call `f(*args, **kwargs)` directly, since the caller is already an OS thread; submit it "
        "to an executor only if the caller must not wait.",
    .trap =
        "During the hybrid phase (asyncio hub), threads started by `asyncio.to_thread` or "
        "`concurrent.futures` are not green, so the code they run must not use Eventlet. "
        "`tpool.execute` re-raised the function's exception in the caller; `to_thread` does too, "
        "but a bare executor future only raises when `.result()` is read.",
    .docs = {
        .what_it_does =
            "Reports `tpool.execute(f, *args)` calls, which run a blocking function in Eventlet's "
            "pool of native threads (sized by `EVENTLET_THREADPOOL_SIZE`) while the calling green "
            "thread waits.",
        .why_is_this_bad =
            "`tpool` exists because a blocking call (a C extension, a database driver) would "
            "otherwise freeze every green thread. After the migration the need either disappears "
            "(a thread may simply block) or is expressed with asyncio's own thread offloading.",
        .example = R"py(from eventlet import tpool


def checksum(path):
    return tpool.execute(compute_sha256, path)
)py",
        .fix_safety =
            "Unsafe fix: under threading, `tpool.execute(f, *a)` becomes `f(*a)`; under asyncio, "
            "inside a coroutine, it becomes `await asyncio.to_thread(f, *a)`. Unsafe because the "
            "call no longer goes through Eventlet's bounded pool, so where it runs and how many "
            "run at once change.",
    },
};

}  // namespace eventlet_lsp::analyzers
