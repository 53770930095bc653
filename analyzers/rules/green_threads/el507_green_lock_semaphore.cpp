// EL507 green-lock-semaphore: Eventlet's semaphores and lock.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL507;
constinit const RuleDefinition kRuleEL507{
    .code = "EL507",
    .name = "green-lock-semaphore",
    .scenario = Scenario::GreenThreads,
    .default_severity = Severity::Warning,
    .message =
        "`{api}` only synchronises green threads: use the `threading` or `asyncio` counterpart",
    .guide_path = "/guide/migrating-to-threading/#key-migration-patterns",
    .asyncio_replacement =
        "`asyncio.Lock()`, `asyncio.Semaphore(n)` or `asyncio.BoundedSemaphore(n)`, used with "
        "`async with`.",
    .threading_replacement =
        "`threading.Lock()`, `threading.Semaphore(n)` or `threading.BoundedSemaphore(n)`.",
    .trap =
        "Under threads, preemption makes races real: code that relied on no switch happening "
        "between two statements now needs a lock. `CappedSemaphore` and `coros.metaphore` have no "
        "stdlib equivalent, and neither has the `balance` attribute.",
    .docs = {
        .what_it_does =
            "Reports `Semaphore`, `BoundedSemaphore` and `CappedSemaphore` from "
            "`eventlet.semaphore` (and their top-level aliases), `eventlet.lock.Lock`, "
            "`eventlet.coros.metaphore`, and imports of those modules.",
        .why_is_this_bad =
            "These primitives block green threads through the hub. They are not safe across native "
            "threads and would block the whole loop inside a coroutine, so each one must move to "
            "the primitive of the chosen model.",
        .example = R"py(from eventlet import semaphore

_db_slots = semaphore.Semaphore(5)


def query(sql):
    with _db_slots:
        return db.execute(sql)
)py",
        .fix_safety =
            "Unsafe fix under the threading target: `Semaphore`, `BoundedSemaphore` and `Lock` "
            "become their `threading` namesakes. Unsafe because the protected code can now be "
            "preempted anywhere, which may expose races the green version never hit. "
            "`CappedSemaphore` and `metaphore` have no fix.",
    },
};

}  // namespace eventlet_lsp::analyzers
