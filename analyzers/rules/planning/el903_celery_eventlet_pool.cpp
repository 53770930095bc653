// EL903 celery-eventlet-pool: Celery workers configured with the eventlet execution pool.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL903;
constinit const RuleDefinition kRuleEL903{
    .code = "EL903",
    .name = "celery-eventlet-pool",
    .scenario = Scenario::Planning,
    .default_severity = Severity::Warning,
    .message = "`{api}` runs Celery workers on the eventlet pool",
    .guide_path = "/guide/preparing-for-migration/#split-your-works",
    .asyncio_replacement = "",
    .threading_replacement =
        "`-P threads` (`--pool=threads`, or `worker_pool = \"threads\"`) with a realistic "
        "`--concurrency`; the default `prefork` pool for CPU-bound tasks.",
    .trap =
        "Eventlet pools often ran hundreds of concurrent tasks; the same `--concurrency` with the "
        "`threads` pool starts that many OS threads, so size it down. Tasks that called Eventlet "
        "APIs or relied on the worker's monkey patching block or fail under the other pools.",
    .docs = {
        .what_it_does =
            "Reports Celery worker settings that use the eventlet execution pool: `-P eventlet` or "
            "`--pool=eventlet` on a `celery worker` command line (also in a variable the command "
            "expands, in `CELERYD_OPTS`, and in a Python string or argument list that runs "
            "celery), and `worker_pool = \"eventlet\"` in the Celery configuration.",
        .why_is_this_bad =
            "The eventlet pool monkey-patches the worker process, so every task runs in a green "
            "thread and may depend on patched I/O without ever importing Eventlet. Switching the "
            "pool is part of the migration and should be rolled out, and deprecated, like any "
            "other Eventlet-related option.",
        .example = R"py(# Procfile
worker: celery -A proj worker -P eventlet --concurrency=500 --loglevel=INFO
)py",
        .fix_safety = "No fix: the pool type and its concurrency are deployment choices.",
    },
};

}  // namespace eventlet_lsp::analyzers
