// EL807 eventlet-debug-backdoor: `eventlet.debug` helpers and the `eventlet.backdoor` console.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL807;
constinit const RuleDefinition kRuleEL807{
    .code = "EL807",
    .name = "eventlet-debug-backdoor",
    .scenario = Scenario::Integration,
    .default_severity = Severity::Warning,
    .message = "`{api}` uses Eventlet's debugging or backdoor tools",
    .guide_path = "/guide/debug-asyncio/#eventlet-vs-asyncio",
    .asyncio_replacement =
        "asyncio's debug mode (`asyncio.run(main(), debug=True)` or `PYTHONASYNCIODEBUG=1`) to "
        "spot slow callbacks; on Python 3.14, `python -m asyncio ps PID` and `python -m asyncio "
        "pstree PID` to inspect running tasks.",
    .threading_replacement =
        "`faulthandler.dump_traceback()` (or `faulthandler.register(signal.SIGUSR1)`) and "
        "`sys._current_frames()` to see what every thread is doing.",
    .trap =
        "`backdoor_server` opened a Python shell on a socket; nothing replaces it one to one, and "
        "such a shell in production is a risk of its own. `hub_blocking_detection` has no exact "
        "counterpart, although asyncio's debug mode logs slow callbacks.",
    .docs = {
        .what_it_does =
            "Reports the `eventlet.debug` helpers (`spew`, `hub_blocking_detection`, "
            "`hub_prevent_multiple_readers`, `format_hub_listeners`, `format_threads_info` and the "
            "rest) and `eventlet.backdoor` (`backdoor_server`, `backdoor`).",
        .why_is_this_bad =
            "These tools inspect or tune the hub and the green threads, so they stop working once "
            "Eventlet is gone. Some also switch safety checks off "
            "(`hub_prevent_multiple_readers(False)`), which can hide bugs that only show up after "
            "the migration.",
        .example = R"py(import eventlet
from eventlet import backdoor, debug

debug.hub_blocking_detection(True, resolution=1)
eventlet.spawn(backdoor.backdoor_server, eventlet.listen(("127.0.0.1", 3000)))
)py",
        .fix_safety = "No fix: debugging facilities are replaced by other tools, not by code.",
    },
};

}  // namespace eventlet_lsp::analyzers
