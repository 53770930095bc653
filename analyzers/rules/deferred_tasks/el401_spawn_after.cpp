// EL401 spawn-after: a call scheduled for later with `spawn_after` or its deprecated relatives.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL401;
constinit const RuleDefinition kRuleEL401{
    .code = "EL401",
    .name = "spawn-after",
    .scenario = Scenario::DeferredTasks,
    .default_severity = Severity::Warning,
    .message = "`{api}` schedules a call for later on the Eventlet hub",
    .guide_path = "/guide/migrating-to-threading/#key-migration-patterns",
    .asyncio_replacement =
        "`loop.call_later(delay, f, *args)` for a plain callback, or a task whose coroutine starts "
        "with `await asyncio.sleep(delay)`; both can be cancelled.",
    .threading_replacement =
        "`timer = threading.Timer(delay, f, args=args)` then `timer.start()`; `timer.cancel()` "
        "replaces `GreenThread.cancel()` before the call ran.",
    .trap =
        "`spawn_after` returned a GreenThread whose `.wait()` gave the result; a `Timer` has no "
        "result and its callback runs in a new OS thread. `spawn_after_local` was cancelled when "
        "the calling green thread exited, a Timer is not. `exc_after`, which raised into the "
        "current green thread later, has no thread equivalent.",
    .docs = {
        .what_it_does =
            "Reports delayed execution through Eventlet: `spawn_after`, `spawn_after_local`, and "
            "the deprecated `call_after_global`, `call_after_local` and `exc_after`.",
        .why_is_this_bad =
            "The delayed call is a green thread waiting on the hub's timers, so it only fires "
            "while the hub runs. After the migration it needs an explicit timer, on a thread or on "
            "the event loop, and its cancellation and error handling have to be spelled out.",
        .example = R"py(import eventlet


def expire(session_id):
    sessions.pop(session_id, None)


timer = eventlet.spawn_after(300, expire, session.id)
...
timer.cancel()
)py",
        .fix_safety =
            "Unsafe fix for `spawn_after`: it becomes a started `threading.Timer(delay, f, "
            "args=(...))`. Unsafe because the callback then runs in its own OS thread, "
            "concurrently with the rest of the program, and the object no longer has `.wait()` or "
            "`.kill()`. The other variants have no fix.",
    },
};

}  // namespace eventlet_lsp::analyzers
