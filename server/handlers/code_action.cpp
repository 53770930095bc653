// textDocument/codeAction: quick fixes, noqa, fix-all-of-a-rule, and source.fixAll.eventlet-lsp.
#include "protocol/lsp/positions.h"
#include "server/features/code_actions.h"
#include "server/handlers/handler_error.h"
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

using nlohmann::json;

json handle_code_action(Session& session, const json& params) {
  const std::string uri = text_document_uri(params);
  Document* document = session.documents.find(uri);
  if (document == nullptr) return json::array();
  std::string error;
  const auto range = protocol::range_from_json(require_member(params, "range", "params"), *document->index,
                                               session.client.encoding, error);
  if (!range) throw HandlerError(protocol::ErrorCode::InvalidParams, "params.range: " + error);
  CodeActionRequest request{range->start, range->end, nullptr};
  if (const auto context = params.find("context"); context != params.end() && context->is_object()) {
    request.only = context->value("only", json());
  }
  return code_actions(*document, request, session.settings_for(document->path), session.client, session.parser);
}

}  // namespace eventlet_lsp::server
