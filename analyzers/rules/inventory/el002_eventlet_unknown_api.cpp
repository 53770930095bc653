// EL002 eventlet-unknown-api: a name under `eventlet` that the catalog does not know.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL002;
constinit const RuleDefinition kRuleEL002{
    .code = "EL002",
    .name = "eventlet-unknown-api",
    .scenario = Scenario::Inventory,
    .default_severity = Severity::Warning,
    .message = "`{api}` is not a known public Eventlet API: review it by hand",
    .guide_path = "/guide/preparing-for-migration/#locate-eventlet-usages",
    .asyncio_replacement = "",
    .threading_replacement = "",
    .trap =
        "Private and removed names change without notice: `eventlet.wsgi.ALREADY_HANDLED` "
        "disappeared in a patch release (0.30.3) and `eventlet.support` is internal, so code that "
        "reaches them can break on any Eventlet upgrade made before the migration is over.",
    .docs = {
        .what_it_does =
            "Reports a name under `eventlet` that the rule catalog does not list: a private "
            "helper, an internal module such as `eventlet.support`, an attribute removed in some "
            "release, or a typo. Such names are never skipped silently, so the inventory stays "
            "complete.",
        .why_is_this_bad =
            "An unknown name has no documented replacement, so the checker cannot tell which "
            "migration scenario it belongs to. Private APIs are also the most fragile part of an "
            "Eventlet-based codebase: no deprecation policy covers them, and they may already be "
            "gone in the version you run.",
        .example = R"py(import eventlet

eventlet.spawn_later(5, refresh)  # no such function: a typo, or a name from an old release
)py",
        .fix_safety =
            "No fix: an unknown name has no catalogued replacement. Find out what it does in the "
            "Eventlet version you pin and map it to the closest documented API.",
    },
};

}  // namespace eventlet_lsp::analyzers
