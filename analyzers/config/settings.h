// What a user can configure: in `[tool.eventlet-lsp]` of the nearest pyproject.toml, overridden by
// CLI flags or (in the editor) by client settings.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/catalog/rule.h"

namespace eventlet_lsp::analyzers {

enum class MigrationTarget : std::uint8_t { Threading, Asyncio };

std::string_view to_string(MigrationTarget target);
std::optional<MigrationTarget> parse_target(std::string_view text);

// What a bare `# noqa` (no codes) does to this tool's findings. "ignore" by default: such a
// comment is written for another linter (flake8's E402 beside the imports that must follow
// `monkey_patch()`), and hiding the monkey patching of every service would hide the most important
// lines of a migration. "suppress" restores ruff's and flake8's reading.
enum class BareNoqa : std::uint8_t { Ignore, Suppress };

std::string_view to_string(BareNoqa bare_noqa);
std::optional<BareNoqa> parse_bare_noqa(std::string_view text);

struct Settings {
  // Rule selectors: a code ("EL301"), a code prefix ("EL3", "EL30"), a rule name
  // ("spawn-fire-and-forget") or "ALL". Empty `select` selects every rule.
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  // Globs matched against paths relative to `root` (and against each file or folder name when
  // the glob has no '/').
  std::vector<std::string> exclude;
  std::map<std::string, Severity, std::less<>> severity;  // rule code -> severity
  // Rules whose rewrites count as safe (or unsafe) whatever their own verdict, as ruff's
  // extend-safe-fixes / extend-unsafe-fixes.
  std::vector<std::string> extend_safe_fixes;
  std::vector<std::string> extend_unsafe_fixes;
  MigrationTarget target = MigrationTarget::Threading;
  BareNoqa bare_noqa = BareNoqa::Ignore;
  std::string guide_base_url{kDefaultGuideBaseUrl};
  std::filesystem::path root;         // the folder the exclude globs are relative to
  std::filesystem::path config_file;  // the pyproject.toml it came from, if any

  bool is_enabled(const RuleDefinition& rule) const;
  // True when a `# noqa` comment hides the finding: one naming it, or a bare one under
  // `bare-noqa = "suppress"`.
  bool hides(Suppression suppression) const;
  bool hides(const Finding& finding) const { return hides(finding.suppression); }
  // What is shown and counted as a usage: an enabled rule's finding that no `# noqa` hides.
  bool reports(const Finding& finding) const { return is_enabled(*finding.rule) && !hides(finding); }
  Severity severity_of(const RuleDefinition& rule) const;
  bool is_excluded(const std::filesystem::path& path) const;
  // A rewrite's verdict after the overrides: the unsafe list wins over the safe one.
  bool fix_is_safe(const RuleDefinition& rule, bool verdict_safe) const;
};

// True when `selector` names the rule (code, code prefix, name or ALL).
bool selector_matches(std::string_view selector, const RuleDefinition& rule);
// True when `selector` matches at least one rule.
bool is_valid_selector(std::string_view selector);

struct ConfigError {
  std::string file;
  std::string key;  // "tool.eventlet-lsp.select[2]"
  std::string message;
  std::string to_string() const;
};

// What the `[tool.eventlet-lsp]` table of one pyproject.toml sets; unset fields keep `base`.
struct ConfigLoad {
  std::optional<Settings> settings;  // nullopt: the file has no [tool.eventlet-lsp] table
  std::optional<ConfigError> error;
};
ConfigLoad load_pyproject_settings(const std::filesystem::path& pyproject, const Settings& base);

// Parses the table from text (the file name is only for messages).
ConfigLoad parse_pyproject_settings(std::string_view text, const std::string& file_name,
                                    const Settings& base);

// The nearest pyproject.toml with a [tool.eventlet-lsp] table in `directory` or above it.
std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& directory);

}  // namespace eventlet_lsp::analyzers
