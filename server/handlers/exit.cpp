// exit: 0 after a shutdown request, 1 without one (LSP's rule).
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

void handle_exit(Session& session, const nlohmann::json&) {
  session.exit_code = session.phase == SessionPhase::ShutDown ? 0 : 1;
}

}  // namespace eventlet_lsp::server
