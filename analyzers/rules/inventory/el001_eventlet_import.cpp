// EL001 eventlet-import: an import of Eventlet, or a reference to the `eventlet` package itself.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL001;
constinit const RuleDefinition kRuleEL001{
    .code = "EL001",
    .name = "eventlet-import",
    .scenario = Scenario::Inventory,
    .default_severity = Severity::Information,
    .message = "`{api}` ties this module to Eventlet: it belongs in the migration inventory",
    .guide_path = "/guide/preparing-for-migration/#locate-eventlet-usages",
    .asyncio_replacement = "",
    .threading_replacement = "",
    .trap =
        "Importing Eventlet is not neutral: recent releases emit an `EventletDeprecationWarning` "
        "on import, and a module that only imports it may still depend on a monkey patch applied "
        "elsewhere in the process.",
    .docs = {
        .what_it_does =
            "Reports every `import eventlet`, `import eventlet.<module>` and `from eventlet... "
            "import ...` statement, including aliased and function-local imports, and bare "
            "references to the `eventlet` package object (passing it around, reading "
            "`eventlet.__version__`). Together these findings are the inventory of the modules "
            "that depend on Eventlet.",
        .why_is_this_bad =
            "Eventlet is deprecated and its maintainers have announced the end of its support, so "
            "every module that imports it has to move to asyncio or native threads before the "
            "dependency can be dropped. A text search finds most imports but misses aliases and "
            "imports hidden in functions or `try` blocks; this rule reports them all.",
        .example = R"py(import eventlet
from eventlet import greenthread as gt
from eventlet.green import socket


def start(handler):
    return gt.spawn(handler)
)py",
        .fix_safety =
            "No fix: an import can only go once every name it binds has been migrated, which the "
            "other rules track. After the migration, keep this rule enabled (at error level) as "
            "the guard that stops Eventlet from coming back.",
    },
};

}  // namespace eventlet_lsp::analyzers
