// EL508 green-queue: Eventlet's green queues and their exceptions.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL508;
constinit const RuleDefinition kRuleEL508{
    .code = "EL508",
    .name = "green-queue",
    .scenario = Scenario::GreenThreads,
    .default_severity = Severity::Warning,
    .message = "`{api}` is a green-thread queue: use `queue` or `asyncio.Queue`",
    .guide_path = "/guide/migrating-to-threading/#replacing-eventlet-with-threading",
    .asyncio_replacement =
        "`asyncio.Queue(maxsize)` (or `asyncio.LifoQueue`, `asyncio.PriorityQueue`) with `await "
        "queue.get()` and `await queue.put(item)`.",
    .threading_replacement =
        "`queue.Queue(maxsize)`, `queue.LifoQueue`, `queue.PriorityQueue`, with `queue.Full` and "
        "`queue.Empty`; a `LightQueue` becomes a `queue.Queue`.",
    .trap =
        "`Queue(0)` in Eventlet is a rendezvous channel where `put` waits for a matching `get`; in "
        "the stdlib a size of 0 means unbounded. Eventlet treats `None` or a negative size as "
        "unbounded. `resize()` has no stdlib equivalent, and Eventlet queues do not work inside "
        "`async def`.",
    .docs = {
        .what_it_does =
            "Reports `Queue`, `LightQueue`, `LifoQueue`, `PriorityQueue` and the `Full` and "
            "`Empty` exceptions of `eventlet.queue` (and `eventlet.Queue`), plus imports of the "
            "`eventlet.queue` module.",
        .why_is_this_bad =
            "Green queues hand work between green threads and wait through the hub. The stdlib "
            "queues have the same shape, but the size semantics differ at the edges and the "
            "waiting moves to OS threads or to the event loop.",
        .example = R"py(import eventlet
from eventlet import queue

jobs = queue.Queue(100)


def worker():
    while True:
        handle(jobs.get())


for _ in range(10):
    eventlet.spawn_n(worker)
)py",
        .fix_safety =
            "Unsafe fix under the threading target: the queue classes and exceptions become their "
            "`queue` counterparts. Unsafe because producers and consumers then run preemptively. "
            "`Queue(0)` is never rewritten, since the stdlib reads 0 as unbounded; it needs a "
            "deliberate design.",
    },
};

}  // namespace eventlet_lsp::analyzers
