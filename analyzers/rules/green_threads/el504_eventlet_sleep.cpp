// EL504 eventlet-sleep: `eventlet.sleep` with a real (non-zero or unknown) duration.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL504;
constinit const RuleDefinition kRuleEL504{
    .code = "EL504",
    .name = "eventlet-sleep",
    .scenario = Scenario::GreenThreads,
    .default_severity = Severity::Warning,
    .message = "`{api}` suspends the green thread: use `time.sleep` or `await asyncio.sleep`",
    .guide_path = "/guide/migrating-to-threading/#key-migration-patterns",
    .asyncio_replacement =
        "`await asyncio.sleep(s)`, only inside an `async def`, which makes its callers coroutines "
        "too.",
    .threading_replacement = "`time.sleep(s)`.",
    .trap =
        "While Eventlet still runs and `time` is not monkey-patched, a plain `time.sleep` blocks "
        "every green thread; swap it only where the code already runs in a real thread or once "
        "nothing depends on green threads.",
    .docs = {
        .what_it_does =
            "Reports `eventlet.sleep(s)` and `greenthread.sleep(s)` with a non-zero or unknown "
            "duration. A zero or missing duration is a yield, which `sleep-zero-yield` reports.",
        .why_is_this_bad =
            "`eventlet.sleep` suspends the current green thread and lets the hub run the others. "
            "It is one of the most common Eventlet calls and usually among the first to migrate: "
            "under threads it maps directly to `time.sleep`, under asyncio it becomes an `await`, "
            "which turns the caller into a coroutine.",
        .example = R"py(import eventlet


def wait_for_volume(client, volume_id):
    while client.status(volume_id) != "available":
        eventlet.sleep(2)
)py",
        .fix_safety =
            "Safe fix under the threading target: `eventlet.sleep(s)` becomes `time.sleep(s)` and "
            "`import time` is added; it keeps behaviour once the code runs in native threads. No "
            "automatic fix under asyncio, since the caller would have to become `async def`.",
    },
};

}  // namespace eventlet_lsp::analyzers
