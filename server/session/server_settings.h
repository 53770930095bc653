// What the editor can set (initializationOptions, workspace/didChangeConfiguration), on top of
// the project's [tool.eventlet-lsp] table.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "analyzers/config/config_resolver.h"

namespace eventlet_lsp::server {

struct ServerSettings {
  analyzers::SettingsOverrides overrides;  // target, select, ignore, severity, guide URL
  bool deprecated_tags = true;             // mark Eventlet API uses with DiagnosticTag.Deprecated
  std::string log_level;                   // "" keeps the command line's level
};

// Reads editor settings: either the settings object itself or one nested under "eventletLsp"
// or "eventlet-lsp". Unknown keys and malformed values are reported in `warnings` and ignored.
ServerSettings parse_server_settings(const nlohmann::json& value, std::vector<std::string>& warnings);

// The editor's settings in force: `configuration` (didChangeConfiguration, workspace/configuration)
// key by key over `initialization_options`. Either may be null or nested under "eventletLsp";
// a client with no configuration of its own (null, {}) leaves the initialization options alone.
nlohmann::json layer_settings(const nlohmann::json& initialization_options, const nlohmann::json& configuration);

}  // namespace eventlet_lsp::server
