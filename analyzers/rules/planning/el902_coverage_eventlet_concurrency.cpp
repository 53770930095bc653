// EL902 coverage-eventlet-concurrency: coverage.py configured with `concurrency = eventlet`.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL902;
constinit const RuleDefinition kRuleEL902{
    .code = "EL902",
    .name = "coverage-eventlet-concurrency",
    .scenario = Scenario::Planning,
    .default_severity = Severity::Warning,
    .message = "`{api}` makes coverage.py trace Eventlet green threads",
    .guide_path = "/guide/preparing-for-migration/#split-your-works",
    .asyncio_replacement =
        "Remove `eventlet` from `concurrency`: coverage.py measures asyncio code with its default "
        "`thread` setting.",
    .threading_replacement =
        "`concurrency = thread` (the default), plus `multiprocessing` if the tests start "
        "processes.",
    .trap =
        "coverage.py refuses to start with `concurrency = eventlet` when Eventlet is not "
        "installed, while tests that still run green threads lose their coverage data once the "
        "setting goes; change it together with the code it measures.",
    .docs = {
        .what_it_does =
            "Reports `concurrency = eventlet` (alone or in a list) in coverage.py settings: "
            "`.coveragerc`, `[coverage:run]` in `setup.cfg` and `tox.ini`, and "
            "`[tool.coverage.run]` in `pyproject.toml`.",
        .why_is_this_bad =
            "The setting tells coverage.py to follow green threads, so the test setup depends on "
            "Eventlet even when the code under test no longer does. It is part of the Eventlet "
            "configuration that has to be retired with the library.",
        .example = R"py(# .coveragerc
[run]
branch = True
concurrency = eventlet
source = myservice
)py",
        .fix_safety =
            "No fix: the right setting depends on whether the tests still run green threads.",
    },
};

}  // namespace eventlet_lsp::analyzers
