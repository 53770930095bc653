// EL101 eventlet-wsgi-server: Eventlet's WSGI server and its classes.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL101;
constinit const RuleDefinition kRuleEL101{
    .code = "EL101",
    .name = "eventlet-wsgi-server",
    .scenario = Scenario::WsgiServer,
    .default_severity = Severity::Warning,
    .message =
        "`{api}` belongs to Eventlet's WSGI server: move the app to a threaded WSGI or ASGI server",
    .guide_path = "/guide/migrating-to-threading/#replacing-eventlet-with-threading",
    .asyncio_replacement =
        "Serve the application from an ASGI server such as uvicorn, or write it as an aiohttp "
        "`web.Application`; an existing WSGI app (Flask, for example) can be wrapped with "
        "`asgiref.wsgi.WsgiToAsgi`.",
    .threading_replacement =
        "A threaded WSGI server: gunicorn with the `gthread` worker, or an in-process server such "
        "as cheroot; `wsgiref.simple_server` is only for development.",
    .trap =
        "Eventlet's server runs every request in its own green thread, so long-lived requests "
        "(streaming, long polling, WebSocket) were cheap; a threaded server has a fixed number of "
        "worker threads that such requests can exhaust. Eventlet-specific `environ` keys such as "
        "`eventlet.posthooks` have no counterpart.",
    .docs = {
        .what_it_does =
            "Reports uses of Eventlet's WSGI server: `eventlet.wsgi.server(...)`, the `Server` and "
            "`HttpProtocol` classes, `Input`, `format_date_time`, and imports of the "
            "`eventlet.wsgi` module.",
        .why_is_this_bad =
            "The WSGI server is usually the part of a service that leans most on green threads: "
            "each request runs in one, and all socket I/O goes through the hub. It cannot run "
            "without Eventlet, and replacing it is commonly the first step of a service's "
            "migration.",
        .example = R"py(import eventlet
from eventlet import wsgi

from myapp import app

wsgi.server(eventlet.listen(("0.0.0.0", 8080)), app)
)py",
        .fix_safety =
            "No fix: choosing a server (threaded WSGI or ASGI, in-process or external) is a "
            "deployment decision, and the request handling model changes with it.",
    },
};

}  // namespace eventlet_lsp::analyzers
