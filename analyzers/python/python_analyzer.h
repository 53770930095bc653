// The audit of one Python file: every Eventlet import, every reference resolved through imports,
// aliases and instances, string literals that name Eventlet, classified by the catalog and the
// context rules. `# noqa` is applied; configuration (select, ignore, severity) is not.
#pragma once

#include <vector>

#include "analyzers/core/finding.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/scope_model.h"
#include "analyzers/python/search_area.h"

namespace eventlet_lsp::analyzers {

std::vector<Finding> analyze_python(const SyntaxTree& tree);

// The same, with the binding pass already run (see focused_parse.h); string literals are looked
// for in `area` only (the model's uses are already limited to the area it was built over).
std::vector<Finding> analyze_python(const SyntaxTree& tree, const ScopeModel& model,
                                    const AnalysisOptions& options = {}, const SearchArea& area = SearchArea());

// The rule message with `{api}` replaced by the code as written (whitespace collapsed).
std::string format_message(std::string_view message_template, std::string_view api);

}  // namespace eventlet_lsp::analyzers
