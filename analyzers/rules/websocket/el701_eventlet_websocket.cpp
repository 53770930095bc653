// EL701 eventlet-websocket: Eventlet's WebSocket server support.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL701;
constinit const RuleDefinition kRuleEL701{
    .code = "EL701",
    .name = "eventlet-websocket",
    .scenario = Scenario::WebSocket,
    .default_severity = Severity::Warning,
    .message = "`{api}` uses Eventlet's WebSocket support, which has no drop-in replacement",
    .guide_path = "/guide/migrating-to-asyncio/#replacing-eventlet-with-asyncio",
    .asyncio_replacement =
        "The `websockets` library: `websockets.asyncio.server.serve(handler, host, port)` "
        "(websockets 13+), whose handler receives the connection and iterates over its messages.",
    .threading_replacement =
        "The guide offers none. The `websockets` library also has a threading server "
        "(`websockets.sync.server.serve`), suited to a modest number of clients.",
    .trap =
        "`WebSocketWSGI` runs inside Eventlet's WSGI server and takes the connection over, so it "
        "cannot move to a threaded WSGI server as is: the endpoint usually becomes a separate "
        "server or an ASGI route. Recent `websockets` releases pass only the connection to the "
        "handler, not a path.",
    .docs = {
        .what_it_does =
            "Reports `eventlet.websocket.WebSocketWSGI` (usually used as a decorator), "
            "`eventlet.websocket.WebSocket` and its methods, and imports of the "
            "`eventlet.websocket` module.",
        .why_is_this_bad =
            "Eventlet's WebSocket support hijacks the WSGI connection and keeps one green thread "
            "per client. WSGI itself has no WebSocket model, so the endpoint has to move to a "
            "server that supports WebSockets natively.",
        .example = R"py(import eventlet
from eventlet import websocket, wsgi


@websocket.WebSocketWSGI
def echo(ws):
    while (message := ws.wait()) is not None:
        ws.send(message)


wsgi.server(eventlet.listen(("", 7000)), echo)
)py",
        .fix_safety = "No fix: the endpoint needs a new server and a new handler signature.",
    },
};

}  // namespace eventlet_lsp::analyzers
