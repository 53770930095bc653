// window/workDoneProgress/cancel: the user stopped the workspace audit.
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

void handle_work_done_progress_cancel(Session& session, const nlohmann::json&) {
  // The index has one progress at a time: whichever token, it is the index's.
  if (session.workspace().indexing()) {
    session.workspace().cancel();
    session.log_to_client(3, "eventlet-lsp: workspace audit cancelled");
  }
}

}  // namespace eventlet_lsp::server
