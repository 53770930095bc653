#include "analyzers/python/analysis_reuse.h"

#include <algorithm>

#include "analyzers/python/binding_collector.h"
#include "analyzers/python/definition_reanalysis.h"
#include "analyzers/python/deployment_findings.h"
#include "analyzers/python/python_analyzer.h"
#include "analyzers/python/syntax_path.h"

namespace eventlet_lsp::analyzers {

namespace {

// Whether `text` holds a comment sign, "eventlet" in any case, or one of `words` as a whole word.
bool mentions_anything_analysed(std::string_view text, const std::unordered_set<std::string>& words) {
  if (text.find('#') != std::string_view::npos) return true;
  static constexpr std::string_view kEventlet = "eventlet";
  for (std::size_t i = 0; i + kEventlet.size() <= text.size(); ++i) {
    std::size_t k = 0;
    while (k < kEventlet.size() && (text[i + k] | 0x20) == kEventlet[k]) ++k;
    if (k == kEventlet.size()) return true;
  }
  std::string word;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_word_char(text[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < text.size() && is_word_char(text[i])) ++i;
    word.assign(text.substr(begin, i - begin));
    if (words.contains(word)) return true;
  }
  return false;
}

bool overlaps(const SourceRange& range, ByteSpan region) {
  return range.start_byte < region.end && range.end_byte > region.start;
}

}  // namespace

bool decided_by_the_whole_module(const Finding& finding) {
  return finding.qualified_name == "eventlet.patcher.monkey_patch";
}

namespace {

// The whole file analysed, with the occurrences `state` keeps for its text.
std::vector<Finding> analyze_whole(const SyntaxTree& tree, ReuseState& state) {
  state.searched_words.clear();
  state.reusable = false;
  if (!tree.valid()) return {};
  const SearchArea area(&state.occurrences);
  const ScopeModel model = collect_bindings(tree, area);
  for (std::string_view name : model.candidate_names) state.searched_words.emplace(name);
  for (std::string_view name : model.candidate_attributes) state.searched_words.emplace(name);
  for (std::string_view word : kSetupRequirementKeywords) state.searched_words.emplace(word);
  state.reusable = std::none_of(model.scopes.begin(), model.scopes.end(),
                                [](const Scope& scope) { return !scope.wildcard_modules.empty(); });
  std::vector<Finding> findings = analyze_python(tree, model, {}, area);
  if (std::any_of(findings.begin(), findings.end(), decided_by_the_whole_module)) state.reusable = false;
  return findings;
}

}  // namespace

std::vector<Finding> analyze_python_reusably(const SyntaxTree& tree, ReuseState& state) {
  state.occurrences.clear();
  return analyze_whole(tree, state);
}

std::optional<std::vector<Finding>> reuse_findings(std::vector<Finding>& previous, const ReuseState& state,
                                                   const EditRegion& edit) {
  if (!state.reusable) return std::nullopt;
  if (mentions_anything_analysed(edit.new_text, state.searched_words) ||
      mentions_anything_analysed(edit.old_text, state.searched_words))
    return std::nullopt;
  for (const Finding& finding : previous) {
    if (overlaps(finding.range, edit.old_region)) return std::nullopt;
    if (finding.related && overlaps(finding.related->range, edit.old_region)) return std::nullopt;
  }
  for (Finding& finding : previous) {
    if (finding.range.start_byte >= edit.old_region.end) shift(finding.range, edit.delta, edit.rows);
    if (finding.related && finding.related->range.start_byte >= edit.old_region.end)
      shift(finding.related->range, edit.delta, edit.rows);
  }
  return std::move(previous);
}

EditedAnalysis analyze_python_after_edit(std::vector<Finding> previous, ReuseState& state,
                                         const SyntaxTree& edited_old_tree, const SyntaxTree& unedited_old_tree,
                                         const SyntaxTree& new_tree) {
  const std::optional<EditRegion> edit = edit_region(edited_old_tree, new_tree);
  if (!edit) return {analyze_python_reusably(new_tree, state), AnalysisReuse::None};
  state.occurrences.update(new_tree.source(), edit->first_changed_byte, edit->changed_old_end, edit->changed_new_end);
  if (auto carried = reuse_findings(previous, state, *edit)) return {std::move(*carried), AnalysisReuse::CarriedOver};
  if (auto redone = reanalyse_definition(previous, state, *edit, edited_old_tree.source(), unedited_old_tree, new_tree))
    return {std::move(*redone), AnalysisReuse::OneDefinition};
  return {analyze_whole(new_tree, state), AnalysisReuse::None};
}

}  // namespace eventlet_lsp::analyzers
