// Name resolution in analyze_python: Python scoping (LEGB, class scopes, global, comprehensions),
// import forms, aliases, instances, and robustness on broken, deep and very long files.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "analyzers/catalog/rule.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/python_analyzer.h"

namespace eventlet_lsp::analyzers {
namespace {

using Reported = std::vector<std::pair<std::uint32_t, std::string>>;  // (1-based line, code)

struct Named {
  std::uint32_t line = 0;  // 1-based
  std::string code;
  std::string qualified_name;
  friend bool operator==(const Named&, const Named&) = default;
  friend std::ostream& operator<<(std::ostream& out, const Named& n) {
    return out << n.line << ":" << n.code << ":" << n.qualified_name;
  }
};
using NamedList = std::vector<Named>;

std::vector<Finding> findings_of(const std::string& source) {
  PythonParser parser;
  const SyntaxTree tree = parser.parse(source);
  EXPECT_TRUE(tree.valid());
  return analyze_python(tree);
}

Reported analyze(const std::string& source) {
  Reported reported;
  for (const Finding& finding : findings_of(source))
    reported.emplace_back(finding.range.start.row + 1, std::string(finding.rule->code));
  return reported;
}

NamedList analyze_named(const std::string& source) {
  NamedList named;
  for (const Finding& finding : findings_of(source))
    named.push_back(Named{finding.range.start.row + 1, std::string(finding.rule->code), finding.qualified_name});
  return named;
}

// --- shadowing ----------------------------------------------------------------------------

TEST(ScopingTest, ParameterShadowsTheImport) {
  EXPECT_EQ(analyze("import eventlet\n"
                    "\n"
                    "def start(eventlet, f):\n"
                    "    eventlet.spawn(f)\n"
                    "\n"
                    "def start_default(f, eventlet=None):\n"
                    "    eventlet.spawn(f)\n"
                    "\n"
                    "def start_star(*eventlet, **kw):\n"
                    "    eventlet.spawn(f)\n"
                    "\n"
                    "handler = lambda eventlet: eventlet.sleep(1)\n"
                    "\n"
                    "eventlet.sleep(1)\n"),
            (Reported{{1, "EL001"}, {14, "EL504"}}));
}

TEST(ScopingTest, ParameterShadowsAFromImport) {
  EXPECT_EQ(analyze("from eventlet import sleep\n"
                    "\n"
                    "def poll(check, sleep=None):\n"
                    "    sleep(1)\n"
                    "\n"
                    "def pause():\n"
                    "    sleep(1)\n"),
            (Reported{{1, "EL001"}, {7, "EL504"}}));
}

TEST(ScopingTest, LocalAssignmentShadowsTheImport) {
  EXPECT_EQ(analyze("import eventlet\n"
                    "\n"
                    "def count(report):\n"
                    "    eventlet = report.libraries[0]\n"
                    "    return eventlet.spawn + eventlet.sleep\n"
                    "\n"
                    "def loop(items):\n"
                    "    for eventlet in items:\n"
                    "        eventlet.sleep(1)\n"
                    "\n"
                    "def pause():\n"
                    "    eventlet.sleep(1)\n"),
            (Reported{{1, "EL001"}, {12, "EL504"}}));
}

TEST(ScopingTest, FunctionLevelImportIsLocalWithoutGlobal) {
  EXPECT_EQ(analyze("def setup():\n"
                    "    import eventlet\n"
                    "    eventlet.sleep(1)\n"
                    "\n"
                    "def run():\n"
                    "    eventlet.sleep(2)\n"
                    "\n"
                    "eventlet.sleep(3)\n"),
            (Reported{{2, "EL001"}, {3, "EL504"}}));
}

TEST(ScopingTest, GlobalMakesAFunctionLevelImportVisibleModuleWide) {
  EXPECT_EQ(analyze("def setup():\n"
                    "    global eventlet\n"
                    "    import eventlet\n"
                    "    eventlet.sleep(1)\n"
                    "\n"
                    "def run():\n"
                    "    eventlet.sleep(2)\n"
                    "\n"
                    "eventlet.sleep(3)\n"),
            (Reported{{3, "EL001"}, {4, "EL504"}, {7, "EL504"}, {9, "EL504"}}));
}

TEST(ScopingTest, GlobalMakesAnAliasedFunctionLevelImportVisibleModuleWide) {
  EXPECT_EQ(analyze("def setup():\n"
                    "    global ev, spawn\n"
                    "    import eventlet as ev\n"
                    "    from eventlet import spawn\n"
                    "    ev.sleep(1)\n"
                    "\n"
                    "def run():\n"
                    "    ev.sleep(2)\n"
                    "\n"
                    "spawn(f)\n"),
            (Reported{{3, "EL001"}, {4, "EL001"}, {5, "EL504"}, {8, "EL504"}, {10, "EL301"}}));
}

TEST(ScopingTest, ClassBodyNamesAreNotVisibleInMethods) {
  EXPECT_EQ(analyze("import eventlet\n"
                    "\n"
                    "class Worker:\n"
                    "    from eventlet import sleep\n"
                    "    pool = eventlet.GreenPool()\n"
                    "    sleep(0.5)\n"
                    "\n"
                    "    def run(self):\n"
                    "        sleep(1)\n"
                    "        pool.spawn(f)\n"
                    "        return [sleep(x) for x in range(3)]\n"),
            (Reported{{1, "EL001"}, {4, "EL001"}, {5, "EL503"}, {6, "EL504"}}));
}

TEST(ScopingTest, ClassBodyNameDoesNotShadowTheModuleNameInMethods) {
  EXPECT_EQ(analyze("import eventlet\n"
                    "\n"
                    "class Config:\n"
                    "    eventlet = None\n"
                    "    eventlet.sleep(1)\n"
                    "\n"
                    "    def run(self):\n"
                    "        eventlet.sleep(2)\n"),
            (Reported{{1, "EL001"}, {8, "EL504"}}));
}

TEST(ScopingTest, ComprehensionVariablesShadow) {
  EXPECT_EQ(analyze("import eventlet\n"
                    "from eventlet import sleep\n"
                    "\n"
                    "names = [eventlet.upper() for eventlet in ('a', 'b')]\n"
                    "waits = {sleep: sleep(1) for sleep in (1, 2)}\n"
                    "gen = list(eventlet.sleep(x) for x in range(3))\n"),
            (Reported{{1, "EL001"}, {2, "EL001"}, {6, "EL504"}}));
}

TEST(ScopingTest, NonlocalReachesTheEnclosingFunction) {
  EXPECT_EQ(analyze("def outer():\n"
                    "    import eventlet as ev\n"
                    "    def inner():\n"
                    "        nonlocal ev\n"
                    "        ev.sleep(1)\n"
                    "    def shadowed(ev):\n"
                    "        ev.sleep(2)\n"
                    "    return inner\n"),
            (Reported{{2, "EL001"}, {5, "EL504"}}));
}

// --- import forms -------------------------------------------------------------------------

TEST(ImportFormsTest, WildcardImport) {
  EXPECT_EQ(analyze_named("from eventlet import *\n"
                          "\n"
                          "spawn(f)\n"
                          "sleep(1)\n"
                          "pool = GreenPool()\n"
                          "pool.imap(f, xs)\n"
                          "undefined_thing(1)\n"),
            (NamedList{{1, "EL001", "eventlet"},
                       {3, "EL301", "eventlet.greenthread.spawn"},
                       {4, "EL504", "eventlet.greenthread.sleep"},
                       {5, "EL503", "eventlet.greenpool.GreenPool"},
                       {6, "EL203", "eventlet.greenpool.GreenPool.imap"}}));
}

TEST(ImportFormsTest, WildcardNamesAreShadowedLikeOthers) {
  EXPECT_EQ(analyze("from eventlet import *\n"
                    "\n"
                    "def f(sleep):\n"
                    "    sleep(1)\n"
                    "\n"
                    "def g():\n"
                    "    spawn = print\n"
                    "    spawn(1)\n"),
            (Reported{{1, "EL001"}}));
}

TEST(ImportFormsTest, DottedImportBindsTheTopPackage) {
  EXPECT_EQ(analyze_named("import eventlet.green.socket\n"
                          "\n"
                          "s = eventlet.green.socket.socket()\n"),
            (NamedList{{1, "EL001", "eventlet.green.socket"},
                       {3, "EL602", "eventlet.green.socket.socket"}}));
}

TEST(ImportFormsTest, AliasedModuleAndFromImports) {
  EXPECT_EQ(analyze_named("import eventlet as ev\n"
                          "from eventlet import greenthread as gt, sleep as nap\n"
                          "\n"
                          "ev.spawn(f)\n"
                          "gt.spawn_n(f)\n"
                          "nap(0)\n"),
            (NamedList{{1, "EL001", "eventlet"},
                       {2, "EL001", "eventlet"},
                       {4, "EL301", "eventlet.greenthread.spawn"},
                       {5, "EL301", "eventlet.greenthread.spawn_n"},
                       {6, "EL505", "eventlet.greenthread.sleep"}}));
}

TEST(ImportFormsTest, RelativeImportsAreNotEventlet) {
  EXPECT_EQ(analyze("from . import greenthread\n"
                    "from .eventlet import spawn\n"
                    "from .. import eventlet\n"
                    "\n"
                    "greenthread.spawn(f)\n"
                    "spawn(f)\n"
                    "eventlet.sleep(1)\n"),
            Reported{});
}

TEST(ImportFormsTest, OtherPackagesNamedLikeEventletAreNot) {
  EXPECT_EQ(analyze("import eventletx\n"
                    "import my.eventlet as eventlet\n"
                    "from eventlet_utils import spawn\n"
                    "\n"
                    "eventletx.spawn(f)\n"
                    "eventlet.sleep(1)\n"
                    "spawn(f)\n"),
            Reported{});
}

TEST(ImportFormsTest, UnknownApiUnderEventlet) {
  EXPECT_EQ(analyze_named("import eventlet\n"
                          "eventlet.no_such(1)\n"
                          "eventlet.greenthread.nope()\n"),
            (NamedList{{1, "EL001", "eventlet"},
                       {2, "EL002", "eventlet.no_such"},
                       {3, "EL002", "eventlet.greenthread.nope"}}));
}

// --- aliases and instances ----------------------------------------------------------------

TEST(InstancesTest, ChainedAssignment) {
  EXPECT_EQ(analyze_named("import eventlet\n"
                          "\n"
                          "a = b = eventlet.GreenPool()\n"
                          "a.imap(f, xs)\n"
                          "b.imap(f, xs)\n"),
            (NamedList{{1, "EL001", "eventlet"},
                       {3, "EL503", "eventlet.greenpool.GreenPool"},
                       {4, "EL203", "eventlet.greenpool.GreenPool.imap"},
                       {5, "EL203", "eventlet.greenpool.GreenPool.imap"}}));
}

TEST(InstancesTest, Walrus) {
  EXPECT_EQ(analyze_named("import eventlet\n"
                          "\n"
                          "if (p := eventlet.GreenPool()):\n"
                          "    p.spawn(f)\n"),
            (NamedList{{1, "EL001", "eventlet"},
                       {3, "EL503", "eventlet.greenpool.GreenPool"},
                       {4, "EL503", "eventlet.greenpool.GreenPool.spawn"}}));
}

TEST(InstancesTest, WithAsTarget) {
  EXPECT_EQ(analyze_named("import eventlet\n"
                          "\n"
                          "with eventlet.Timeout(5) as t:\n"
                          "    t.cancel()\n"),
            (NamedList{{1, "EL001", "eventlet"},
                       {3, "EL404", "eventlet.timeout.Timeout"},
                       {4, "EL404", "eventlet.timeout.Timeout.cancel"}}));
}

TEST(InstancesTest, SelfAttributeAcrossMethods) {
  EXPECT_EQ(analyze_named("import eventlet\n"
                          "\n"
                          "class Dispatcher:\n"
                          "    def __init__(self):\n"
                          "        self.pool = eventlet.GreenPool()\n"
                          "\n"
                          "    def submit(self, job):\n"
                          "        self.pool.spawn_n(job)\n"
                          "\n"
                          "    def fan_out(self, job, xs):\n"
                          "        return list(self.pool.imap(job, xs))\n"
                          "\n"
                          "class Other:\n"
                          "    def submit(self, job):\n"
                          "        self.pool.spawn_n(job)\n"),
            (NamedList{{1, "EL001", "eventlet"},
                       {5, "EL503", "eventlet.greenpool.GreenPool"},
                       {8, "EL503", "eventlet.greenpool.GreenPool.spawn_n"},
                       {11, "EL203", "eventlet.greenpool.GreenPool.imap"}}));
}

TEST(InstancesTest, StoresOnATrackedObjectAreNotReported) {
  EXPECT_EQ(analyze_named("import eventlet\n"
                          "\n"
                          "def track(job, entry):\n"
                          "    thread = eventlet.spawn(job)\n"
                          "    thread.entry = entry\n"
                          "    thread.wait()\n"
                          "    return thread\n"),
            (NamedList{{1, "EL001", "eventlet"},
                       {4, "EL501", "eventlet.greenthread.spawn"},
                       {6, "EL502", "eventlet.greenthread.GreenThread.wait"}}));
}

TEST(InstancesTest, ValueAliasOfAFunction) {
  EXPECT_EQ(analyze_named("import eventlet\n"
                          "\n"
                          "go = eventlet.spawn\n"
                          "go(f)\n"),
            (NamedList{{1, "EL001", "eventlet"},
                       {3, "EL501", "eventlet.greenthread.spawn"},
                       {4, "EL301", "eventlet.greenthread.spawn"}}));
}

TEST(InstancesTest, SelfReferentialAssignmentDoesNotLoop) {
  EXPECT_EQ(analyze("import eventlet\n"
                    "x = x.y\n"
                    "a = b\n"
                    "b = a\n"
                    "a.sleep(1)\n"),
            (Reported{{1, "EL001"}}));
}

// --- what findings carry ------------------------------------------------------------------

TEST(FindingContentTest, QualifiedNameIsCanonical) {
  const std::vector<Finding> findings = findings_of("import eventlet as ev\nev.spawn(f)\n");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[1].rule->code, "EL301");
  EXPECT_EQ(findings[1].qualified_name, "eventlet.greenthread.spawn");
  EXPECT_EQ(findings[1].message, "`ev.spawn` starts a background green thread whose result nobody reads");
  EXPECT_EQ(findings[1].range.start, (TextPoint{1, 0}));
  EXPECT_EQ(findings[1].range.end, (TextPoint{1, 8}));
  EXPECT_EQ(findings[1].range.start_byte, 22u);
  EXPECT_EQ(findings[1].range.end_byte, 30u);
  EXPECT_EQ(findings[1].severity, findings[1].rule->default_severity);
}

TEST(FindingContentTest, RelatedLocationPointsAtTheImport) {
  const std::vector<Finding> findings = findings_of(
      "import os\n"
      "from eventlet import greenthread as gt\n"
      "\n"
      "def run(f):\n"
      "    gt.sleep(2)\n");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[1].rule->code, "EL504");
  ASSERT_TRUE(findings[1].related.has_value());
  EXPECT_EQ(findings[1].related->range.start, (TextPoint{1, 0}));
  EXPECT_EQ(findings[1].related->range.end, (TextPoint{1, 38}));
  EXPECT_EQ(findings[1].related->message, "`gt` is bound to Eventlet here");
  // The import statement itself needs no related location.
  EXPECT_FALSE(findings[0].related.has_value());
}

TEST(FindingContentTest, RelatedLocationOfAnInstancePointsAtItsAssignment) {
  const std::vector<Finding> findings = findings_of(
      "import eventlet\n"
      "pool = eventlet.GreenPool()\n"
      "pool.waitall()\n");
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[2].rule->code, "EL503");
  ASSERT_TRUE(findings[2].related.has_value());
  EXPECT_EQ(findings[2].related->range.start, (TextPoint{1, 0}));
  EXPECT_EQ(findings[2].related->message, "`pool` is bound to Eventlet here");
}

TEST(FindingContentTest, NoRelatedLocationOnTheImportLine) {
  const std::vector<Finding> findings = findings_of("import eventlet; eventlet.sleep(1)\n");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[1].rule->code, "EL504");
  EXPECT_FALSE(findings[1].related.has_value());
}

// --- robustness ---------------------------------------------------------------------------

TEST(RobustnessTest, SyntaxErrorsKeepTheValidParts) {
  EXPECT_EQ(analyze("import eventlet\n"
                    "\n"
                    "def broken(:\n"
                    "    pass\n"
                    "\n"
                    "eventlet.sleep(1)\n"
                    "\n"
                    "x = = 3\n"
                    "\n"
                    "def ok(f):\n"
                    "    eventlet.spawn(f)\n"),
            (Reported{{1, "EL001"}, {6, "EL504"}, {11, "EL301"}}));
}

TEST(RobustnessTest, EmptyAndCommentOnlyFiles) {
  EXPECT_EQ(analyze(""), Reported{});
  EXPECT_EQ(analyze("# eventlet is mentioned only here\n"), Reported{});
  EXPECT_EQ(analyze("\"\"\"Docstring naming eventlet.spawn.\"\"\"\n"), Reported{});
}

TEST(RobustnessTest, DeeplyNestedParentheses) {
  const int depth = 3000;
  const std::string source = "import eventlet\nx = " + std::string(depth, '(') + "eventlet.sleep(1)" +
                             std::string(depth, ')') + "\n";
  const NamedList named = analyze_named(source);
  ASSERT_FALSE(named.empty());
  EXPECT_EQ(named.front(), (Named{1, "EL001", "eventlet"}));
  // Whatever the parser makes of the nesting, the analysis ends and finds nothing spurious.
  for (const Named& n : named) {
    EXPECT_TRUE(n == (Named{1, "EL001", "eventlet"}) || n == (Named{2, "EL504", "eventlet.greenthread.sleep"}))
        << n;
  }
}

TEST(RobustnessTest, DeeplyNestedBrackets) {
  const int depth = 3000;
  const std::string source = "import eventlet\nx = " + std::string(depth, '[') + "eventlet.spawn(f)" +
                             std::string(depth, ']') + "\n";
  const Reported reported = analyze(source);
  ASSERT_FALSE(reported.empty());
  EXPECT_EQ(reported.front(), (std::pair<std::uint32_t, std::string>{1, "EL001"}));
}

TEST(RobustnessTest, FiveHundredNestedIfs) {
  std::string source = "import eventlet\n";
  for (int i = 0; i < 500; ++i) source += std::string(4 * i, ' ') + "if x" + std::to_string(i) + ":\n";
  source += std::string(4 * 500, ' ') + "eventlet.spawn(f)\n";
  EXPECT_EQ(analyze(source), (Reported{{1, "EL001"}, {502, "EL301"}}));
}

TEST(RobustnessTest, DeeplyNestedFunctionsKeepScoping) {
  std::string source = "import eventlet\n";
  const int depth = 200;
  for (int i = 0; i < depth; ++i)
    source += std::string(4 * i, ' ') + "def f" + std::to_string(i) + "(a" + std::to_string(i) + "):\n";
  source += std::string(4 * depth, ' ') + "eventlet.sleep(1)\n";
  EXPECT_EQ(analyze(source), (Reported{{1, "EL001"}, {depth + 2u, "EL504"}}));
}

TEST(RobustnessTest, LongAliasChain) {
  // a0 = eventlet; a1 = a0; ... a199 = a198: every link is a use of the module (EL001) and
  // both ends of the chain resolve, without a crash or a runaway recursion.
  std::string source = "import eventlet\na0 = eventlet\n";
  for (int i = 1; i < 200; ++i) source += "a" + std::to_string(i) + " = a" + std::to_string(i - 1) + "\n";
  source += "a3.sleep(1)\na199.sleep(1)\n";
  Reported expected{{1, "EL001"}};
  for (std::uint32_t line = 2; line <= 201; ++line) expected.emplace_back(line, "EL001");
  expected.emplace_back(202, "EL504");
  expected.emplace_back(203, "EL504");
  EXPECT_EQ(analyze(source), expected);
}

TEST(RobustnessTest, TwoHundredThousandLineFile) {
  const std::uint32_t lines = 200000;
  std::string source = "import eventlet\n";
  source.reserve(lines * 16);
  for (std::uint32_t i = 1; i < lines - 2; ++i) source += "v" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  source += "eventlet.spawn(f)\n";          // line lines - 1
  source += "t = eventlet.spawn(f)\n";      // line lines
  EXPECT_EQ(analyze(source), (Reported{{1, "EL001"}, {lines - 1, "EL301"}, {lines, "EL501"}}));
}

}  // namespace
}  // namespace eventlet_lsp::analyzers

namespace eventlet_lsp::analyzers {
namespace {

// tree-sitter-python 0.23.6's scanner keeps an "inside an f-string" flag across parses of one
// parser: a parse that stops inside an f-string must not change how the next file parses.
TEST(ParserReuse, AnUnfinishedFStringDoesNotLeakIntoTheNextParse) {
  PythonParser parser;
  (void)parser.parse("name = f\"");
  const SyntaxTree tree = parser.parse(
      "import eventlet\n\nif USE_EVENTLET:\n    eventlet.monkey_patch(thread=False)\neventlet.monkey_patch()\n");
  EXPECT_FALSE(tree.has_error());
  std::vector<std::pair<std::uint32_t, std::string_view>> codes;
  for (const Finding& finding : analyze_python(tree)) codes.emplace_back(finding.range.start.row + 1, finding.rule->code);
  EXPECT_EQ(codes, (std::vector<std::pair<std::uint32_t, std::string_view>>{{1, "EL001"}, {4, "EL802"}, {5, "EL801"}}));
}

}  // namespace
}  // namespace eventlet_lsp::analyzers
