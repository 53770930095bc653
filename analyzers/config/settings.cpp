#include "analyzers/config/settings.h"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include <toml++/toml.h>

#include "analyzers/catalog/rule_registry.h"

namespace eventlet_lsp::analyzers {

namespace {

bool iequals_prefix(std::string_view text, std::string_view prefix) {
  if (prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(text[i])) !=
        std::toupper(static_cast<unsigned char>(prefix[i])))
      return false;
  }
  return true;
}

// The number of characters of a selector that matched: longer (more specific) selectors win.
std::size_t specificity(std::string_view selector, const RuleDefinition& rule) {
  if (selector == "ALL" || selector == "all") return 1;
  if (selector == rule.name) return 100;
  if (iequals_prefix(rule.code, selector) && selector.size() >= 2) return selector.size() + 1;
  return 0;
}

std::size_t best_match(const std::vector<std::string>& selectors, const RuleDefinition& rule) {
  std::size_t best = 0;
  for (const std::string& selector : selectors) best = std::max(best, specificity(selector, rule));
  return best;
}

}  // namespace

std::string_view to_string(MigrationTarget target) {
  return target == MigrationTarget::Asyncio ? "asyncio" : "threading";
}

std::optional<MigrationTarget> parse_target(std::string_view text) {
  if (text == "threading") return MigrationTarget::Threading;
  if (text == "asyncio") return MigrationTarget::Asyncio;
  return std::nullopt;
}

std::string_view to_string(BareNoqa bare_noqa) {
  return bare_noqa == BareNoqa::Suppress ? "suppress" : "ignore";
}

std::optional<BareNoqa> parse_bare_noqa(std::string_view text) {
  if (text == "ignore") return BareNoqa::Ignore;
  if (text == "suppress") return BareNoqa::Suppress;
  return std::nullopt;
}

bool selector_matches(std::string_view selector, const RuleDefinition& rule) {
  return specificity(selector, rule) > 0;
}

bool is_valid_selector(std::string_view selector) {
  const auto rules = all_rules();
  return std::any_of(rules.begin(), rules.end(),
                     [selector](const RuleDefinition* rule) { return selector_matches(selector, *rule); });
}

bool Settings::is_enabled(const RuleDefinition& rule) const {
  // As ruff: the more specific of a matching select and a matching ignore wins.
  const std::size_t selected = select.empty() ? 1 : best_match(select, rule);
  if (selected == 0) return false;
  const std::size_t ignored = best_match(ignore, rule);
  return ignored == 0 || selected > ignored;
}

bool Settings::hides(Suppression suppression) const {
  switch (suppression) {
    case Suppression::None: return false;
    case Suppression::CodedNoqa: return true;
    case Suppression::BareNoqa: return bare_noqa == BareNoqa::Suppress;
  }
  return false;
}

Severity Settings::severity_of(const RuleDefinition& rule) const {
  if (auto it = severity.find(rule.code); it != severity.end()) return it->second;
  if (auto it = severity.find(rule.name); it != severity.end()) return it->second;
  return rule.default_severity;
}

bool Settings::is_excluded(const std::filesystem::path& path) const {
  if (exclude.empty()) return false;
  std::error_code error;
  const std::filesystem::path absolute = std::filesystem::absolute(path, error).lexically_normal();
  std::filesystem::path relative = root.empty() ? path : absolute.lexically_relative(root);
  if (relative.empty() || relative.native().starts_with("..")) relative = path;
  const std::string relative_text = relative.generic_string();
  const std::string absolute_text = absolute.generic_string();
  for (const std::string& glob : exclude) {
    const char* pattern = glob.c_str();
    if (fnmatch(pattern, relative_text.c_str(), 0) == 0) return true;
    if (fnmatch(pattern, absolute_text.c_str(), 0) == 0) return true;
    if (glob.find('/') == std::string::npos) {
      // A bare name or glob excludes any file or folder of that name.
      for (const auto& part : relative) {
        if (fnmatch(pattern, part.c_str(), 0) == 0) return true;
      }
    } else if (glob.ends_with("/") || glob.ends_with("/**")) {
      // `vendor/` and `vendor/**`: the folder and everything below it, not `vendored/`.
      const std::string folder = glob.substr(0, glob.size() - (glob.ends_with("/**") ? 3 : 1));
      if (relative_text == folder || relative_text.starts_with(folder + "/")) return true;
    }
  }
  return false;
}

bool Settings::fix_is_safe(const RuleDefinition& rule, bool verdict_safe) const {
  if (best_match(extend_unsafe_fixes, rule) > 0) return false;
  if (best_match(extend_safe_fixes, rule) > 0) return true;
  return verdict_safe;
}

std::string ConfigError::to_string() const {
  std::string text = file;
  if (!key.empty()) text += ": " + key;
  text += ": " + message;
  return text;
}

namespace {

constexpr std::string_view kTable = "tool.eventlet-lsp";

std::optional<ConfigError> read_string_list(const toml::node& node, const std::string& file,
                                            const std::string& key, std::vector<std::string>& out,
                                            bool selectors) {
  const toml::array* array = node.as_array();
  if (array == nullptr) return ConfigError{file, key, "expected an array of strings"};
  out.clear();
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto value = (*array)[i].value<std::string>();
    const std::string item_key = key + "[" + std::to_string(i) + "]";
    if (!value) return ConfigError{file, item_key, "expected a string"};
    if (selectors && !is_valid_selector(*value))
      return ConfigError{file, item_key, "unknown rule selector '" + *value + "' (see `eventlet-lsp rules`)"};
    out.push_back(*value);
  }
  return std::nullopt;
}

}  // namespace

ConfigLoad parse_pyproject_settings(std::string_view text, const std::string& file,
                                    const Settings& base) {
  ConfigLoad load;
  toml::table document;
  try {
    document = toml::parse(text, std::string_view(file));
  } catch (const toml::parse_error& error) {
    std::ostringstream message;
    message << "invalid TOML at line " << error.source().begin.line << ", column "
            << error.source().begin.column << ": " << error.description();
    load.error = ConfigError{file, "", message.str()};
    return load;
  }
  const toml::node* node = document.at_path(kTable).node();
  if (node == nullptr) return load;
  const toml::table* table = node->as_table();
  if (table == nullptr) {
    load.error = ConfigError{file, std::string(kTable), "expected a table"};
    return load;
  }
  Settings settings = base;
  for (const auto& [raw_key, value] : *table) {
    const std::string key(raw_key.str());
    const std::string full_key = std::string(kTable) + "." + key;
    std::optional<ConfigError> error;
    if (key == "select") {
      error = read_string_list(value, file, full_key, settings.select, true);
    } else if (key == "ignore") {
      error = read_string_list(value, file, full_key, settings.ignore, true);
    } else if (key == "extend-safe-fixes") {
      error = read_string_list(value, file, full_key, settings.extend_safe_fixes, true);
    } else if (key == "extend-unsafe-fixes") {
      error = read_string_list(value, file, full_key, settings.extend_unsafe_fixes, true);
    } else if (key == "exclude") {
      error = read_string_list(value, file, full_key, settings.exclude, false);
    } else if (key == "target") {
      const auto target = value.value<std::string>();
      const auto parsed = target ? parse_target(*target) : std::nullopt;
      if (!parsed) error = ConfigError{file, full_key, "expected \"threading\" or \"asyncio\""};
      else settings.target = *parsed;
    } else if (key == "bare-noqa") {
      const auto text = value.value<std::string>();
      const auto parsed = text ? parse_bare_noqa(*text) : std::nullopt;
      if (!parsed) error = ConfigError{file, full_key, "expected \"ignore\" or \"suppress\""};
      else settings.bare_noqa = *parsed;
    } else if (key == "guide-base-url") {
      const auto url = value.value<std::string>();
      if (!url || !(url->starts_with("http://") || url->starts_with("https://")))
        error = ConfigError{file, full_key, "expected an http(s) URL"};
      else settings.guide_base_url = url->ends_with('/') ? url->substr(0, url->size() - 1) : *url;
    } else if (key == "severity") {
      const toml::table* levels = value.as_table();
      if (levels == nullptr) {
        error = ConfigError{file, full_key, "expected a table of rule = \"error\" | \"warning\" | \"information\" | \"hint\""};
      } else {
        for (const auto& [rule_key, level] : *levels) {
          const std::string rule_text(rule_key.str());
          const RuleDefinition* definition = find_rule(rule_text);
          const auto level_text = level.value<std::string>();
          const auto severity = level_text ? parse_severity(*level_text) : std::nullopt;
          if (definition == nullptr) {
            error = ConfigError{file, full_key + "." + rule_text, "unknown rule"};
          } else if (!severity) {
            error = ConfigError{file, full_key + "." + rule_text,
                                "expected \"error\", \"warning\", \"information\" or \"hint\""};
          } else {
            settings.severity[std::string(definition->code)] = *severity;
          }
          if (error) break;
        }
      }
    } else {
      error = ConfigError{file, full_key,
                          "unknown key (expected select, ignore, exclude, severity, target, bare-noqa, "
                          "guide-base-url, extend-safe-fixes or extend-unsafe-fixes)"};
    }
    if (error) {
      load.error = std::move(error);
      return load;
    }
  }
  settings.config_file = file;
  settings.root = std::filesystem::path(file).parent_path();
  load.settings = std::move(settings);
  return load;
}

ConfigLoad load_pyproject_settings(const std::filesystem::path& pyproject, const Settings& base) {
  std::ifstream in(pyproject, std::ios::binary);
  if (!in) {
    ConfigLoad load;
    load.error = ConfigError{pyproject.string(), "", "cannot be read"};
    return load;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_pyproject_settings(buffer.str(), pyproject.string(), base);
}

std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::path current = std::filesystem::absolute(directory, error);
  if (error) return std::nullopt;
  for (;;) {
    const std::filesystem::path candidate = current / "pyproject.toml";
    if (std::filesystem::is_regular_file(candidate, error)) {
      std::ifstream in(candidate, std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      const std::string text = buffer.str();
      // Most pyproject.toml files never name the tool: no need to parse those.
      if (text.find("eventlet-lsp") != std::string::npos) {
        try {
          const toml::table document = toml::parse(text, std::string_view(candidate.native()));
          if (document.at_path(kTable).node() != nullptr) return candidate;
        } catch (const toml::parse_error&) {
          return candidate;  // it may hold the table: loading it reports the error
        }
      }
    }
    if (!current.has_parent_path() || current.parent_path() == current) return std::nullopt;
    current = current.parent_path();
  }
}

}  // namespace eventlet_lsp::analyzers
