// EL509 green-local: green-thread-local storage from `eventlet.corolocal`.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL509;
constinit const RuleDefinition kRuleEL509{
    .code = "EL509",
    .name = "green-local",
    .scenario = Scenario::GreenThreads,
    .default_severity = Severity::Warning,
    .message = "`{api}` stores per-green-thread state: use `threading.local` or `contextvars`",
    .guide_path = "/guide/migrating-to-threading/#replacing-eventlet-with-threading",
    .asyncio_replacement =
        "A `contextvars.ContextVar`: each task runs in a copy of the context, so values set in one "
        "task do not leak into others.",
    .threading_replacement = "`threading.local()`.",
    .trap =
        "Eventlet's local misbehaves inside `async def`, even under the asyncio hub. A task starts "
        "with a copy of its creator's context, so unlike a fresh green-thread local it sees the "
        "values set before it was created. `corolocal.get_ident` returns greenlet ids, not thread "
        "ids.",
    .docs = {
        .what_it_does =
            "Reports `eventlet.corolocal.local`, `corolocal.get_ident` and imports of the "
            "`eventlet.corolocal` module.",
        .why_is_this_bad =
            "Green-thread locals give each green thread its own attributes, typically for request "
            "context. The storage has to follow the new unit of concurrency: a thread-local for "
            "threads, a context variable for asyncio tasks.",
        .example = R"py(from eventlet import corolocal

_context = corolocal.local()


def set_request_id(request_id):
    _context.request_id = request_id
)py",
        .fix_safety =
            "Unsafe fix under the threading target: `corolocal.local()` becomes "
            "`threading.local()`. Unsafe because the state now follows OS threads: work handed to "
            "a pool worker no longer sees the values set by the code that submitted it.",
    },
};

}  // namespace eventlet_lsp::analyzers
