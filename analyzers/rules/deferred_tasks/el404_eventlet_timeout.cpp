// EL404 eventlet-timeout: Eventlet's `Timeout` and the helpers around it.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL404;
constinit const RuleDefinition kRuleEL404{
    .code = "EL404",
    .name = "eventlet-timeout",
    .scenario = Scenario::DeferredTasks,
    .default_severity = Severity::Warning,
    .message =
        "`{api}` uses Eventlet's Timeout, a BaseException raised into the running green thread",
    .guide_path = "/guide/migrating-to-asyncio/#advanced-scenarios",
    .asyncio_replacement =
        "`async with asyncio.timeout(s):` (Python 3.11+) for the block form, or `await "
        "asyncio.wait_for(coro, s)`; both raise `TimeoutError`, which `asyncio.TimeoutError` is an "
        "alias of since 3.11.",
    .threading_replacement =
        "Nothing interrupts running code: give the blocking calls their own timeouts "
        "(`sock.settimeout`, `queue.get(timeout=...)`, `future.result(timeout=...)`), or "
        "`join(timeout)` a thread and check `is_alive()`, which does not stop its work. "
        "`signal.alarm` only works in the main thread on Unix.",
    .trap =
        "`eventlet.Timeout` derives from `BaseException`, so `except Exception` never caught it; "
        "the builtin `TimeoutError` is an `Exception`, so a rewrite changes which handlers catch "
        "it. `with_timeout(..., timeout_value=x)` returned a value instead of raising.",
    .docs = {
        .what_it_does =
            "Reports `eventlet.Timeout` and `eventlet.timeout.Timeout`, `with_timeout`, "
            "`is_timeout`, `wrap_is_timeout`, the deprecated `eventlet.TimeoutError` alias, and "
            "imports of the `eventlet.timeout` module.",
        .why_is_this_bad =
            "An Eventlet Timeout raises an exception into whatever the green thread is doing when "
            "the timer fires, which only works because green threads switch at known points. "
            "Native threads cannot be interrupted like that, and asyncio cancels tasks with "
            "`CancelledError`, so each timeout needs a new design.",
        .example = R"py(import eventlet

with eventlet.Timeout(10):
    response = client.fetch(url)

try:
    with eventlet.Timeout(2):
        job.wait()
except eventlet.Timeout:
    job.kill()
)py",
        .fix_safety =
            "No fix: under threading there is no construct that interrupts a running call, and "
            "under asyncio the enclosing code must first become a coroutine. The hover lists the "
            "options.",
    },
};

}  // namespace eventlet_lsp::analyzers
