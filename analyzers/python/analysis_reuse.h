// Findings that an edit cannot have changed, carried over instead of analysing the file again:
// the language server's path for keystrokes that touch no Eventlet code (most of them).
//
// The edit's region grows to whole statements of the new tree (and every range whose syntax
// tree-sitter reports as changed), then to whole lines. If neither the old nor the new text of
// that region holds a word the binding pass searched for, "eventlet" in any case, or a comment
// (a `# noqa`), nothing that decides a finding is in it: a finding sits on an occurrence of a
// searched word, and what decides it (its statement, its scopes, the bindings of searched names)
// lies outside the region, unchanged. The old findings are then the new ones, those after the
// region moved by the edit's length and line count. Otherwise the file is analysed again.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analyzers/core/finding.h"
#include "analyzers/parse/syntax_tree.h"

namespace eventlet_lsp::analyzers {

// What a later edit needs to know about a file's last full analysis, beside its findings.
struct ReuseState {
  std::unordered_set<std::string> searched_words;  // candidate names and attributes
  bool reusable = false;  // false after `from eventlet import *`: any name may be Eventlet's
};

// analyze_python, keeping in `state` what reuse_findings needs.
std::vector<Finding> analyze_python_reusably(const SyntaxTree& tree, ReuseState& state);

// The findings of `new_tree` when the edit cannot have changed them, else nullopt. `previous`
// are the findings of the old text with their `state`; `edited_old_tree` is the previous tree
// after ts_tree_edit, as the incremental reparse took it, still holding the old text.
std::optional<std::vector<Finding>> reuse_findings(const std::vector<Finding>& previous, const ReuseState& state,
                                                   const SyntaxTree& edited_old_tree, const SyntaxTree& new_tree);

}  // namespace eventlet_lsp::analyzers
