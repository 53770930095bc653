// Deployment settings written in Python, which name Eventlet without using its API:
//   setup(install_requires=["eventlet>=0.30"])              EL901  (setup_requirements.cpp)
//   subprocess.run(["gunicorn", "-k", "eventlet", "app"])  EL102  (command_line_strings.cpp)
//   "celery -A proj worker -P eventlet"                    EL903  (command_line_strings.cpp)
//   os.environ.update(EVENTLET_NO_GREENDNS="yes")          EL904  (environment_keywords.cpp)
// The reporter (python_analyzer.cpp) calls add_deployment_findings once, after its string pass.
#pragma once

#include <string_view>
#include <vector>

#include "analyzers/core/finding.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {

class SearchArea;  // search_area.h (not included: its ByteSpan is not statement_outline.h's)

// The setup() keywords whose value lists requirements. An edit anywhere in a setup() call
// can change what a requirement list passed by name means, so the language server's reuse of
// findings must treat these words as analysed (analysis_reuse.cpp), and the focused parse keeps
// the statements that hold them (focused_parse.cpp).
inline constexpr std::string_view kSetupRequirementKeywords[] = {"install_requires", "extras_require",
                                                                 "setup_requires", "tests_require"};

// Appends the findings above that start in `area`. A string `"eventlet"` the reporter already
// gave EL003 (a string naming Eventlet) is, when it is one of these, reported as this instead.
void add_deployment_findings(const SyntaxTree& tree, const SearchArea& area, std::vector<Finding>& findings);

// --- the passes, and what they share ------------------------------------------------------

void report_setup_requirements(const SyntaxTree& tree, const SearchArea& area, const SyntaxPathFinder& paths,
                               std::vector<Finding>& findings);
void report_command_line_strings(const SyntaxTree& tree, const SearchArea& area, const SyntaxPathFinder& paths,
                                 std::vector<Finding>& findings);
void report_environment_keywords(const SyntaxTree& tree, const SearchArea& area, const SyntaxPathFinder& paths,
                                 std::vector<Finding>& findings);

// A finding of `code` over tree bytes [start, end), which lie in `node` (for the positions).
// `written` goes into the message in place of {api}.
Finding deployment_finding(std::string_view code, const SyntaxTree& tree, TSNode node, std::uint32_t start,
                           std::uint32_t end, std::string_view written, std::string qualified_name);

// A string that is a statement of its own (a docstring, or a comment written as a string):
// never a usage. `at` indexes the string (or concatenated string) in `path`.
bool is_string_statement(const SyntaxPath& path, std::size_t at);

}  // namespace eventlet_lsp::analyzers
