// Which settings apply to a file: the nearest pyproject.toml with [tool.eventlet-lsp] above it,
// then the overrides given on the command line (or by the editor).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/config/settings.h"

namespace eventlet_lsp::analyzers {

struct SettingsOverrides {
  std::optional<std::vector<std::string>> select;  // replaces
  std::vector<std::string> extend_select;          // adds to select
  std::vector<std::string> ignore;                 // adds
  std::vector<std::string> exclude;                // adds (relative to the current directory)
  std::vector<std::string> extend_safe_fixes;      // adds
  std::vector<std::string> extend_unsafe_fixes;    // adds
  std::map<std::string, Severity, std::less<>> severity;
  std::optional<MigrationTarget> target;
  std::optional<BareNoqa> bare_noqa;
  std::optional<std::string> guide_base_url;

  void apply(Settings& settings) const;
};

class ConfigResolver {
 public:
  // `explicit_config`: use this file for everything (--config); `isolated`: read no file.
  ConfigResolver(SettingsOverrides overrides, std::optional<std::filesystem::path> explicit_config,
                 bool isolated);

  // The settings for files in `directory`; nullptr after an error (see error()).
  const Settings* for_directory(const std::filesystem::path& directory);
  const std::optional<ConfigError>& error() const { return error_; }

 private:
  const Settings* load(const std::optional<std::filesystem::path>& file);

  SettingsOverrides overrides_;
  std::optional<std::filesystem::path> explicit_config_;
  bool isolated_;
  std::map<std::filesystem::path, const Settings*> by_directory_;
  std::map<std::filesystem::path, std::unique_ptr<Settings>> by_file_;
  std::unique_ptr<Settings> defaults_;
  std::optional<ConfigError> error_;
};

}  // namespace eventlet_lsp::analyzers
