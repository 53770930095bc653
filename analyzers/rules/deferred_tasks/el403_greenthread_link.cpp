// EL403 greenthread-link: `GreenThread.link` / `unlink` completion callbacks.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL403;
constinit const RuleDefinition kRuleEL403{
    .code = "EL403",
    .name = "greenthread-link",
    .scenario = Scenario::DeferredTasks,
    .default_severity = Severity::Warning,
    .message = "`{api}` registers a completion callback on a green thread",
    .guide_path = "/guide/migrating-to-asyncio/#replacing-eventlet-with-asyncio",
    .asyncio_replacement =
        "`task.add_done_callback(cb)`; the callback receives the task, so it reads `task.result()` "
        "itself.",
    .threading_replacement =
        "Submit the work to an executor and use `future.add_done_callback(cb)`; a bare Thread has "
        "no callbacks, so call `cb` at the end of its target function instead.",
    .trap =
        "`link(f, *args)` called `f(greenthread, *args)`; `add_done_callback` passes only the "
        "future, so extra arguments need `functools.partial`. An executor's callback runs in the "
        "worker thread that finished the work (or at once in the caller if it already finished), "
        "not in the hub.",
    .docs = {
        .what_it_does =
            "Reports `GreenThread.link(...)` and `GreenThread.unlink(...)` on the objects returned "
            "by `spawn` and `GreenPool.spawn`.",
        .why_is_this_bad =
            "Linking is Eventlet's way to react when a green thread finishes: collect a result, "
            "clean up, restart a worker. Tasks and futures have the same hook but bare threads do "
            "not, so the spawn that produced the green thread has to be migrated together with its "
            "links.",
        .example = R"py(import eventlet


def on_done(gt, name):
    try:
        gt.wait()
    except Exception:
        log.exception("worker %s failed", name)


worker = eventlet.spawn(run_worker, "indexer")
worker.link(on_done, "indexer")
)py",
        .fix_safety =
            "No fix: the rewrite depends on how the spawn itself is migrated (task, future or "
            "thread).",
    },
};

}  // namespace eventlet_lsp::analyzers
