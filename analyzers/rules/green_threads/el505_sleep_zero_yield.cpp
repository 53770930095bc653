// EL505 sleep-zero-yield: `eventlet.sleep(0)` / `sleep()` used as a cooperative yield.
#include "analyzers/catalog/rule.h"
#include "analyzers/python/literals.h"
#include "analyzers/rules/context_checks.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL505;
constinit const RuleDefinition kRuleEL505{
    .code = "EL505",
    .name = "sleep-zero-yield",
    .scenario = Scenario::GreenThreads,
    .default_severity = Severity::Information,
    .message = "`{api}` without a delay only yields to other green threads",
    .guide_path = "/guide/migrating-to-threading/#key-migration-patterns",
    .asyncio_replacement =
        "`await asyncio.sleep(0)` inside a coroutine, where a long loop must let other tasks run.",
    .threading_replacement =
        "Usually nothing: the OS preempts threads, so the call can be deleted (`time.sleep(0)` if "
        "an explicit yield hint is still wanted).",
    .trap =
        "A yield was sometimes the only thing that let other green threads run during a CPU-bound "
        "loop, or it was used to order events between green threads. Deleting it is harmless under "
        "threads, but any ordering it provided is gone.",
    .docs = {
        .what_it_does =
            "Reports `eventlet.sleep(0)` and `eventlet.sleep()` (also through `greenthread`): a "
            "call that does not wait but hands control to the hub so that other green threads can "
            "run.",
        .why_is_this_bad =
            "Cooperative yields exist because green threads are never preempted: a long loop "
            "without one freezes the whole process. They serve no purpose under native threads and "
            "become explicit `await` points under asyncio, so they are listed apart from real "
            "sleeps.",
        .example = R"py(import eventlet


def reindex(documents):
    for doc in documents:
        index(doc)
        eventlet.sleep(0)  # let other green threads run
)py",
        .fix_safety =
            "Unsafe fix under the threading target: the call is removed, with its import if "
            "nothing else uses it. Unsafe because any ordering that relied on the yield "
            "disappears; with threads the OS decides when others run.",
    },
};

// The context check that selects this rule.
bool sleep_is_cooperative_yield(const ReferenceContext& context) {
  if (ts_node_is_null(context.call)) return false;
  if (call_has_no_arguments(context.call)) return true;
  TSNode seconds = call_argument(context.tree, context.call, "seconds");
  return !ts_node_is_null(seconds) && is_zero_literal(context.tree, seconds);
}

}  // namespace eventlet_lsp::analyzers
