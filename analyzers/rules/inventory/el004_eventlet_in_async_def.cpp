// EL004 eventlet-in-async-def: an Eventlet call or reference inside an `async def` coroutine.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL004;
constinit const RuleDefinition kRuleEL004{
    .code = "EL004",
    .name = "eventlet-in-async-def",
    .scenario = Scenario::Inventory,
    .default_severity = Severity::Warning,
    .message =
        "`{api}` is used inside `async def`: Eventlet calls block or misbehave on the event loop",
    .guide_path = "/guide/preparing-for-migration/#locate-eventlet-usages",
    .asyncio_replacement =
        "Use asyncio's own primitives inside coroutines: `await asyncio.sleep(s)`, "
        "`asyncio.create_task(...)`, `asyncio.Event`, `asyncio.Queue`, `asyncio.Lock`. While green "
        "code still exists, run it in a green thread and await that (`await eventlet.spawn(f)`), "
        "which requires the asyncio hub.",
    .threading_replacement = "",
    .trap =
        "Even under the asyncio hub, Eventlet's locks, queues, thread-locals and `getcurrent()` do "
        "not work inside `async def`; without the asyncio hub, any blocking Eventlet call there "
        "freezes the whole event loop.",
    .docs = {
        .what_it_does =
            "Reports any Eventlet call or reference inside an `async def` function. The API's own "
            "rule (for example `eventlet-sleep`) is reported as well; this rule adds that the use "
            "sits in a coroutine.",
        .why_is_this_bad =
            "A coroutine runs on the asyncio event loop, not in a green thread. Without the "
            "asyncio hub an Eventlet call there blocks the loop; with it, several Eventlet "
            "primitives still behave incorrectly in coroutines. This is a typical half-migrated "
            "state and worth fixing early.",
        .example = R"py(import eventlet


async def poll(client):
    while not await client.ready():
        eventlet.sleep(1)
)py",
        .fix_safety =
            "No fix of its own: the API's own rule carries any rewrite. Inside a coroutine the "
            "right replacement is usually the asyncio one (`await asyncio.sleep(s)` for "
            "`eventlet.sleep(s)`), which changes how the function is scheduled and needs review.",
    },
};

}  // namespace eventlet_lsp::analyzers
