// EL808 eventlet-asyncio-bridge: `eventlet.asyncio.spawn_for_awaitable`, the hybrid-phase bridge.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL808;
constinit const RuleDefinition kRuleEL808{
    .code = "EL808",
    .name = "eventlet-asyncio-bridge",
    .scenario = Scenario::Integration,
    .default_severity = Severity::Information,
    .message = "`{api}` bridges green threads and asyncio: a hybrid-phase seam to remove later",
    .guide_path = "/guide/migrating-to-asyncio/#steps-to-migrate",
    .asyncio_replacement =
        "Once the caller is a coroutine, `await` the awaitable directly (or wrap it in "
        "`asyncio.create_task` to run it concurrently).",
    .threading_replacement =
        "From a worker thread, `asyncio.run_coroutine_threadsafe(coro, loop).result()` when an "
        "event loop runs in another thread, or `asyncio.run(coro)` when none does.",
    .trap =
        "`spawn_for_awaitable` only works under the asyncio hub. If awaitlet takes over this role, "
        "sync code can call `awaitlet.awaitlet(coro)` only inside a function started with `await "
        "awaitlet.async_def(fn, ...)`; anywhere else it raises `NoAwaitletContext`.",
    .docs = {
        .what_it_does =
            "Reports `eventlet.asyncio.spawn_for_awaitable(...)`, which runs a coroutine or "
            "another awaitable from green-thread code and returns a GreenThread for its result.",
        .why_is_this_bad =
            "This is the intended tool of the hybrid phase, when Eventlet runs on the asyncio hub "
            "and code is converted piece by piece; it is reported at information level to track "
            "progress. Each bridge marks a seam where green code still calls async code, and it "
            "should go once the caller is a coroutine.",
        .example = R"py(from eventlet.asyncio import spawn_for_awaitable


def fetch_sync(session, url):
    return spawn_for_awaitable(session.get(url)).wait()
)py",
        .fix_safety =
            "No fix: a bridge disappears when its caller becomes a coroutine, which changes every "
            "caller above it.",
    },
};

}  // namespace eventlet_lsp::analyzers
