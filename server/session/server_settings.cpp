#include "server/session/server_settings.h"

#include "analyzers/catalog/rule_registry.h"

namespace eventlet_lsp::server {

using nlohmann::json;

namespace {

const json& settings_section(const json& value) {
  for (const char* nest : {"eventletLsp", "eventlet-lsp"}) {
    if (value.is_object() && value.contains(nest)) return value[nest];
  }
  return value;
}

bool read_selectors(const json& value, const char* key, std::vector<std::string>& out,
                    std::vector<std::string>& warnings) {
  if (!value.is_array()) {
    warnings.push_back(std::string("setting ") + key + ": expected an array of rule selectors");
    return false;
  }
  out.clear();
  for (const json& item : value) {
    if (!item.is_string() || !analyzers::is_valid_selector(item.get<std::string>())) {
      warnings.push_back(std::string("setting ") + key + ": unknown rule selector " + item.dump());
      continue;
    }
    out.push_back(item.get<std::string>());
  }
  return true;
}

}  // namespace

json layer_settings(const json& initialization_options, const json& configuration) {
  const json& base = settings_section(initialization_options);
  const json& top = settings_section(configuration);
  if (!top.is_object()) return top.is_null() ? base : top;  // a malformed value is reported by the parse
  if (!base.is_object()) return top;
  json layered = base;
  for (const auto& [key, item] : top.items()) layered[key] = item;
  return layered;
}

ServerSettings parse_server_settings(const json& value, std::vector<std::string>& warnings) {
  ServerSettings settings;
  const json* root = &settings_section(value);
  if (root->is_null()) return settings;
  if (!root->is_object()) {
    warnings.push_back("settings: expected an object");
    return settings;
  }
  for (const auto& [key, item] : root->items()) {
    if (key == "target") {
      const auto target = item.is_string() ? analyzers::parse_target(item.get<std::string>()) : std::nullopt;
      if (target) settings.overrides.target = target;
      else warnings.push_back("setting target: expected \"threading\" or \"asyncio\"");
    } else if (key == "select") {
      std::vector<std::string> select;
      if (read_selectors(item, "select", select, warnings)) settings.overrides.select = select;
    } else if (key == "extendSelect") {
      read_selectors(item, "extendSelect", settings.overrides.extend_select, warnings);
    } else if (key == "extendSafeFixes") {
      read_selectors(item, "extendSafeFixes", settings.overrides.extend_safe_fixes, warnings);
    } else if (key == "extendUnsafeFixes") {
      read_selectors(item, "extendUnsafeFixes", settings.overrides.extend_unsafe_fixes, warnings);
    } else if (key == "ignore") {
      read_selectors(item, "ignore", settings.overrides.ignore, warnings);
    } else if (key == "exclude") {
      if (item.is_array()) {
        for (const json& glob : item) {
          if (glob.is_string()) settings.overrides.exclude.push_back(glob.get<std::string>());
        }
      } else {
        warnings.push_back("setting exclude: expected an array of globs");
      }
    } else if (key == "severity") {
      if (!item.is_object()) {
        warnings.push_back("setting severity: expected an object of rule -> level");
        continue;
      }
      for (const auto& [rule_key, level] : item.items()) {
        const analyzers::RuleDefinition* rule = analyzers::find_rule(rule_key);
        const auto severity = level.is_string() ? analyzers::parse_severity(level.get<std::string>()) : std::nullopt;
        if (rule == nullptr || !severity) {
          warnings.push_back("setting severity." + rule_key + ": unknown rule or level");
          continue;
        }
        settings.overrides.severity[std::string(rule->code)] = *severity;
      }
    } else if (key == "guideBaseUrl") {
      if (item.is_string() && (item.get<std::string>().starts_with("http://") ||
                               item.get<std::string>().starts_with("https://"))) {
        std::string url = item.get<std::string>();
        while (url.ends_with('/')) url.pop_back();
        settings.overrides.guide_base_url = url;
      } else {
        warnings.push_back("setting guideBaseUrl: expected an http(s) URL");
      }
    } else if (key == "bareNoqa") {
      const auto bare = item.is_string() ? analyzers::parse_bare_noqa(item.get<std::string>()) : std::nullopt;
      if (bare) settings.overrides.bare_noqa = bare;
      else warnings.push_back("setting bareNoqa: expected \"ignore\" or \"suppress\"");
    } else if (key == "deprecatedTags") {
      if (item.is_boolean()) settings.deprecated_tags = item.get<bool>();
      else warnings.push_back("setting deprecatedTags: expected true or false");
    } else if (key == "logLevel") {
      if (item.is_string()) settings.log_level = item.get<std::string>();
      else warnings.push_back("setting logLevel: expected a string");
    } else if (key == "trace" || key == "server") {
      // VS Code's own client settings (trace.server, server.path): not ours to read.
    } else {
      warnings.push_back("unknown setting " + key);
    }
  }
  return settings;
}

}  // namespace eventlet_lsp::server
