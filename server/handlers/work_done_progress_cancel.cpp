// window/workDoneProgress/cancel: the user stopped the workspace audit.
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

void handle_work_done_progress_cancel(Session& session, const nlohmann::json& params) {
  const nlohmann::json token = params.is_object() ? params.value("token", nlohmann::json()) : nlohmann::json();
  if (!token.is_string()) return;
  if (session.workspace().cancel_token(token.get<std::string>()))
    session.log_to_client(3, "eventlet-lsp: workspace audit cancelled");
}

}  // namespace eventlet_lsp::server
