// textDocument/hover: what the Eventlet API under the cursor does and what replaces it.
#include "protocol/lsp/positions.h"
#include "server/features/hover.h"
#include "server/handlers/handler_error.h"
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

using nlohmann::json;

json handle_hover(Session& session, const json& params) {
  const std::string uri = text_document_uri(params);
  std::string error;
  const auto position = protocol::position_from_json(require_member(params, "position", "params"), error);
  if (!position) throw HandlerError(protocol::ErrorCode::InvalidParams, "params.position: " + error);
  Document* document = session.documents.find(uri);
  if (document == nullptr) return nullptr;  // only open documents have hovers
  bool exact = true;
  const std::uint32_t offset = document->index->offset(*position, session.client.encoding, &exact);
  if (!exact) return nullptr;  // beyond the text: nothing is there
  return hover_at(*document, offset, session.settings_for(document->path), session.client.hover_markdown,
                  session.client.encoding);
}

}  // namespace eventlet_lsp::server
