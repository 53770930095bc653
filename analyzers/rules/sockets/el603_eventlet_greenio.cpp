// EL603 eventlet-greenio: `eventlet.greenio` green sockets, pipes and helpers.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL603;
constinit const RuleDefinition kRuleEL603{
    .code = "EL603",
    .name = "eventlet-greenio",
    .scenario = Scenario::Sockets,
    .default_severity = Severity::Warning,
    .message = "`{api}` uses Eventlet's green I/O layer: use plain sockets and files",
    .guide_path = "/guide/migrating-to-asyncio/#replacing-eventlet-with-asyncio",
    .asyncio_replacement =
        "asyncio streams or the `loop.sock_*` methods for sockets; `loop.connect_read_pipe` and "
        "`loop.connect_write_pipe` for pipes.",
    .threading_replacement =
        "`socket.socket` for `GreenSocket`, a plain file object (`open`, `os.fdopen`) for "
        "`GreenPipe`, `sock.shutdown(socket.SHUT_RDWR)` inside `try`/`except OSError` for "
        "`shutdown_safe`, `sock.setblocking(False)` for `set_nonblocking`.",
    .trap =
        "A `GreenSocket` emulates blocking calls on top of a non-blocking descriptor; code that "
        "passes its descriptor around or set timeouts on it deals with a different object once it "
        "is a plain socket.",
    .docs = {
        .what_it_does =
            "Reports `eventlet.greenio` and its members: `GreenSocket`, `GreenPipe`, "
            "`shutdown_safe` and `set_nonblocking`.",
        .why_is_this_bad =
            "`greenio` is the layer that makes sockets and pipes cooperate with the hub. Using it "
            "directly usually means the code wraps descriptors itself, which has to be reworked "
            "around plain blocking objects (threads) or asyncio transports.",
        .example = R"py(import os

from eventlet import greenio

read_fd, write_fd = os.pipe()
reader = greenio.GreenPipe(read_fd, "rb", 0)
)py",
        .fix_safety =
            "No fix: the wrapped descriptors and their blocking mode need a manual decision.",
    },
};

}  // namespace eventlet_lsp::analyzers
