// EL102 gunicorn-eventlet-worker: gunicorn configured to use its eventlet worker class.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL102;
constinit const RuleDefinition kRuleEL102{
    .code = "EL102",
    .name = "gunicorn-eventlet-worker",
    .scenario = Scenario::WsgiServer,
    .default_severity = Severity::Warning,
    .message = "`{api}` selects gunicorn's eventlet worker, which gunicorn has removed",
    .guide_path = "/guide/migrating-to-threading/#replacing-eventlet-with-threading",
    .asyncio_replacement =
        "Serve the application as ASGI, for example with uvicorn (standalone or as a gunicorn "
        "worker class).",
    .threading_replacement =
        "`-k gthread` (or `worker_class = \"gthread\"`) with `--threads N`; the default `sync` "
        "worker is enough when requests are short.",
    .trap =
        "Gunicorn deprecated the eventlet worker and dropped it in release 26.0, so upgrading "
        "gunicorn breaks this configuration. With `gthread`, concurrency is workers times threads, "
        "far below the number of green threads the eventlet worker allowed, so long-lived "
        "connections need sizing.",
    .docs = {
        .what_it_does =
            "Reports gunicorn settings that use the eventlet worker: `-k eventlet` or "
            "`--worker-class eventlet` on a command line (Procfile, Dockerfile in shell or JSON "
            "exec form, shell and `.cmd` scripts, supervisord and systemd units, continuation "
            "lines included), in a variable that a gunicorn command line of the same file expands "
            "(`Environment=\"DAEMON_ARGS=-k eventlet\"` with `$DAEMON_ARGS`) or in "
            "`GUNICORN_CMD_ARGS`, in a Python string or argument list that runs gunicorn "
            "(`subprocess.run([\"gunicorn\", \"-k\", \"eventlet\", ...])`), and "
            "`worker_class = \"eventlet\"` in a gunicorn configuration file.",
        .why_is_this_bad =
            "The eventlet worker monkey-patches the whole process and runs each request in a green "
            "thread, so the application depends on Eventlet even if its code never imports it. "
            "Since gunicorn no longer ships the worker, the setting also pins gunicorn to an old "
            "release.",
        .example = R"py(# gunicorn.conf.py
bind = "0.0.0.0:8000"
workers = 4
worker_class = "eventlet"

# Procfile
web: gunicorn -k eventlet myapp.wsgi:application
)py",
        .fix_safety =
            "No fix: the replacement worker class and its thread count depend on the application, "
            "and the change happens in deployment files rather than in code.",
    },
};

}  // namespace eventlet_lsp::analyzers
