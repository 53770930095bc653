// EL805 eventlet-hub: selecting or driving Eventlet's hub directly.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL805;
constinit const RuleDefinition kRuleEL805{
    .code = "EL805",
    .name = "eventlet-hub",
    .scenario = Scenario::Integration,
    .default_severity = Severity::Warning,
    .message = "`{api}` works with Eventlet's hub (its event loop) directly",
    .guide_path = "/guide/migrating-to-asyncio/#steps-to-migrate",
    .asyncio_replacement =
        "For the hybrid phase, select the asyncio hub before `monkey_patch`: "
        "`eventlet.hubs.use_hub(\"asyncio\")` or `EVENTLET_HUB=asyncio`. Afterwards the event loop "
        "replaces the hub: `loop.add_reader` and `loop.add_writer` for `trampoline`, "
        "`asyncio.get_running_loop()` for `get_hub`.",
    .threading_replacement =
        "No hub: blocking calls on plain sockets, with `selectors` where one thread must wait on "
        "several descriptors.",
    .trap =
        "There is no top-level `eventlet.use_hub`, whatever some examples show: the function is "
        "`eventlet.hubs.use_hub`. Hubs other than asyncio (`epolls`, `kqueue`, `poll`, `selects`) "
        "are deprecated in Eventlet's retirement plan, so selecting one is a step away from the "
        "migration.",
    .docs = {
        .what_it_does =
            "Reports `eventlet.hubs.use_hub`, `get_hub`, `get_default_hub`, `trampoline`, "
            "`notify_close`, `notify_opened`, and the hub modules (`eventlet.hubs.asyncio`, "
            "`epolls`, `kqueue`, `poll`, `selects`).",
        .why_is_this_bad =
            "The hub is Eventlet's event loop, and code that selects or drives it directly is the "
            "deepest kind of Eventlet dependency. Moving to the asyncio hub is the first step of "
            "an asyncio migration, as it lets Eventlet and asyncio code share one loop; every "
            "other hub use has to disappear by the end.",
        .example = R"py(import eventlet
from eventlet import hubs

hubs.use_hub("asyncio")
eventlet.monkey_patch()


def wait_readable(sock):
    hubs.trampoline(sock.fileno(), read=True)
)py",
        .fix_safety =
            "No fix: selecting the asyncio hub is a deliberate step of the migration plan, and "
            "direct hub calls need a redesign around the event loop.",
    },
};

}  // namespace eventlet_lsp::analyzers
