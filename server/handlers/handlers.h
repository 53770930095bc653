// Every LSP method the server handles, one file per method under server/handlers/. Handlers are
// thin: read params, call the session or a feature, build the result.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace eventlet_lsp::server {

class Session;

using RequestHandler = nlohmann::json (*)(Session&, const nlohmann::json& params);
// A request answered later, from background work: the handler sends the response itself
// (Session::respond / respond_error) once the work is back on the session thread.
using DeferredRequestHandler = void (*)(Session&, const nlohmann::json& id, const nlohmann::json& params);
using NotificationHandler = void (*)(Session&, const nlohmann::json& params);

struct HandlerEntry {
  std::string_view method;
  RequestHandler request = nullptr;
  NotificationHandler notification = nullptr;
  DeferredRequestHandler deferred = nullptr;
};

// The method's entry, or nullptr.
const HandlerEntry* find_handler(std::string_view method);

// Requests
nlohmann::json handle_initialize(Session&, const nlohmann::json&);
nlohmann::json handle_shutdown(Session&, const nlohmann::json&);
nlohmann::json handle_hover(Session&, const nlohmann::json&);
nlohmann::json handle_code_action(Session&, const nlohmann::json&);
nlohmann::json handle_code_action_resolve(Session&, const nlohmann::json&);
void handle_document_diagnostic(Session&, const nlohmann::json& id, const nlohmann::json&);
nlohmann::json handle_workspace_diagnostic(Session&, const nlohmann::json&);
nlohmann::json handle_inventory(Session&, const nlohmann::json&);  // eventletLsp/inventory

// Notifications
void handle_initialized(Session&, const nlohmann::json&);
void handle_exit(Session&, const nlohmann::json&);
void handle_did_open(Session&, const nlohmann::json&);
void handle_did_change(Session&, const nlohmann::json&);
void handle_did_close(Session&, const nlohmann::json&);
void handle_did_save(Session&, const nlohmann::json&);
void handle_did_change_configuration(Session&, const nlohmann::json&);
void handle_did_change_watched_files(Session&, const nlohmann::json&);
void handle_set_trace(Session&, const nlohmann::json&);
void handle_work_done_progress_cancel(Session&, const nlohmann::json&);

}  // namespace eventlet_lsp::server
