// EL203 greenpool-imap-fan-out: `GreenPool.imap` / `starmap` fanning calls out over green threads.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL203;
constinit const RuleDefinition kRuleEL203{
    .code = "EL203",
    .name = "greenpool-imap-fan-out",
    .scenario = Scenario::NetworkCalls,
    .default_severity = Severity::Warning,
    .message = "`{api}` fans calls out over green threads: use `executor.map` or `asyncio.gather`",
    .guide_path = "/guide/migrating-to-asyncio/#replacing-eventlet-with-asyncio",
    .asyncio_replacement =
        "`asyncio.gather(*(fetch(u) for u in urls))` with an async client, bounded by an "
        "`asyncio.Semaphore(n)` to keep the pool's size limit.",
    .threading_replacement =
        "`ThreadPoolExecutor(max_workers=n).map(f, items)`; for `starmap(f, rows)` use "
        "`executor.map(lambda args: f(*args), rows)`.",
    .trap =
        "`imap` is lazy and keeps at most the pool size in flight, while `Executor.map` reads and "
        "submits its whole input at once, so a huge or endless iterable is consumed immediately. A "
        "task that waits on another task of the same bounded pool can deadlock.",
    .docs = {
        .what_it_does =
            "Reports `GreenPool.imap` and `GreenPool.starmap` calls, including on pools stored in "
            "variables or attributes: a function applied concurrently to every item of an "
            "iterable, typically one network request per item.",
        .why_is_this_bad =
            "This is Eventlet's fan-out pattern for network calls, and its concurrency comes from "
            "green threads over patched sockets. After the migration it needs a real concurrency "
            "mechanism: a thread pool, or asyncio tasks doing async I/O.",
        .example = R"py(import eventlet
from eventlet.green.urllib.request import urlopen

pool = eventlet.GreenPool(20)


def fetch(url):
    return urlopen(url).read()


for body in pool.imap(fetch, urls):
    store(body)
)py",
        .fix_safety =
            "Only as part of the unsafe `GreenPool` to `ThreadPoolExecutor` rewrite (see "
            "`green-pool`), where `imap` becomes `executor.map`. Unsafe because `map` consumes its "
            "input eagerly and the calls then run in parallel OS threads.",
    },
};

}  // namespace eventlet_lsp::analyzers
