// EL804 green-stdlib-module: green copies of threading, queue, time, os, subprocess and others.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL804;
constinit const RuleDefinition kRuleEL804{
    .code = "EL804",
    .name = "green-stdlib-module",
    .scenario = Scenario::Integration,
    .default_severity = Severity::Warning,
    .message = "`{api}` is Eventlet's green copy of a module: import the original module",
    .guide_path = "/guide/migrating-to-threading/#replacing-eventlet-with-threading",
    .asyncio_replacement =
        "The asyncio API of the same domain: tasks and `asyncio.Queue` for `threading` and "
        "`Queue`, `asyncio.create_subprocess_exec` for `subprocess`, `asyncio.sleep` for "
        "`time.sleep`, `zmq.asyncio` for `zmq`.",
    .threading_replacement =
        "The original module: `threading`, `_thread` for `thread`, `queue` for `Queue`, `time`, "
        "`os`, `subprocess`, `http.server` for `BaseHTTPServer`, `SimpleHTTPServer` and "
        "`CGIHTTPServer`, `builtins`, `profile`; the real `MySQLdb`, `zmq` and `OpenSSL` packages.",
    .trap =
        "`eventlet.green.threading` creates green threads, not OS threads: code written against it "
        "may rely on cooperative scheduling, which the real `threading` module does not provide. "
        "pyzmq sockets are not thread-safe, so each thread needs its own.",
    .docs = {
        .what_it_does =
            "Reports imports and uses of `eventlet.green.threading`, `thread`, `Queue`, `time`, "
            "`os`, `subprocess`, `MySQLdb`, `zmq`, `OpenSSL`, `builtin`, `profile`, "
            "`BaseHTTPServer`, `SimpleHTTPServer`, `CGIHTTPServer` and `http.server`, and of the "
            "`eventlet.green` package itself.",
        .why_is_this_bad =
            "These modules make stdlib and third-party APIs cooperate with the hub without a "
            "global monkey patch. They tie the importing code to Eventlet and hide whether its "
            "work runs in green threads or real ones.",
        .example = R"py(from eventlet.green import subprocess, threading


def run_in_background(cmd):
    worker = threading.Thread(target=subprocess.check_call, args=(cmd,))
    worker.start()
    return worker
)py",
        .fix_safety =
            "The fix replaces the import with the original module (`from eventlet.green import "
            "threading` becomes `import threading`). It is safe once nothing monkey-patches and no "
            "green threads remain; until then the plain module blocks the hub, and "
            "`threading.Thread` starts real threads where green ones ran before.",
    },
};

}  // namespace eventlet_lsp::analyzers
