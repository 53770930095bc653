// EL301 spawn-fire-and-forget: `spawn` / `spawn_n` whose green thread is started and then ignored.
#include "analyzers/catalog/rule.h"
#include "analyzers/rules/context_checks.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL301;
constinit const RuleDefinition kRuleEL301{
    .code = "EL301",
    .name = "spawn-fire-and-forget",
    .scenario = Scenario::BackgroundTasks,
    .default_severity = Severity::Warning,
    .message = "`{api}` starts a background green thread whose result nobody reads",
    .guide_path = "/guide/migrating-to-threading/#key-migration-patterns",
    .asyncio_replacement =
        "`asyncio.create_task(f(*args))` when `f` is a coroutine function; keep a reference to the "
        "task (for example in a set of running tasks) until it finishes.",
    .threading_replacement =
        "`threading.Thread(target=f, args=args, kwargs=kwargs, daemon=True).start()`; keep the "
        "thread and `join()` it at shutdown if its work must complete.",
    .trap =
        "An asyncio task that nothing references can be garbage-collected before it finishes. "
        "`spawn_n` printed uncaught exceptions and a Thread does too, but work submitted to an "
        "executor loses its exception unless someone reads the future. Threads run truly in "
        "parallel, so state shared with the caller needs locks.",
    .docs = {
        .what_it_does =
            "Reports `spawn(...)` and `spawn_n(...)` calls (`eventlet.spawn`, `greenthread.spawn` "
            "and their aliases) used as a statement on their own, so the returned green thread is "
            "dropped.",
        .why_is_this_bad =
            "A fire-and-forget green thread runs because the hub schedules it cooperatively, and "
            "nothing waits for it or sees its errors. After the migration it needs an explicit "
            "owner: a daemon thread or a task that is kept alive, plus a decision about its "
            "exceptions and about what happens at shutdown.",
        .example = R"py(import eventlet


def heartbeat(client):
    while True:
        client.ping()
        eventlet.sleep(30)


eventlet.spawn(heartbeat, client)
)py",
        .fix_safety =
            "Unsafe fix: the call becomes `threading.Thread(target=f, args=(...), "
            "daemon=True).start()`. It may change behaviour because the function now runs "
            "preemptively in parallel with the caller and a daemon thread is stopped abruptly at "
            "interpreter exit; review shared state for races.",
    },
};

// The context check that selects this rule.
bool spawn_result_discarded(const ReferenceContext& context) {
  // ancestors.back() is the call; the one before it holds the call.
  if (ts_node_is_null(context.call) || context.ancestors.size() < 2) return false;
  const SyntaxFrame& holder = context.ancestors[context.ancestors.size() - 2];
  return holder.kind == NodeKind::ExpressionStatement;
}

}  // namespace eventlet_lsp::analyzers
