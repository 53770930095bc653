// EL904 eventlet-environment-variable: Eventlet's `EVENTLET_*` environment variables.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL904;
constinit const RuleDefinition kRuleEL904{
    .code = "EL904",
    .name = "eventlet-environment-variable",
    .scenario = Scenario::Planning,
    .default_severity = Severity::Warning,
    .message = "`{api}` configures Eventlet through the environment",
    .guide_path = "/guide/preparing-for-migration/#split-your-works",
    .asyncio_replacement =
        "During the hybrid phase, `EVENTLET_HUB=asyncio` selects the asyncio hub (like "
        "`eventlet.hubs.use_hub(\"asyncio\")`); remove the variables once Eventlet is gone.",
    .threading_replacement =
        "Remove the variable; size any replacement thread pool explicitly (for example "
        "`ThreadPoolExecutor(max_workers=n)`) instead of through `EVENTLET_THREADPOOL_SIZE`.",
    .trap =
        "Eventlet reads these variables itself, and they are usually set far from the code (CI "
        "files, container images, systemd units), so they outlive the code change unless they are "
        "listed and deprecated like any other option.",
    .docs = {
        .what_it_does =
            "Reports Eventlet's environment variables (`EVENTLET_HUB`, `EVENTLET_THREADPOOL_SIZE`, "
            "`EVENTLET_NO_GREENDNS` and the other `EVENTLET_*` names) in configuration files, "
            "shell scripts, `tox.ini`, as Python string literals such as "
            "`os.environ[\"EVENTLET_HUB\"]`, and as keyword names such as "
            "`os.environ.update(EVENTLET_NO_GREENDNS=\"yes\")`.",
        .why_is_this_bad =
            "These variables change how Eventlet behaves (which hub it uses, how many native "
            "threads tpool starts, whether name resolution is green) without any code mentioning "
            "it. They are part of the Eventlet configuration surface that has to be deprecated and "
            "removed along with the library.",
        .example = R"py(# tox.ini
[testenv]
setenv =
    EVENTLET_NO_GREENDNS = yes
    EVENTLET_HUB = poll
)py",
        .fix_safety = "No fix: configuration outside Python code is reported, not rewritten.",
    },
};

}  // namespace eventlet_lsp::analyzers
