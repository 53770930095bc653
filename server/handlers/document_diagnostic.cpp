// textDocument/diagnostic: pull diagnostics, "unchanged" when the client has the current ones.
// A file that is not open is read and analysed in the background; if the editor opens it
// meanwhile, the answer from disk is stale: ContentModified, and the client asks again.
#include <boost/asio/post.hpp>

#include "analyzers/parse/syntax_tree.h"
#include "analyzers/workspace/source_file.h"
#include "server/features/diagnostics.h"
#include "server/handlers/handler_error.h"
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

using nlohmann::json;

void handle_document_diagnostic(Session& session, const json& id, const json& params) {
  const std::string uri = text_document_uri(params);
  const std::string previous = params.value("previousResultId", std::string());
  if (Document* document = session.documents.find(uri)) {
    if (!previous.empty() && previous == document->result_id) {
      session.respond(id, json{{"kind", "unchanged"}, {"resultId", document->result_id}});
    } else {
      session.respond(id, json{{"kind", "full"}, {"resultId", document->result_id},
                               {"items", session.diagnostics_of(*document)}});
    }
    return;
  }
  const auto path = path_from_uri(uri);
  if (path.empty()) {
    session.respond(id, json{{"kind", "full"}, {"items", json::array()}});
    return;
  }
  // The work reads a snapshot of what it needs; the answer goes back through the strand.
  analyzers::Settings settings = session.settings_for(path);
  const protocol::ClientCapabilities client = session.client;
  const bool tags = session.settings.deprecated_tags;
  boost::asio::post(session.pool(), [&session, id, uri, path, settings = std::move(settings), client, tags] {
    analyzers::PythonParser parser;
    analyzers::FileAnalysis analysis = analyzers::analyze_path(path, parser);
    const protocol::LineIndex index(analysis.source);
    json items = to_lsp_diagnostics(analysis.report.findings, index, uri, DiagnosticOptions{settings, client, tags});
    boost::asio::post(session.io(), [&session, id, uri, items = std::move(items)]() mutable {
      if (session.documents.find(uri) != nullptr) {
        session.take_cancelled(id);
        session.respond_error(id, static_cast<int>(protocol::ErrorCode::ContentModified),
                              uri + " was opened while its diagnostics were computed from disk");
        return;
      }
      session.respond(id, json{{"kind", "full"}, {"items", std::move(items)}});
    });
  });
}

}  // namespace eventlet_lsp::server
