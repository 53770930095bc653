// workspace/didChangeWatchedFiles: keep the index and the configuration in step with the disk.
#include "server/handlers/handler_error.h"
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

using nlohmann::json;

void handle_did_change_watched_files(Session& session, const json& params) {
  const json& changes = require_member(params, "changes", "params");
  if (!changes.is_array()) throw HandlerError(protocol::ErrorCode::InvalidParams, "params.changes must be an array");
  bool configuration_changed = false;
  for (const json& change : changes) {
    if (!change.is_object() || !change.contains("uri") || !change["uri"].is_string()) continue;
    const std::string uri = change["uri"].get<std::string>();
    const auto path = path_from_uri(uri);
    if (path.empty()) continue;
    if (path.filename() == "pyproject.toml") configuration_changed = true;
    if (session.documents.find(uri) != nullptr) continue;  // the editor's buffer wins
    if (change.value("type", 0) == 3) {
      session.workspace().forget_file(path);
    } else {
      session.workspace().refresh_file(path);
    }
  }
  if (configuration_changed) {
    session.reload_configuration();
    session.refresh_all_documents();
    session.start_indexing();
  }
}

}  // namespace eventlet_lsp::server
