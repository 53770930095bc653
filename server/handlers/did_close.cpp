// textDocument/didClose: forget the buffer; the file on disk is the workspace index's again.
#include "server/handlers/handler_error.h"
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

void handle_did_close(Session& session, const nlohmann::json& params) {
  const std::string uri = text_document_uri(params);
  if (!session.documents.close(uri)) {
    session.log_to_client(2, "eventlet-lsp: didClose for " + uri + ", which is not open: ignored");
    return;
  }
  if (!session.client.diagnostic_pull) session.clear_diagnostics(uri);
  session.note_inventory_change();
  const auto path = path_from_uri(uri);
  if (!path.empty()) session.workspace().refresh_file(path);
}

}  // namespace eventlet_lsp::server
