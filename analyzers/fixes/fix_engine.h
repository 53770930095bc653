// From findings to fixes: locate each finding's site, ask the rewrite families, add the imports
// the rewrite needs, drop the Eventlet imports it leaves unused, and keep only results that
// still parse. Also the whole-file loop behind `fix` and source.fixAll.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzers/config/settings.h"
#include "analyzers/core/finding.h"
#include "analyzers/fixes/fix.h"
#include "analyzers/fixes/rewrite_site.h"
#include "analyzers/parse/syntax_tree.h"

namespace eventlet_lsp::analyzers {

// Turns a rewrite into a fix on `tree`'s text; nullopt when the result would not parse.
std::optional<Fix> finalize_rewrite(const SyntaxTree& tree, const Rewrite& rewrite, PythonParser& parser);

// Every fix for one finding, the preferred target's first.
std::vector<Fix> fixes_for_finding(const SyntaxTree& tree, const Finding& finding,
                                   const std::vector<Finding>& all_findings, MigrationTarget preferred,
                                   PythonParser& parser);

struct AppliedFix {
  const RuleDefinition* rule = nullptr;
  std::uint32_t row = 0;  // of the finding, in the original text (where it can be traced back)
  std::string title;
  FixSafety safety = FixSafety::Unsafe;
};

struct FileFixResult {
  std::string text;                 // after every fix
  std::vector<AppliedFix> applied;
  std::vector<Finding> remaining;   // what is left for a person (in `text`)
};

struct FileFixOptions {
  const Settings& settings;
  bool unsafe = false;                   // apply unsafe fixes too
  std::optional<std::string> only_rule;  // fix one rule only (editor's "fix all EL301")
};

// Applies fixes one at a time, reanalysing after each, until none applies.
FileFixResult fix_file(std::string source, const FileFixOptions& options, PythonParser& parser);

}  // namespace eventlet_lsp::analyzers
