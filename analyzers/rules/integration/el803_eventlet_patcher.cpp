// EL803 eventlet-patcher: `eventlet.patcher` helpers other than `monkey_patch`.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL803;
constinit const RuleDefinition kRuleEL803{
    .code = "EL803",
    .name = "eventlet-patcher",
    .scenario = Scenario::Integration,
    .default_severity = Severity::Warning,
    .message = "`{api}` uses Eventlet's patcher to load or inspect green modules",
    .guide_path = "/guide/migrating-to-asyncio/#advanced-scenarios",
    .asyncio_replacement =
        "The library's own asyncio API, or an asyncio-native alternative; remaining blocking calls "
        "go through `await asyncio.to_thread(...)`.",
    .threading_replacement =
        "A plain `import` of the module; `patcher.original(\"time\")` becomes `import time`, and "
        "`is_monkey_patched(...)` checks become unnecessary once nothing patches.",
    .trap =
        "`import_patched` and `inject` return a separate copy of the module, so its state (caches, "
        "registries, connection pools) is not shared with the plainly imported module. Libraries "
        "that test `is_monkey_patched` change code paths silently when patching stops.",
    .docs = {
        .what_it_does =
            "Reports `import_patched` of libraries other than HTTP clients, `inject`, `original`, "
            "`is_monkey_patched`, `patch_function`, and imports of the `eventlet.patcher` module.",
        .why_is_this_bad =
            "The patcher is how code asks for green versions of modules, or for the unpatched "
            "originals behind a monkey patch. Each call is an explicit dependency on patching and "
            "often marks a workaround that can go once patching is gone.",
        .example = R"py(from eventlet import patcher

original_threading = patcher.original("threading")
if patcher.is_monkey_patched("socket"):
    DEFAULT_TIMEOUT = None
)py",
        .fix_safety =
            "No fix: whether a patched copy can become a plain import depends on the green threads "
            "that still use it.",
    },
};

}  // namespace eventlet_lsp::analyzers
