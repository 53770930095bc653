// What the client said it supports in `initialize`, reduced to the facts the server acts on.
#pragma once

#include <nlohmann/json.hpp>

#include "protocol/position/line_index.h"

namespace eventlet_lsp::protocol {

struct ClientCapabilities {
  PositionEncoding encoding = PositionEncoding::Utf16;  // negotiated
  bool hover_markdown = false;
  bool diagnostic_pull = false;          // textDocument/diagnostic
  bool diagnostic_refresh = false;       // workspace/diagnostic/refresh
  bool diagnostic_version = false;       // publishDiagnostics carries the version
  bool diagnostic_related_information = false;
  bool diagnostic_code_description = false;
  bool diagnostic_data = false;
  bool diagnostic_deprecated_tag = false;
  bool work_done_progress = false;       // window/workDoneProgress/create
  bool code_action_resolve = false;      // codeAction/resolve may fill in `edit` later
  bool watched_files_registration = false;
  bool configuration = false;            // workspace/configuration
  bool show_message = true;
  // experimental.eventletLsp.inventory: the client handles eventletLsp/inventoryChanged.
  bool inventory_notifications = false;
};

// Reads `capabilities` from initialize params; missing or malformed parts mean "not supported".
ClientCapabilities parse_client_capabilities(const nlohmann::json& capabilities);

// The LSP name of an encoding ("utf-8", "utf-16", "utf-32").
const char* encoding_name(PositionEncoding encoding);

// The encoding the server picks from the client's list: utf-8, then utf-32, else utf-16.
PositionEncoding negotiate_encoding(const nlohmann::json& offered);

}  // namespace eventlet_lsp::protocol
