// textDocument/diagnostic: pull diagnostics, "unchanged" when the client has the current ones.
#include <fstream>
#include <sstream>

#include "analyzers/workspace/source_file.h"
#include "server/features/diagnostics.h"
#include "server/handlers/handler_error.h"
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

using nlohmann::json;

json handle_document_diagnostic(Session& session, const json& params) {
  const std::string uri = text_document_uri(params);
  const std::string previous = params.value("previousResultId", std::string());
  if (Document* document = session.documents.find(uri)) {
    if (!previous.empty() && previous == document->result_id) {
      return json{{"kind", "unchanged"}, {"resultId", document->result_id}};
    }
    return json{{"kind", "full"}, {"resultId", document->result_id}, {"items", session.diagnostics_of(*document)}};
  }
  // Not open: the file as it is on disk.
  const auto path = path_from_uri(uri);
  if (path.empty()) return json{{"kind", "full"}, {"items", json::array()}};
  analyzers::FileAnalysis analysis = analyzers::analyze_path(path, session.parser);
  const protocol::LineIndex index(analysis.source);
  return json{{"kind", "full"},
              {"items", to_lsp_diagnostics(analysis.report.findings, index, uri,
                                           DiagnosticOptions{session.settings_for(path), session.client,
                                                             session.settings.deprecated_tags})}};
}

}  // namespace eventlet_lsp::server
