// EL602 green-socket-module: Eventlet's green socket, ssl, select and server modules.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL602;
constinit const RuleDefinition kRuleEL602{
    .code = "EL602",
    .name = "green-socket-module",
    .scenario = Scenario::Sockets,
    .default_severity = Severity::Warning,
    .message = "`{api}` is Eventlet's green copy of a socket-level module: use the standard module",
    .guide_path = "/guide/migrating-to-asyncio/#replacing-eventlet-with-asyncio",
    .asyncio_replacement =
        "asyncio streams (`asyncio.open_connection`, `asyncio.start_server`) or the loop's socket "
        "methods (`loop.sock_recv`, `loop.sock_sendall`) in place of blocking socket, ssl and "
        "select calls.",
    .threading_replacement =
        "The plain module of the same name: `socket`, `ssl`, `select`, `selectors`, and "
        "`socketserver` for `SocketServer`. `asyncore` and `asynchat` were removed in Python 3.12, "
        "so that code moves to `socketserver` or asyncio.",
    .trap =
        "A green module never blocks the process, since every wait goes through the hub; the plain "
        "module blocks the calling thread, which stalls all green threads while Eventlet still "
        "runs. The green `socket` also resolved host names without blocking (greendns).",
    .docs = {
        .what_it_does =
            "Reports imports and uses of `eventlet.green.socket`, `ssl`, `select`, `selectors`, "
            "`SocketServer`, `asyncore` and `asynchat`.",
        .why_is_this_bad =
            "These are drop-in copies of stdlib modules whose blocking calls yield to the hub. "
            "Code that imports them depends on Eventlet even where nothing else in the file "
            "mentions it.",
        .example = R"py(from eventlet.green import socket


def fetch_banner(host, port):
    with socket.create_connection((host, port), timeout=5) as sock:
        return sock.recv(128)
)py",
        .fix_safety =
            "The fix replaces the import with the plain module (`from eventlet.green import "
            "socket` becomes `import socket`). It is safe once nothing in the program "
            "monkey-patches or runs green threads any more; until then the plain module blocks the "
            "hub while it waits. `asyncore` and `asynchat` are not rewritten.",
    },
};

}  // namespace eventlet_lsp::analyzers
