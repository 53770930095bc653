#include "analyzers/config/config_resolver.h"

namespace eventlet_lsp::analyzers {

void SettingsOverrides::apply(Settings& settings) const {
  if (select) settings.select = *select;
  if (!extend_select.empty()) {
    if (settings.select.empty()) settings.select.push_back("ALL");
    settings.select.insert(settings.select.end(), extend_select.begin(), extend_select.end());
  }
  settings.ignore.insert(settings.ignore.end(), ignore.begin(), ignore.end());
  if (!exclude.empty()) {
    // Command-line globs are relative to the current directory; make them absolute-rooted
    // patterns so they match wherever the settings' own root is.
    std::error_code error;
    const std::string cwd = std::filesystem::current_path(error).generic_string();
    for (const std::string& glob : exclude) {
      settings.exclude.push_back(glob);
      if (glob.find('/') != std::string::npos && !glob.starts_with("/"))
        settings.exclude.push_back(cwd + "/" + glob);
    }
  }
  settings.extend_safe_fixes.insert(settings.extend_safe_fixes.end(), extend_safe_fixes.begin(), extend_safe_fixes.end());
  settings.extend_unsafe_fixes.insert(settings.extend_unsafe_fixes.end(), extend_unsafe_fixes.begin(),
                                      extend_unsafe_fixes.end());
  for (const auto& [code, level] : severity) settings.severity[code] = level;
  if (target) settings.target = *target;
  if (guide_base_url) settings.guide_base_url = *guide_base_url;
  if (bare_noqa) settings.bare_noqa = *bare_noqa;
}

ConfigResolver::ConfigResolver(SettingsOverrides overrides,
                               std::optional<std::filesystem::path> explicit_config, bool isolated)
    : overrides_(std::move(overrides)), explicit_config_(std::move(explicit_config)), isolated_(isolated) {}

const Settings* ConfigResolver::load(const std::optional<std::filesystem::path>& file) {
  if (!file) {
    if (!defaults_) {
      defaults_ = std::make_unique<Settings>();
      overrides_.apply(*defaults_);
    }
    return defaults_.get();
  }
  if (auto it = by_file_.find(*file); it != by_file_.end()) return it->second.get();
  ConfigLoad load = load_pyproject_settings(*file, Settings{});
  if (load.error) {
    error_ = std::move(load.error);
    return nullptr;
  }
  auto settings = std::make_unique<Settings>(load.settings ? std::move(*load.settings) : Settings{});
  if (!load.settings) {
    settings->config_file = *file;
    settings->root = file->parent_path();
  }
  overrides_.apply(*settings);
  const Settings* result = settings.get();
  by_file_.emplace(*file, std::move(settings));
  return result;
}

const Settings* ConfigResolver::for_directory(const std::filesystem::path& directory) {
  if (error_) return nullptr;
  if (isolated_) return load(std::nullopt);
  if (explicit_config_) return load(explicit_config_);
  std::error_code error;
  const std::filesystem::path key = std::filesystem::absolute(directory, error).lexically_normal();
  if (auto it = by_directory_.find(key); it != by_directory_.end()) return it->second;
  const Settings* settings = load(find_config_file(key));
  if (settings != nullptr) by_directory_.emplace(key, settings);
  return settings;
}

}  // namespace eventlet_lsp::analyzers
