#include "analyzers/fixes/fix_engine.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "analyzers/catalog/rule.h"
#include "analyzers/core/line_starts.h"
#include "analyzers/fixes/import_bookkeeping.h"
#include "analyzers/fixes/rewrites/rewrites.h"
#include "analyzers/fixes/text_edits.h"
#include "analyzers/python/python_analyzer.h"

namespace eventlet_lsp::analyzers {

namespace {

// Brings edits made on an edited text back to the original's offsets; nullopt when one of them
// touches text the first edits wrote.
std::optional<std::vector<TextEdit>> map_back(const std::vector<TextEdit>& edits, const std::vector<TextEdit>& through) {
  std::vector<TextEdit> mapped;
  for (const TextEdit& edit : edits) {
    const auto start = original_offset(through, edit.start);
    const auto end = original_offset(through, edit.end);
    if (!start || !end || *end < *start) return std::nullopt;
    mapped.push_back({*start, *end, edit.replacement});
  }
  return mapped;
}

// One edit covering everything between the common prefix and suffix of two texts.
TextEdit whole_change(std::string_view before, std::string_view after) {
  std::size_t prefix = 0;
  while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
    ++suffix;
  return TextEdit{static_cast<std::uint32_t>(prefix), static_cast<std::uint32_t>(before.size() - suffix),
                  std::string(after.substr(prefix, after.size() - suffix - prefix))};
}

// Several insertions at one point become one.
std::vector<TextEdit> merge_insertions(std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.start < b.start; });
  std::vector<TextEdit> merged;
  for (TextEdit& edit : edits) {
    if (!merged.empty() && merged.back().start == edit.start && merged.back().end == edit.start && edit.end == edit.start) {
      merged.back().replacement += edit.replacement;
    } else {
      merged.push_back(std::move(edit));
    }
  }
  return merged;
}

}  // namespace

// `queue.Queue()` needs `import queue`; when the file already binds `queue` (to Eventlet's
// queue module, say), the standard module comes in as `stdlib_queue` and the rewrite uses that.
Rewrite avoid_taken_names(const SyntaxTree& tree, Rewrite rewrite) {
  for (ImportNeed& need : rewrite.imports) {
    if (!need.name.empty() || need.module.find('.') != std::string::npos) continue;
    if (!module_name_taken(tree, need.module)) continue;
    need.alias = "stdlib_" + need.module;
    const std::string from = need.module + ".";
    const std::string to = need.alias + ".";
    for (TextEdit& edit : rewrite.edits) {
      std::string& text = edit.replacement;
      for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        const bool word_start = at == 0 || !(std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_');
        if (word_start) text.replace(at, from.size(), to);
      }
    }
  }
  return rewrite;
}

std::optional<Fix> finalize_rewrite(const SyntaxTree& tree, const Rewrite& original_rewrite, PythonParser& parser) {
  const Rewrite rewrite = avoid_taken_names(tree, original_rewrite);
  const std::string_view original = tree.source();
  const auto site_edits = normalise_edits(rewrite.edits);
  if (!site_edits) return std::nullopt;
  const std::string first = apply_edits(original, *site_edits);
  const SyntaxTree first_tree = parser.parse(first);
  std::vector<TextEdit> import_edits;
  for (const ImportNeed& need : rewrite.imports) {
    if (auto edit = add_import(first_tree, need)) import_edits.push_back(std::move(*edit));
  }
  for (const std::string& line : rewrite.module_lines) {
    if (auto edit = add_module_line(first_tree, line)) import_edits.push_back(std::move(*edit));
  }
  import_edits = merge_insertions(std::move(import_edits));
  const auto imports = normalise_edits(import_edits);
  if (!imports) return std::nullopt;
  const std::string second = apply_edits(first, *imports);
  const SyntaxTree second_tree = parser.parse(second);
  const auto cleanup = normalise_edits(remove_unused_eventlet_imports(second_tree));
  if (!cleanup) return std::nullopt;
  const std::string final_text = apply_edits(second, *cleanup);
  const SyntaxTree final_tree = parser.parse(final_text);
  if (final_tree.has_error() && !tree.has_error()) return std::nullopt;  // never break a file

  Fix fix{rewrite.title, rewrite.safety, rewrite.target, {}};
  auto imports_back = map_back(*imports, *site_edits);
  std::optional<std::vector<TextEdit>> cleanup_back;
  if (auto through_imports = map_back(*cleanup, *imports)) cleanup_back = map_back(*through_imports, *site_edits);
  if (imports_back && cleanup_back) {
    std::vector<TextEdit> all = *site_edits;
    all.insert(all.end(), imports_back->begin(), imports_back->end());
    all.insert(all.end(), cleanup_back->begin(), cleanup_back->end());
    if (auto normalised = normalise_edits(merge_insertions(std::move(all)))) {
      if (apply_edits(original, *normalised) == final_text) {
        fix.edits = std::move(*normalised);
        return fix;
      }
    }
  }
  fix.edits = {whole_change(original, final_text)};
  return fix;
}

std::vector<Fix> fixes_for_finding(const SyntaxTree& tree, const Finding& finding, const std::vector<Finding>& all_findings,
                                   MigrationTarget preferred, PythonParser& parser) {
  std::vector<Fix> fixes;
  auto site = locate_site(tree, finding);
  if (!site) return fixes;
  site->all_findings = &all_findings;
  for (const Rewrite& rewrite : rewrites_for(*site, preferred)) {
    if (auto fix = finalize_rewrite(tree, rewrite, parser)) fixes.push_back(std::move(*fix));
  }
  return fixes;
}

FileFixResult fix_file(std::string source, const FileFixOptions& options, PythonParser& parser) {
  FileFixResult result;
  const std::string original = source;
  const LineStarts original_lines(original);
  std::vector<std::vector<TextEdit>> history;  // each applied fix's edits, in order
  // Where an offset of the current text was before every fix so far (a row people can find).
  auto original_row = [&](std::uint32_t offset, std::uint32_t fallback_row) {
    std::optional<std::uint32_t> at = offset;
    for (auto it = history.rbegin(); it != history.rend() && at; ++it) at = original_offset(*it, *at);
    return at ? original_lines.point(*at).row : fallback_row;
  };
  result.text = std::move(source);
  // Each round applies one fix and starts over on the new text: fixes never see stale offsets.
  for (int round = 0; round < 1000; ++round) {
    const SyntaxTree tree = parser.parse(result.text);
    std::vector<Finding> findings = analyze_python(tree);
    std::erase_if(findings, [&](const Finding& finding) { return !options.settings.reports(finding); });
    bool applied = false;
    for (const Finding& finding : findings) {
      if (options.only_rule && finding.rule->code != *options.only_rule) continue;
      for (const Fix& fix : fixes_for_finding(tree, finding, findings, options.settings.target, parser)) {
        if (fix.target != options.settings.target) continue;
        const bool safe = options.settings.fix_is_safe(*finding.rule, fix.safety == FixSafety::Safe);
        if (!safe && !options.unsafe) continue;
        std::string next = apply_edits(result.text, fix.edits);
        if (next == result.text) continue;
        result.applied.push_back({finding.rule, original_row(finding.range.start_byte, finding.range.start.row),
                                  fix.title, safe ? FixSafety::Safe : FixSafety::Unsafe});
        history.push_back(fix.edits);
        result.text = std::move(next);
        applied = true;
        break;
      }
      if (applied) break;
    }
    if (!applied) {
      result.remaining = std::move(findings);
      break;
    }
  }
  return result;
}

}  // namespace eventlet_lsp::analyzers
