// The analysis after an edit (analysis_reuse.h): which way it takes for edits in and around a
// top-level definition, and that its findings are a whole new analysis's every time.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "analyzers/python/analysis_reuse.h"
#include "server/session/document_store.h"
#include "tests/support/findings_compare.h"

namespace eventlet_lsp {
namespace {

using analyzers::AnalysisReuse;
using nlohmann::json;

const std::string kModule =
    "import eventlet\n"
    "from eventlet import greenpool\n"
    "\n"
    "POOL = greenpool.GreenPool()\n"
    "\n"
    "\n"
    "def first(job):\n"
    "    eventlet.sleep(0)\n"
    "    return job\n"
    "\n"
    "\n"
    "class Worker(object):\n"
    "    def run(self, job):\n"
    "        value = job * 2\n"
    "        return value\n"
    "\n"
    "    def stop(self):\n"
    "        POOL.waitall()\n"
    "\n"
    "\n"
    "def last():\n"
    "    return eventlet.spawn(first, 1)\n";

// Replaces [start, end) of `text` (line and UTF-16 column positions, ASCII here) by `inserted`.
json change(std::uint32_t line, std::uint32_t start, std::uint32_t end_line, std::uint32_t end,
            const std::string& inserted) {
  return json::array({json{{"range",
                            {{"start", {{"line", line}, {"character", start}}},
                             {"end", {{"line", end_line}, {"character", end}}}}},
                           {"text", inserted}}});
}

class AnalysisAfterEdit : public ::testing::Test {
 protected:
  void open(const std::string& text) {
    document_ = &store_.open("file:///m.py", "python", 1, text, parser_);
    findings_ = analyzers::analyze_python_reusably(document_->tree, state_);
  }

  // Applies the change, analyses as the server does, and checks the findings against a whole
  // new analysis; returns the way taken.
  AnalysisReuse edit(const json& changes) {
    const server::EditOutcome outcome =
        store_.change(*document_, ++version_, changes, protocol::PositionEncoding::Utf16, parser_);
    EXPECT_TRUE(outcome.applied) << outcome.problem;
    analyzers::EditedAnalysis analysis = analyzers::analyze_python_after_edit(
        findings_, state_, outcome.replaced_tree, outcome.unedited_tree, document_->tree);
    analyzers::ReuseState fresh_state;
    const std::vector<analyzers::Finding> fresh = analyzers::analyze_python_reusably(document_->tree, fresh_state);
    EXPECT_TRUE(testing::same_findings(analysis.findings, fresh))
        << "after the edit:\n" << document_->source() << "\ntheirs:\n" << testing::describe_findings(analysis.findings)
        << "a new analysis:\n" << testing::describe_findings(fresh);
    findings_ = std::move(analysis.findings);
    return analysis.reuse;
  }

  analyzers::PythonParser parser_;
  server::DocumentStore store_;
  server::Document* document_ = nullptr;
  std::vector<analyzers::Finding> findings_;
  analyzers::ReuseState state_;
  std::int64_t version_ = 1;
};

TEST_F(AnalysisAfterEdit, AnEventletCallTypedInAMethodRedoesItsClassOnly) {
  open(kModule);
  // In Worker.run, after `value = job * 2` (line 13): a new statement, typed in pieces.
  EXPECT_EQ(edit(change(13, 23, 13, 23, "\n        gt = eventlet.spawn(self.run, 1)")), AnalysisReuse::OneDefinition);
  EXPECT_EQ(edit(change(14, 40, 14, 40, "\n        gt.wait()")), AnalysisReuse::OneDefinition);
  // Findings after the class moved by two lines.
  EXPECT_EQ(findings_.back().range.start.row, 23u);
}

TEST_F(AnalysisAfterEdit, AStatementAddedAfterAFunctionsLastLineStaysInIt) {
  open(kModule);
  // After `return job` (line 8), the last line of `first`: a new last statement.
  EXPECT_EQ(edit(change(8, 14, 8, 14, "\n    eventlet.sleep(1)")), AnalysisReuse::OneDefinition);
  // On the blank line after it, indented: still the function's.
  EXPECT_EQ(edit(change(10, 0, 10, 0, "    POOL.spawn_n(first, 2)")), AnalysisReuse::OneDefinition);
}

TEST_F(AnalysisAfterEdit, EditsThatReachTheModuleAreAnalysedWhole) {
  open(kModule);
  // The header of a definition: its name is a module binding.
  EXPECT_EQ(edit(change(6, 4, 6, 9, "sleep")), AnalysisReuse::None);
  // A statement at module level, between two definitions.
  EXPECT_EQ(edit(change(10, 0, 10, 0, "eventlet.monkey_patch()")), AnalysisReuse::None);
  // A line of a body dedented out of it: it becomes module code.
  EXPECT_EQ(edit(change(17, 0, 17, 8, "")), AnalysisReuse::None);
}

TEST_F(AnalysisAfterEdit, AGlobalStatementAnywhereTurnsTheWayOff) {
  open(kModule + "\n\ndef setup():\n    global POOL\n    POOL = None\n");
  EXPECT_EQ(edit(change(13, 23, 13, 23, "\n        eventlet.sleep(0)")), AnalysisReuse::None);
}

TEST_F(AnalysisAfterEdit, ANameBoundInTheBodyShadowsOnlyThere) {
  open(kModule);
  // `eventlet` rebound locally in `last`: its call is no longer Eventlet's, the others still are.
  EXPECT_EQ(edit(change(20, 11, 20, 11, "\n    eventlet = object()")), AnalysisReuse::OneDefinition);
  // Typing outside any analysed word, in `run`: carried over.
  EXPECT_EQ(edit(change(13, 23, 13, 23, " + 1")), AnalysisReuse::CarriedOver);
}

TEST_F(AnalysisAfterEdit, RelatedLocationsAfterTheDefinitionMove) {
  // `sleep` is used in `early` and bound (aliased) by an import at the end of the module: the
  // finding in `early` points at that import, which moves when `middle` grows by a line.
  open("def early():\n    nap(0)\n\n\ndef middle():\n    return 1\n\n\nfrom eventlet import sleep as nap\n");
  ASSERT_FALSE(findings_.empty());
  ASSERT_TRUE(findings_.front().related.has_value());
  EXPECT_EQ(edit(change(5, 12, 5, 12, "\n    nap(1)")), AnalysisReuse::OneDefinition);
  EXPECT_EQ(findings_.front().related->range.start.row, 9u);
}

TEST_F(AnalysisAfterEdit, KeystrokesThroughAnUnclosedBracketGiveANewAnalysisFindings) {
  open(kModule);
  // A call typed a character at a time in `first`, before its `return`: between "(" and ")" the
  // rest of the file is a syntax error; each keystroke's findings are checked (in edit()).
  const std::string typed = "gt = eventlet.spawn(first, 1)";
  EXPECT_EQ(edit(change(7, 21, 7, 21, "\n    ")), AnalysisReuse::OneDefinition);
  for (std::size_t i = 0; i < typed.size(); ++i) {
    edit(change(8, static_cast<std::uint32_t>(4 + i), 8, static_cast<std::uint32_t>(4 + i), typed.substr(i, 1)));
  }
  EXPECT_FALSE(document_->tree.has_error());
}

// A requirement list passed to setup() by name: the finding sits on the list, the keyword that
// makes it a requirement is in another statement, and neither says "eventlet" in the call.
TEST_F(AnalysisAfterEdit, RenamingASetupKeywordIsNotCarriedOver) {
  open("from setuptools import setup\n"
       "requires = ['eventlet']\n"
       "setup(install_requires=requires)\n");
  ASSERT_EQ(findings_.size(), 1u);
  EXPECT_EQ(findings_[0].rule->code, "EL901");
  EXPECT_NE(edit(change(2, 6, 2, 22, "platforms")), AnalysisReuse::CarriedOver);
  EXPECT_EQ(findings_[0].rule->code, "EL003");  // now only a string naming eventlet
  EXPECT_NE(edit(change(2, 6, 2, 15, "install_requires")), AnalysisReuse::CarriedOver);
  EXPECT_EQ(findings_[0].rule->code, "EL901");
}

TEST_F(AnalysisAfterEdit, RenamingTheProgramOfACommandIsNotCarriedOver) {
  open("ARGS = ['gunicorn', '-k', 'eventlet']\n");
  ASSERT_EQ(findings_.size(), 1u);
  edit(change(0, 9, 0, 17, "uwsgi"));
  ASSERT_EQ(findings_.size(), 1u);
  EXPECT_EQ(findings_[0].rule->code, "EL003");
}

}  // namespace
}  // namespace eventlet_lsp
