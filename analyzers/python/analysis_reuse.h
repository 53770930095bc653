// The analysis of a Python file after an edit, reusing the previous one where the edit allows:
// the language server's path for keystrokes.
//
//  * Carried over: if neither the old nor the new text of the edit's region (edit_region.h)
//    holds a word the binding pass searched for, "eventlet" in any case, or a comment (a
//    `# noqa`), nothing that decides a finding is in it: a finding sits on an occurrence of a
//    searched word, and what decides it (its statement, its scopes, the bindings of searched
//    names) lies outside the region, unchanged. The old findings are then the new ones, those
//    after the region moved by the edit's length and line count.
//  * One definition analysed again, when the region lies in the body of one top-level function
//    or class (definition_reanalysis.h).
//  * Otherwise the file is analysed again.
#pragma once

#include <optional>
#include <vector>

#include "analyzers/core/finding.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/edit_region.h"
#include "analyzers/python/reuse_state.h"

namespace eventlet_lsp::analyzers {

// analyze_python, keeping in `state` what a later edit needs.
std::vector<Finding> analyze_python_reusably(const SyntaxTree& tree, ReuseState& state);

enum class AnalysisReuse : std::uint8_t { None, CarriedOver, OneDefinition };

struct EditedAnalysis {
  std::vector<Finding> findings;
  AnalysisReuse reuse = AnalysisReuse::None;
};

// The findings of `new_tree` after an edit. `previous` are the findings of the old text, with
// their `state` (updated); `edited_old_tree` is the previous tree after ts_tree_edit, as the
// incremental reparse took it, still holding the old text; `unedited_old_tree` is a copy of the
// previous tree from before the edit (its structure is used, not its text).
EditedAnalysis analyze_python_after_edit(std::vector<Finding> previous, ReuseState& state,
                                         const SyntaxTree& edited_old_tree, const SyntaxTree& unedited_old_tree,
                                         const SyntaxTree& new_tree);

// The first way alone: the findings carried over the edit (taken from `previous`, which is left
// alone when the way is not open), or nullopt.
std::optional<std::vector<Finding>> reuse_findings(std::vector<Finding>& previous, const ReuseState& state,
                                                   const EditRegion& edit);

}  // namespace eventlet_lsp::analyzers
