// EL601 eventlet-convenience-socket: the `listen`/`connect`/`serve`/`wrap_ssl` socket helpers.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL601;
constinit const RuleDefinition kRuleEL601{
    .code = "EL601",
    .name = "eventlet-convenience-socket",
    .scenario = Scenario::Sockets,
    .default_severity = Severity::Warning,
    .message = "`{api}` is an Eventlet socket helper that works on green sockets",
    .guide_path = "/guide/migrating-to-asyncio/#replacing-eventlet-with-asyncio",
    .asyncio_replacement =
        "`asyncio.start_server(handler, host, port)` and `asyncio.open_connection(host, port)`, "
        "with `ssl=context` for TLS, using StreamReader and StreamWriter.",
    .threading_replacement =
        "`socket.create_server(addr)` for `listen`, `socket.create_connection(addr)` for "
        "`connect`, `socketserver.ThreadingTCPServer` for `serve`, `ssl.SSLContext.wrap_socket` "
        "for `wrap_ssl`.",
    .trap =
        "`eventlet.listen` sets `SO_REUSEADDR` and, for a fixed port, `SO_REUSEPORT` by default, "
        "with a backlog of 50; `socket.create_server` only sets `SO_REUSEPORT` on request. `serve` "
        "handled up to 1000 clients at once and stopped on the first handler exception. `wrap_ssl` "
        "takes the arguments of `ssl.wrap_socket`, which Python 3.12 removed.",
    .docs = {
        .what_it_does =
            "Reports Eventlet's socket convenience functions: `eventlet.listen`, "
            "`eventlet.connect`, `eventlet.serve`, `eventlet.wrap_ssl`, the `StopServe` exception, "
            "and imports of `eventlet.convenience`.",
        .why_is_this_bad =
            "They return green sockets and run servers on green threads, so everything that reads "
            "or writes those sockets depends on the hub. The stdlib has close equivalents, but "
            "socket options, concurrency limits and error handling differ.",
        .example = R"py(import eventlet


def echo(sock, addr):
    for line in sock.makefile("r"):
        sock.sendall(line.encode())


eventlet.serve(eventlet.listen(("0.0.0.0", 6000)), echo)
)py",
        .fix_safety =
            "No fix: the stdlib helpers take different options and defaults, and `serve` needs a "
            "server design (a thread per client, or asyncio streams).",
    },
};

}  // namespace eventlet_lsp::analyzers
