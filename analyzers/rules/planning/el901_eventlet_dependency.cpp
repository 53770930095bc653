// EL901 eventlet-dependency: Eventlet declared as a dependency of the project.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL901;
constinit const RuleDefinition kRuleEL901{
    .code = "EL901",
    .name = "eventlet-dependency",
    .scenario = Scenario::Planning,
    .default_severity = Severity::Warning,
    .message = "`{api}` declares Eventlet as a dependency of this project",
    .guide_path = "/guide/preparing-for-migration/#split-your-works",
    .asyncio_replacement =
        "Drop the requirement once nothing imports Eventlet, and declare the async libraries the "
        "migrated code uses instead (for example `aiohttp`, or `awaitlet` for sync islands).",
    .threading_replacement =
        "Drop the requirement once nothing imports Eventlet, and declare any thread-based helpers "
        "the migrated code uses instead (for example `futurist` or `cheroot`).",
    .trap =
        "Eventlet can also arrive transitively, through a library that depends on it, so deleting "
        "your own line does not remove it from the environment; check the installed tree (for "
        "example with `pipdeptree`) and keep it out with a constraints file.",
    .docs = {
        .what_it_does =
            "Reports Eventlet declared as a dependency: lines in requirements files "
            "(`requirements*.txt`, `constraints*.txt`, `requirements*.in`, anything below a "
            "`requirements/` folder, `*-requires`, or a file named on the command line that reads "
            "as one), `install_requires` or extras in `setup.cfg` and in the `setup()` call of "
            "`setup.py` (lists passed by name included), `deps` of `tox.ini` (after factor "
            "conditions such as `py38:`), and `dependencies` or optional dependencies in "
            "`pyproject.toml`.",
        .why_is_this_bad =
            "The requirement is the last thing to go: it stays until every usage in the code is "
            "migrated. Listing it keeps the end goal visible, and it flags libraries that pull "
            "Eventlet into every service that installs them.",
        .example = R"py(# requirements.txt
eventlet>=0.33.0
greenlet>=3.0

# pyproject.toml
[project]
dependencies = ["eventlet>=0.33", "oslo.config"]
)py",
        .fix_safety =
            "No fix: the requirement can only go once the code no longer imports Eventlet, which "
            "the other rules track.",
    },
};

}  // namespace eventlet_lsp::analyzers
