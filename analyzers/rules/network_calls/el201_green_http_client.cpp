// EL201 green-http-client: Eventlet's green copies of the urllib, http and ftplib client modules.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL201;
constinit const RuleDefinition kRuleEL201{
    .code = "EL201",
    .name = "green-http-client",
    .scenario = Scenario::NetworkCalls,
    .default_severity = Severity::Warning,
    .message =
        "`{api}` is a green HTTP/URL client module: use the plain stdlib module or an async client",
    .guide_path = "/guide/migrating-to-asyncio/#replacing-eventlet-with-asyncio",
    .asyncio_replacement =
        "An async HTTP client such as `aiohttp.ClientSession` (or `httpx.AsyncClient`), with "
        "`asyncio.gather` to run requests concurrently.",
    .threading_replacement =
        "The plain stdlib module (`eventlet.green.urllib2` and `eventlet.green.urllib.request` are "
        "`urllib.request`, `eventlet.green.httplib` is `http.client`) or `requests`, with a "
        "`ThreadPoolExecutor` to run requests concurrently.",
    .trap =
        "A green module yields to other green threads while it waits on the network; the plain "
        "module blocks its thread, which is fine under threads but stalls every green thread while "
        "Eventlet still runs.",
    .docs = {
        .what_it_does =
            "Reports imports and uses of Eventlet's green network-client modules: "
            "`eventlet.green.urllib` and its submodules, `urllib2`, `http`, `http.client`, "
            "`http.cookiejar`, `http.cookies`, `httplib` and `ftplib`.",
        .why_is_this_bad =
            "These modules are copies of the standard library whose sockets cooperate with the "
            "hub. They only make sense while green threads run, and they hide the concurrency "
            "model: the code looks blocking but relies on Eventlet to overlap requests.",
        .example = R"py(import eventlet
from eventlet.green.urllib import request

urls = ["https://example.org/a", "https://example.org/b"]


def fetch(url):
    with request.urlopen(url) as response:
        return response.read()


pool = eventlet.GreenPool()
bodies = list(pool.imap(fetch, urls))
)py",
        .fix_safety =
            "The fix replaces the import with the plain standard module (`from "
            "eventlet.green.urllib import request` becomes `from urllib import request`). It keeps "
            "behaviour, and is safe, once nothing in the program monkey-patches or runs green "
            "threads any more; before that, the plain module blocks the hub during network waits.",
    },
};

}  // namespace eventlet_lsp::analyzers
