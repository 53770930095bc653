// codeAction/resolve: the edit of a fix-all action, computed when the user picks it.
#include "server/features/code_actions.h"
#include "server/handlers/handler_error.h"
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

using nlohmann::json;

json handle_code_action_resolve(Session& session, const json& params) {
  require_object(params, "params");
  const json& data = require_member(params, "data", "params");
  const std::string uri = require_string(data, "uri", "params.data");
  Document* document = session.documents.find(uri);
  if (document == nullptr) {
    throw HandlerError(protocol::ErrorCode::ContentModified, uri + " is not open any more");
  }
  if (data.contains("version") && data["version"] != document->version) {
    throw HandlerError(protocol::ErrorCode::ContentModified, uri + " changed since the action was offered");
  }
  return resolve_code_action(*document, params, session.settings_for(document->path), session.client, session.parser);
}

}  // namespace eventlet_lsp::server
