// EL905 eventlet-backend-switch: code that already chooses between Eventlet and another backend.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL905;
constinit const RuleDefinition kRuleEL905{
    .code = "EL905",
    .name = "eventlet-backend-switch",
    .scenario = Scenario::Planning,
    .default_severity = Severity::Information,
    .message = "`{api}` selects Eventlet among other backends: this part can already run without it",
    .guide_path = "/guide/preparing-for-migration/#is-eventlet-disablable",
    .asyncio_replacement =
        "Add or choose the asyncio backend of the same switch, then make it the default.",
    .threading_replacement =
        "Choose the threading backend of the same switch (`executor=\"threading\"`, "
        "`async_mode=\"threading\"`), then make it the default and deprecate the Eventlet value.",
    .trap =
        "The other backend is only as tested as the switch is used: run the test suite with it "
        "before relying on it, and keep the Eventlet value until the deployments stop choosing it.",
    .docs = {
        .what_it_does =
            "Reports the string `\"eventlet\"` where a program chooses its concurrency backend: "
            "compared with a setting (`CONCURRENCY_LIBRARY == \"eventlet\"`, `async_mode in "
            "(\"eventlet\", \"gevent\")`), passed as an option (`executor=\"eventlet\"`, "
            "`default=\"eventlet\"`, `choices=[\"eventlet\", \"threading\"]`), assigned as a "
            "setting, or used as the key of a mapping to code "
            "(`{\"eventlet\": _patch_eventlet, \"gevent\": _patch_gevent}`). A mapping to plain "
            "data (Sphinx's `intersphinx_mapping`, `extras_require`) is not a switch and is not "
            "reported.",
        .why_is_this_bad =
            "It is not a problem but evidence the guide asks for: a switch means Eventlet can be "
            "disabled for this part, so it can be tested and migrated without waiting for the "
            "rest. Before this rule such strings were reported as indirect uses (EL003).",
        .example = R"py(import oslo_messaging

server = oslo_messaging.get_rpc_server(transport, target, endpoints, executor="eventlet")

if CONF.concurrency_library == "eventlet":
    import eventlet

    eventlet.monkey_patch()
)py",
        .fix_safety = "No fix: which backend replaces Eventlet is the team's decision.",
    },
};

}  // namespace eventlet_lsp::analyzers
