// textDocument/didSave: a saved pyproject.toml changes the configuration of its subtree.
#include "server/handlers/handler_error.h"
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

void handle_did_save(Session& session, const nlohmann::json& params) {
  const auto path = path_from_uri(text_document_uri(params));
  if (path.filename() == "pyproject.toml") {
    session.reload_configuration();
    session.refresh_all_documents();
    session.start_indexing();
  }
}

}  // namespace eventlet_lsp::server
