// shutdown: stop background work; only `exit` may follow.
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

nlohmann::json handle_shutdown(Session& session, const nlohmann::json&) {
  session.workspace().cancel();
  session.phase = SessionPhase::ShutDown;
  return nullptr;
}

}  // namespace eventlet_lsp::server
