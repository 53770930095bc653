// initialize: reads what the client supports, answers what the server offers in return.
#include "server/handlers/handler_error.h"
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

using nlohmann::json;

json handle_initialize(Session& session, const json& params) {
  if (session.phase != SessionPhase::Uninitialized) {
    throw HandlerError(protocol::ErrorCode::InvalidRequest, "initialize may be sent only once");
  }
  require_object(params, "params");
  const json capabilities = params.value("capabilities", json::object());
  session.client = protocol::parse_client_capabilities(capabilities);
  if (const auto pid = params.find("processId"); pid != params.end() && pid->is_number_integer()) {
    session.parent_process_id = pid->get<long>();
  }
  if (const auto folders = params.find("workspaceFolders"); folders != params.end() && folders->is_array()) {
    for (const json& folder : *folders) {
      if (folder.is_object() && folder.contains("uri") && folder["uri"].is_string()) {
        const auto path = path_from_uri(folder["uri"].get<std::string>());
        if (!path.empty()) session.workspace_folders.push_back(path);
      }
    }
  } else if (const auto root = params.find("rootUri"); root != params.end() && root->is_string()) {
    const auto path = path_from_uri(root->get<std::string>());
    if (!path.empty()) session.workspace_folders.push_back(path);
  }
  if (const auto trace = params.find("trace"); trace != params.end() && trace->is_string()) {
    session.trace = trace->get<std::string>();
  }
  if (const auto options = params.find("initializationOptions"); options != params.end() && !options->is_null()) {
    session.initialization_options = *options;
    session.apply_settings(nullptr);
  }

  json server_capabilities{
      {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix", "source.fixAll.eventlet-lsp"})},
                              {"resolveProvider", true}}},
      {"workspace", {{"workspaceFolders", {{"supported", true}, {"changeNotifications", false}}}}},
  };
  // Only what the client can use: an encoding it offered, pull diagnostics if it pulls.
  const json offered = capabilities.value("general", json::object()).value("positionEncodings", json());
  if (offered.is_array()) server_capabilities["positionEncoding"] = protocol::encoding_name(session.client.encoding);
  if (session.client.diagnostic_pull) {
    server_capabilities["diagnosticProvider"] = {
        {"identifier", "eventlet-lsp"}, {"interFileDependencies", false}, {"workspaceDiagnostics", true}};
  }
  session.phase = SessionPhase::Running;
  return json{{"capabilities", std::move(server_capabilities)},
              {"serverInfo", {{"name", "eventlet-lsp"}, {"version", EVENTLET_LSP_VERSION}}}};
}

}  // namespace eventlet_lsp::server
