// EL506 eventlet-getcurrent: `getcurrent()`, the greenlet that is running.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL506;
constinit const RuleDefinition kRuleEL506{
    .code = "EL506",
    .name = "eventlet-getcurrent",
    .scenario = Scenario::GreenThreads,
    .default_severity = Severity::Warning,
    .message = "`{api}` returns the running greenlet, which has no meaning once Eventlet is gone",
    .guide_path = "/guide/migrating-to-threading/#replacing-eventlet-with-threading",
    .asyncio_replacement = "`asyncio.current_task()` inside a coroutine.",
    .threading_replacement =
        "`threading.current_thread()`, or `threading.get_ident()` for an identifier.",
    .trap =
        "Under the asyncio hub, `getcurrent()` inside `async def` does not identify the task that "
        "runs it. Thread identifiers can be reused once a thread ends, so they are weaker "
        "dictionary keys than greenlets were.",
    .docs = {
        .what_it_does =
            "Reports `eventlet.getcurrent()` and `greenthread.getcurrent()`, which return the "
            "greenlet currently running.",
        .why_is_this_bad =
            "The current greenlet is often used as a key for per-request state, in log records, or "
            "to kill the running green thread later. All of these need the identity of the new "
            "unit of concurrency (a thread or a task) after the migration.",
        .example = R"py(import eventlet

_requests = {}


def remember(request):
    _requests[eventlet.getcurrent()] = request
)py",
        .fix_safety =
            "No fix: whether the code becomes a thread or a task decides the replacement.",
    },
};

}  // namespace eventlet_lsp::analyzers
