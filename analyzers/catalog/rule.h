// The definition of one rule: what the CLI prints, what a diagnostic carries, what a hover and
// docs/rules.md say. Each rule lives in its own file under analyzers/rules/<scenario>/.
#pragma once

#include <array>
#include <string_view>

#include "analyzers/core/finding.h"

namespace eventlet_lsp::analyzers {

// Documentation under ruff's fixed headings; rendered into docs/rules.md and hovers.
struct RuleDocumentation {
  std::string_view what_it_does;
  std::string_view why_is_this_bad;
  std::string_view example;      // Python source showing the pattern
  std::string_view fix_safety;   // what a rewrite may change, or why there is none
};

struct RuleDefinition {
  std::string_view code;          // "EL301"
  std::string_view name;          // "spawn-fire-and-forget": names the pattern, not the fix
  Scenario scenario;
  Severity default_severity;
  // One line; "{api}" is replaced by the name as written in the code.
  std::string_view message;
  // Path below the guide base URL (a setting), e.g. "/guide/preparing-for-migration/#audit-your-code".
  std::string_view guide_path;
  std::string_view asyncio_replacement;    // may be empty
  std::string_view threading_replacement;  // may be empty
  std::string_view trap;                   // the semantic difference to watch; may be empty
  RuleDocumentation docs;
};

inline constexpr std::string_view kDefaultGuideBaseUrl = "https://removal.eventlet.org";

}  // namespace eventlet_lsp::analyzers
