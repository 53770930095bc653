// EL502 greenthread-control: waiting on, killing or cancelling green threads directly.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL502;
constinit const RuleDefinition kRuleEL502{
    .code = "EL502",
    .name = "greenthread-control",
    .scenario = Scenario::GreenThreads,
    .default_severity = Severity::Warning,
    .message = "`{api}` controls a green thread directly (wait, kill or cancel)",
    .guide_path = "/guide/migrating-to-threading/#common-pitfalls",
    .asyncio_replacement =
        "`await task` in place of `wait()`; `task.cancel()` in place of `kill()` and `cancel()`, "
        "then await the task and handle `asyncio.CancelledError`.",
    .threading_replacement =
        "`future.result()` or `thread.join()` in place of `wait()`. There is no kill: set a shared "
        "`threading.Event` that the thread checks, then `join()` it; `Future.cancel()` only works "
        "before the work started.",
    .trap =
        "Native threads cannot be stopped from outside, so code that relied on `kill()` for "
        "shutdown or timeouts needs cooperative stop points. `kill()` raised `GreenletExit` inside "
        "the target; `Task.cancel()` raises `CancelledError` at its next `await`, and the task may "
        "catch it.",
    .docs = {
        .what_it_does =
            "Reports the `GreenThread` class and its `wait`, `kill` and `cancel` methods, the "
            "`greenthread.kill`, `greenthread.cancel` and `eventlet.kill` functions, and imports "
            "of the `eventlet.greenthread` module.",
        .why_is_this_bad =
            "Green threads can be stopped at any switch point by raising an exception into them, "
            "and neither threads nor tasks work quite like that. Each control call records a "
            "lifecycle assumption (who waits, who stops whom) that has to be redesigned.",
        .example = R"py(import eventlet

poller = eventlet.spawn(poll_forever, queue)


def stop():
    eventlet.kill(poller)
)py",
        .fix_safety =
            "No fix: stopping a native thread needs a cooperative stop signal inside its target "
            "function, which a local rewrite cannot add.",
    },
};

}  // namespace eventlet_lsp::analyzers
