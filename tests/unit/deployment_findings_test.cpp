// Deployment settings written in Python (deployment_findings.h): requirements passed to setup(),
// gunicorn and Celery command lines in strings and argument lists, EVENTLET_* keyword names.
// The fixture files (setup_requirements.py, deployment_strings.py) check which lines report what
// on a full parse; these tests check exact ranges and messages, and that the batch audit's
// focused parse (analyze_source) finds the same.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "analyzers/catalog/rule.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/focused_parse.h"
#include "analyzers/python/python_analyzer.h"
#include "analyzers/workspace/source_file.h"

#include "tests/support/finding_hits.h"

namespace eventlet_lsp::analyzers {
namespace {

using testing::at;
using testing::Hit;
using testing::Hits;

Hits hits_of(const std::vector<Finding>& findings) {
  Hits hits;
  for (const Finding& finding : findings) {
    hits.push_back(Hit{std::string(finding.rule->code), finding.range.start.row, finding.range.start.column,
                       finding.range.end.row, finding.range.end.column});
  }
  return hits;
}

std::vector<Finding> analyze(const std::string& source) {
  PythonParser parser;
  return analyze_python(parser.parse(source));
}

// Findings other than the imports' (EL001), which every example has.
Hits without_imports(const std::vector<Finding>& findings) {
  Hits hits = hits_of(findings);
  std::erase_if(hits, [](const Hit& hit) { return hit.code == "EL001"; });
  return hits;
}

TEST(SetupRequirementsTest, RequirementOnItsOwnLine) {
  const std::string source =
      "from setuptools import setup\n"   // 0
      "\n"                               // 1
      "setup(\n"                         // 2
      "    name='demo',\n"               // 3
      "    install_requires=[\n"         // 4
      "        'eventlet>=0.30',\n"      // 5
      "    ],\n"                         // 6
      ")\n";                             // 7
  const std::vector<Finding> findings = analyze(source);
  ASSERT_EQ(hits_of(findings), (Hits{at("EL901", 5, 8, 24)}));
  EXPECT_EQ(findings[0].message, "`eventlet>=0.30` declares Eventlet as a dependency of this project");
  EXPECT_EQ(findings[0].severity, findings[0].rule->default_severity);
}

TEST(SetupRequirementsTest, ListPassedByNameIsReportedOnce) {
  const std::string source =
      "import setuptools\n"                                                        // 0
      "requires = ['eventlet']\n"                                                  // 1
      "setuptools.setup(install_requires=requires, setup_requires=requires)\n";   // 2
  EXPECT_EQ(hits_of(analyze(source)), (Hits{at("EL901", 1, 12, 22)}));
}

TEST(SetupRequirementsTest, NamesAreLookedUpInTheScopeOfTheCall) {
  // The list at module level is not followed into a function's setup() call: the language
  // server re-analyses one function at a time (see setup_requirements.cpp).
  const std::string source =
      "from setuptools import setup\n"              // 0
      "requires = ['eventlet>=1']\n"                // 1
      "def main():\n"                               // 2
      "    setup(install_requires=requires)\n";     // 3
  EXPECT_EQ(hits_of(analyze(source)), Hits{});
}

TEST(CommandLineStringsTest, RangesCoverTheOptionAndItsValue) {
  const std::string source =
      "import subprocess\n"                                             // 0
      "subprocess.run(\"gunicorn -k eventlet app:app\", shell=True)\n"  // 1
      "subprocess.Popen([\"gunicorn\", \"-k\", \"eventlet\", \"app:app\"])\n"  // 2
      "subprocess.Popen([\"celery\", \"worker\",\n"                      // 3
      "                  \"--pool\", \"eventlet\"])\n"                   // 4
      "SCRIPT = \"\"\"#!/bin/sh\n"                                      // 5
      "exec gunicorn \\\\\n"                                            // 6
      "    --worker-class=eventlet app:app\n"                           // 7
      "\"\"\"\n"                                                        // 8
      "CMD = [\"gunicorn\", \"--worker-class=eventlet\"]\n"             // 9
      "ARGS = [\n"                                                      // 10
      "    \"gunicorn\",\n"                                             // 11
      "    \"-k\",\n"                                                   // 12
      "    \"eventlet\",\n"                                             // 13
      "]\n";                                                            // 14
  const std::vector<Finding> findings = analyze(source);
  EXPECT_EQ(hits_of(findings), (Hits{
                                   at("EL102", 1, 25, 36),
                                   at("EL102", 2, 31, 45),
                                   at("EL903", 4, 19, 37),
                                   at("EL102", 7, 4, 27),
                                   at("EL102", 9, 20, 43),
                                   Hit{"EL102", 12, 5, 13, 13},
                               }));
  ASSERT_EQ(findings.size(), 6u);
  EXPECT_EQ(findings[0].message, "`-k eventlet` selects gunicorn's eventlet worker, which gunicorn has removed");
  EXPECT_EQ(findings[1].message, findings[0].message);  // the list's quotes are not shown
  EXPECT_EQ(findings[2].message, "`--pool eventlet` runs Celery workers on the eventlet pool");
  EXPECT_EQ(findings[0].qualified_name, "eventlet");
}

TEST(CommandLineStringsTest, ProseAndOtherProgramsAreNotCommands) {
  const std::string source =
      "import eventlet\n"
      "def serve():\n"
      "    \"\"\"Run `gunicorn -k eventlet app:app` in production.\"\"\"\n"
      "    \"gunicorn -k eventlet\"  # a string statement: a comment\n"
      "    # subprocess.run(\"gunicorn -k eventlet app:app\")\n"
      "    run(\"ssh -k eventlet host\")\n"
      "    run(\"gunicorn -k eventlet_foo app:app\")\n"
      "    run(\"celery worker --pool-size eventlet\")\n"
      "    run(\"gunicorn\", \"-P\", \"eventlet\")\n"
      "    run([\"gunicorn\", \"-P\", \"eventlet\"])\n"
      "    run([\"gunicorn\", \"-k\", eventlet.name])\n";
  Hits hits = without_imports(analyze(source));
  std::erase_if(hits, [](const Hit& hit) { return hit.code == "EL003" || hit.code == "EL002"; });
  EXPECT_EQ(hits, Hits{});
}

TEST(EnvironmentKeywordsTest, KeywordNameIsTheRange) {
  const std::string source =
      "import os\n"
      "os.environ.update(EVENTLET_NO_GREENDNS=\"yes\", OTHER=\"1\")\n";
  const std::vector<Finding> findings = analyze(source);
  ASSERT_EQ(hits_of(findings), (Hits{at("EL904", 1, 18, 38)}));
  EXPECT_EQ(findings[0].qualified_name, "EVENTLET_NO_GREENDNS");
  EXPECT_EQ(findings[0].message, "`EVENTLET_NO_GREENDNS` configures Eventlet through the environment");
}

// --- through the batch audit's focused parse -------------------------------------------------

// Code that has nothing to do with Eventlet, so that the statements that do are a small part of
// the file and the focused parse parses only those.
std::string padding() {
  std::string text;
  for (int i = 0; i < 60; ++i) {
    text += "\n\ndef helper_" + std::to_string(i) + "(value):\n    total = value * 2\n    return total + " +
            std::to_string(i) + "\n";
  }
  return text;
}

TEST(DeploymentFocusedParseTest, SetupPyFoundWithOnlyItsStatementsParsed) {
  // Neither the list nor the call spells "eventlet" in lower case.
  const std::string head =
      "import setuptools\n"                       // 0
      "requires = [\n"                            // 1
      "    'greenlet',\n"                         // 2
      "    'Eventlet>=0.30',\n"                   // 3: names are case-insensitive
      "]\n";                                      // 4
  const std::string tail =
      "\n"
      "setuptools.setup(\n"
      "    name='demo',\n"
      "    install_requires=requires,\n"          // the call never says eventlet
      "    extras_require={\n"
      "        'green': [\n"
      "            'Eventlet[dnspython]',\n"
      "        ],\n"
      "    },\n"
      ")\n";
  const std::string source = head + padding() + tail;
  PythonParser parser;
  // The focused parse really is partial here, and keeps the setup() call.
  const FocusedParse parse = parse_focused(source, parser);
  ASSERT_FALSE(parse.ranges.empty());
  const auto tail_start = static_cast<std::uint32_t>(source.size() - tail.size());
  EXPECT_TRUE(std::any_of(parse.ranges.begin(), parse.ranges.end(),
                          [&](const TSRange& range) { return range.start_byte <= tail_start + 1 && range.end_byte > tail_start + 1; }));

  const FileAnalysis analysis = analyze_source("setup.py", source, parser);
  const auto tail_row = static_cast<std::uint32_t>(std::count(source.begin(), source.begin() + tail_start, '\n'));
  EXPECT_EQ(hits_of(analysis.report.findings), (Hits{
                                                   at("EL901", 3, 4, 20),
                                                   at("EL901", tail_row + 6, 12, 33),
                                               }));
  EXPECT_TRUE(analysis.report.problems.empty());
  // Only setup.py is read in any case: another Python file that never says "eventlet" or
  // "EVENTLET" stops at the pre-filter.
  EXPECT_TRUE(analyze_source("pkg/build.py", source, parser).report.findings.empty());
}

TEST(DeploymentFocusedParseTest, CommandsAndEnvironmentFoundWithOnlyTheirStatementsParsed) {
  const std::string head =
      "import os\n"                                                   // 0
      "import subprocess\n";                                          // 1
  const std::string tail =
      "\n"
      "def serve():\n"
      "    os.environ.update(\n"
      "        EVENTLET_NO_GREENDNS='yes',\n"
      "    )\n"
      "    subprocess.Popen([\n"
      "        'gunicorn',\n"
      "        '-k', 'eventlet',\n"
      "    ])\n";
  const std::string source = head + padding() + tail;
  PythonParser parser;
  ASSERT_FALSE(parse_focused(source, parser).ranges.empty());
  const FileAnalysis analysis = analyze_source("serve.py", source, parser);
  const auto tail_row = static_cast<std::uint32_t>(std::count(source.begin(), source.end() - static_cast<std::ptrdiff_t>(tail.size()), '\n'));
  EXPECT_EQ(hits_of(analysis.report.findings), (Hits{
                                                   at("EL904", tail_row + 3, 8, 28),
                                                   at("EL102", tail_row + 7, 9, 23),
                                               }));
}

// --- explicitly named files ----------------------------------------------------------------

TEST(ExplicitFileTest, UnknownNameThatReadsAsRequirementsIsAudited) {
  PythonParser parser;
  const FileAnalysis deps = analyze_source("deploy/deps.txt", "requests==2.32\neventlet==0.36.1\n", parser);
  EXPECT_TRUE(deps.report.analysed);
  EXPECT_TRUE(deps.report.problems.empty());
  EXPECT_EQ(hits_of(deps.report.findings), (Hits{at("EL901", 1, 0, 16)}));

  const FileAnalysis notes = analyze_source("docs/notes.txt", "We still run on eventlet.\neventlet\n", parser);
  EXPECT_FALSE(notes.report.analysed);
  ASSERT_EQ(notes.report.problems.size(), 1u);
  EXPECT_TRUE(notes.report.findings.empty());
}

}  // namespace
}  // namespace eventlet_lsp::analyzers
