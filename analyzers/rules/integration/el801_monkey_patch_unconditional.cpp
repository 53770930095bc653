// EL801 monkey-patch-unconditional: `monkey_patch()` that always runs, with no way to turn it off.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL801;
constinit const RuleDefinition kRuleEL801{
    .code = "EL801",
    .name = "monkey-patch-unconditional",
    .scenario = Scenario::Integration,
    .default_severity = Severity::Warning,
    .message = "`{api}` patches the standard library unconditionally: put it behind a toggle first",
    .guide_path = "/guide/preparing-for-migration/#is-eventlet-disablable",
    .asyncio_replacement =
        "Explicit asynchronous calls instead of patched ones (`await "
        "asyncio.open_connection(...)`, `await asyncio.sleep(...)`); blocking calls that remain go "
        "through `await asyncio.to_thread(...)`.",
    .threading_replacement = "Delete the call and use the plain stdlib modules.",
    .trap =
        "Patching swaps `socket`, `ssl`, `select`, `time`, `threading`, `queue`, `os` and "
        "`subprocess` for the whole process, so any code, libraries included, may rely on it "
        "without saying so. Remove it only after the explicit green threads are gone; until then "
        "it must stay the first thing the program runs, or modules imported earlier keep unpatched "
        "references.",
    .docs = {
        .what_it_does =
            "Reports `eventlet.monkey_patch()` and `patcher.monkey_patch(...)` calls that always "
            "run: not inside an `if` that depends on an environment variable, a configuration "
            "option or an argument.",
        .why_is_this_bad =
            "An unconditional monkey patch makes Eventlet impossible to switch off, so the "
            "application can never be tried without it. With a toggle you can check whether the "
            "service still works, blocking, without Eventlet, and then re-add concurrency step by "
            "step; that is the recommended starting point of a migration.",
        .example = R"py(import eventlet

eventlet.monkey_patch()

from myservice import main  # noqa: E402

main()
)py",
        .fix_safety =
            "Unsafe fix: the call (and its import, if unused) is removed, and it is offered only "
            "when no other Eventlet usage remains. Unsafe because every patched module silently "
            "goes back to blocking behaviour, for this code and for every library it loads.",
    },
};

}  // namespace eventlet_lsp::analyzers
