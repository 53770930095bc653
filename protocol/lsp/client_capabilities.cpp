#include "protocol/lsp/client_capabilities.h"

#include <algorithm>
#include <string>

namespace eventlet_lsp::protocol {

namespace {

using json = nlohmann::json;

// capabilities["a"]["b"]... without throwing on missing or mistyped levels.
const json* path(const json& root, std::initializer_list<const char*> keys) {
  const json* node = &root;
  for (const char* key : keys) {
    if (!node->is_object()) return nullptr;
    auto it = node->find(key);
    if (it == node->end()) return nullptr;
    node = &*it;
  }
  return node;
}

bool flag(const json& root, std::initializer_list<const char*> keys) {
  const json* node = path(root, keys);
  return node != nullptr && node->is_boolean() && node->get<bool>();
}

bool array_contains(const json* node, const std::string& value) {
  if (node == nullptr || !node->is_array()) return false;
  return std::any_of(node->begin(), node->end(),
                     [&](const json& item) { return item.is_string() && item.get<std::string>() == value; });
}

}  // namespace

const char* encoding_name(PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8: return "utf-8";
    case PositionEncoding::Utf32: return "utf-32";
    case PositionEncoding::Utf16: break;
  }
  return "utf-16";
}

PositionEncoding negotiate_encoding(const json& offered) {
  if (array_contains(&offered, "utf-8")) return PositionEncoding::Utf8;
  if (array_contains(&offered, "utf-32")) return PositionEncoding::Utf32;
  return PositionEncoding::Utf16;
}

ClientCapabilities parse_client_capabilities(const json& capabilities) {
  ClientCapabilities client;
  if (!capabilities.is_object()) return client;
  if (const json* offered = path(capabilities, {"general", "positionEncodings"})) {
    client.encoding = negotiate_encoding(*offered);
  }
  client.hover_markdown =
      array_contains(path(capabilities, {"textDocument", "hover", "contentFormat"}), "markdown");
  client.diagnostic_pull = path(capabilities, {"textDocument", "diagnostic"}) != nullptr;
  client.diagnostic_refresh = flag(capabilities, {"workspace", "diagnostics", "refreshSupport"});
  client.diagnostic_version = flag(capabilities, {"textDocument", "publishDiagnostics", "versionSupport"});
  client.diagnostic_related_information =
      flag(capabilities, {"textDocument", "publishDiagnostics", "relatedInformation"});
  client.diagnostic_code_description =
      flag(capabilities, {"textDocument", "publishDiagnostics", "codeDescriptionSupport"});
  client.diagnostic_data = flag(capabilities, {"textDocument", "publishDiagnostics", "dataSupport"});
  if (const json* tags = path(capabilities, {"textDocument", "publishDiagnostics", "tagSupport", "valueSet"});
      tags != nullptr && tags->is_array()) {
    client.diagnostic_deprecated_tag = std::find(tags->begin(), tags->end(), json(2)) != tags->end();
  }
  client.work_done_progress = flag(capabilities, {"window", "workDoneProgress"});
  client.code_action_resolve =
      array_contains(path(capabilities, {"textDocument", "codeAction", "resolveSupport", "properties"}), "edit");
  client.watched_files_registration =
      flag(capabilities, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  client.configuration = flag(capabilities, {"workspace", "configuration"});
  client.inventory_notifications = flag(capabilities, {"experimental", "eventletLsp", "inventory"});
  return client;
}

}  // namespace eventlet_lsp::protocol
