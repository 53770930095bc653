// EL202 import-patched-http-client: `import_patched` of an HTTP client library such as requests.
#include "analyzers/catalog/rule.h"
#include "analyzers/python/literals.h"
#include "analyzers/rules/context_checks.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL202;
constinit const RuleDefinition kRuleEL202{
    .code = "EL202",
    .name = "import-patched-http-client",
    .scenario = Scenario::NetworkCalls,
    .default_severity = Severity::Warning,
    .message =
        "`{api}` loads an HTTP client library with green sockets: import it normally or go async",
    .guide_path = "/guide/migrating-to-asyncio/#replacing-eventlet-with-asyncio",
    .asyncio_replacement =
        "An async HTTP client (`aiohttp.ClientSession`, `httpx.AsyncClient`) with `asyncio.gather` "
        "for concurrent requests.",
    .threading_replacement =
        "A normal `import` of the library (`import requests`) and a `ThreadPoolExecutor` for "
        "concurrent requests; give each thread its own `requests.Session`.",
    .trap =
        "`import_patched` returns a separate copy of the library, so a plainly imported copy can "
        "be in use at the same time with different behaviour and separate state (connection pools, "
        "caches). Only the imports made while the module loads are patched, not the ones it makes "
        "later at run time.",
    .docs = {
        .what_it_does =
            "Reports `eventlet.import_patched(...)` and `patcher.import_patched(...)` calls whose "
            "argument is an HTTP client library: `requests`, `httplib2`, `urllib3`, "
            "`urllib.request`, `http.client` and similar.",
        .why_is_this_bad =
            "The call returns a private copy of the library whose sockets cooperate with the hub, "
            "so the network calls made through it only overlap while green threads run. The code "
            "reads like ordinary synchronous HTTP, which makes the dependency on Eventlet easy to "
            "overlook.",
        .example = R"py(import eventlet

requests = eventlet.import_patched("requests")


def check(url):
    return requests.get(url, timeout=5).status_code
)py",
        .fix_safety =
            "No fix: swapping the patched copy for a plain `import` is only correct once no green "
            "thread calls it, and the change of concurrency model (threads or asyncio) usually "
            "comes with it.",
    },
};

// The context check that selects this rule.
namespace {
// Libraries whose green copy exists to make HTTP (or FTP) calls without blocking.
constexpr std::string_view kHttpClients[] = {"requests", "httplib2", "urllib3", "urllib",
                                             "urllib2",  "httplib",  "http",    "ftplib",
                                             "httpx",    "pycurl",   "aiohttp"};
}  // namespace

bool import_patched_http_client(const ReferenceContext& context) {
  if (ts_node_is_null(context.call)) return false;
  TSNode module = call_argument(context.tree, context.call, "module_name");
  if (ts_node_is_null(module)) return false;
  const auto value = plain_string_value(context.tree, module);
  if (!value) return false;
  const std::string_view top = value->substr(0, value->find('.'));
  for (std::string_view client : kHttpClients) {
    if (top == client) return true;
  }
  return false;
}

}  // namespace eventlet_lsp::analyzers
