// EL402 eventlet-event: Eventlet's one-shot, value-carrying `Event` and its methods.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL402;
constinit const RuleDefinition kRuleEL402{
    .code = "EL402",
    .name = "eventlet-event",
    .scenario = Scenario::DeferredTasks,
    .default_severity = Severity::Warning,
    .message = "`{api}` uses Eventlet's one-shot Event, which carries a value or an exception",
    .guide_path = "/guide/migrating-to-threading/#key-migration-patterns",
    .asyncio_replacement =
        "`asyncio.Event` for a plain signal (`send()` becomes `set()`, `await event.wait()`); an "
        "`asyncio.Future` when a value or an exception travels through it (`set_result`, "
        "`set_exception`, `await future`).",
    .threading_replacement =
        "`threading.Event` when `send()` passes no value and no `wait()` result is used; otherwise "
        "`concurrent.futures.Future`: `send(v)` becomes `set_result(v)`, `send_exception(e)` "
        "becomes `set_exception(e)`, `wait()` becomes `result()`.",
    .trap =
        "An Eventlet Event carries a value or an exception that `wait()` returns or raises, and "
        "can be sent only once until `reset()`; stdlib Events are boolean flags that may be set "
        "repeatedly. With a timeout, `Future.result()` raises `TimeoutError` where "
        "`threading.Event.wait()` returns `False`.",
    .docs = {
        .what_it_does =
            "Reports `eventlet.Event` and `eventlet.event.Event`, calls of their methods (`send`, "
            "`send_exception`, `wait`, `ready`, `reset`, `has_result`, `poll` and the like) and "
            "imports of the `eventlet.event` module.",
        .why_is_this_bad =
            "The Event is how green threads hand results to each other. The standard library has "
            "no single equivalent: depending on whether a value travels through it, it maps to a "
            "flag or to a future, so every use needs that decision.",
        .example = R"py(from eventlet import event, spawn

done = event.Event()


def worker():
    done.send(compute())


spawn(worker)
result = done.wait()
)py",
        .fix_safety =
            "Unsafe fix: to `threading.Event` when no value crosses it, otherwise to "
            "`concurrent.futures.Future` with its methods renamed. Unsafe because waiting then "
            "blocks an OS thread and the one-shot rules differ (`threading.Event.set()` may be "
            "called again, `Future` refuses a second result).",
    },
};

}  // namespace eventlet_lsp::analyzers
