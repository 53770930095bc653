// The second way of analysis_reuse.h: an edit inside the body of one top-level function or class
// is analysed in that definition alone.
//
// Such a definition sees the rest of the file only through the module's own bindings, and the
// rest of the file sees it only through its name (in its header, which the edit left alone):
// its body binds names in its own scopes, never in the module's, unless a `global` statement
// says so (then, anywhere in the file, this way is not taken). So the findings outside it are the
// old ones, moved by the edit's length and line count where they follow it; and the findings in
// it come from the usual two passes over the definition and the module's code, skipping the
// bodies of all the other definitions (a SearchArea).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "analyzers/core/finding.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/python/edit_region.h"
#include "analyzers/python/reuse_state.h"

namespace eventlet_lsp::analyzers {

// The findings of `new_tree`, or nullopt when the edit is not inside one definition's body.
// `previous` are the findings of `old_source` (taken when the way is open), whose tree (before the
// edit) is `unedited_old_tree`; `state` gains the words the definition's analysis searched for,
// and its occurrences must already follow the new text.
std::optional<std::vector<Finding>> reanalyse_definition(std::vector<Finding>& previous, ReuseState& state,
                                                         const EditRegion& edit, std::string_view old_source,
                                                         const SyntaxTree& unedited_old_tree,
                                                         const SyntaxTree& new_tree);

}  // namespace eventlet_lsp::analyzers
