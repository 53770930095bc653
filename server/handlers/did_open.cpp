// textDocument/didOpen: parse, analyse, publish (or wait for the client to pull).
#include "server/handlers/handler_error.h"
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

using nlohmann::json;

void handle_did_open(Session& session, const json& params) {
  const json& item = require_member(params, "textDocument", "params");
  const std::string uri = require_string(item, "uri", "params.textDocument");
  const std::string text = require_string(item, "text", "params.textDocument");
  const std::int64_t version = require_integer(item, "version", "params.textDocument");
  const std::string language = item.value("languageId", std::string());
  Document& document = session.documents.open(uri, language, version, text, session.parser);
  session.analyze(document);
  if (!session.client.diagnostic_pull) session.publish_diagnostics(document);
}

}  // namespace eventlet_lsp::server
