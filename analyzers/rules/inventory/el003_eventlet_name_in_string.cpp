// EL003 eventlet-name-in-string: a string literal whose whole value is an Eventlet name.
#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

extern const RuleDefinition kRuleEL003;
constinit const RuleDefinition kRuleEL003{
    .code = "EL003",
    .name = "eventlet-name-in-string",
    .scenario = Scenario::Inventory,
    .default_severity = Severity::Information,
    .message = "`{api}` names Eventlet in a string: an indirect use that imports do not show",
    .guide_path = "/guide/preparing-for-migration/#locate-eventlet-usages",
    .asyncio_replacement = "",
    .threading_replacement = "",
    .trap =
        "A test that patches Eventlet by name (`mock.patch(\"eventlet.sleep\")`) keeps passing "
        "after the code stops calling `eventlet.sleep`, because it then patches something nobody "
        "uses; the test no longer checks what it claims to.",
    .docs = {
        .what_it_does =
            "Reports a plain string literal whose entire value is an Eventlet name, such as "
            "`\"eventlet\"`, `\"eventlet.sleep\"` or `\"eventlet.green.socket\"`. Typical places "
            "are `mock.patch(...)` targets, `importlib.import_module(...)` arguments and checks "
            "such as `\"eventlet\" in sys.modules`.",
        .why_is_this_bad =
            "These uses are invisible to import searches and to name resolution, yet they matter: "
            "a presence check switches code paths depending on whether Eventlet is loaded, and a "
            "dynamic import keeps the dependency alive. They must be migrated together with the "
            "code they refer to.",
        .example = R"py(import importlib
import sys
from unittest import mock

if "eventlet" in sys.modules:
    socket = importlib.import_module("eventlet.green.socket")


@mock.patch("eventlet.sleep")
def test_retry(sleep):
    ...
)py",
        .fix_safety =
            "No fix: what the string should become depends on the code it refers to. A patch "
            "target follows the function it patches; a presence check usually disappears with the "
            "Eventlet code path.",
    },
};

}  // namespace eventlet_lsp::analyzers
