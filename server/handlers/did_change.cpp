// textDocument/didChange: apply the edits to the text and the tree, reparse incrementally,
// analyse, publish for the new version.
#include <spdlog/spdlog.h>

#include <chrono>

#include "server/handlers/handler_error.h"
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

using nlohmann::json;

void handle_did_change(Session& session, const json& params) {
  const std::string uri = text_document_uri(params);
  const std::int64_t version = require_integer(params["textDocument"], "version", "params.textDocument");
  Document* document = session.documents.find(uri);
  if (document == nullptr) {
    session.log_to_client(2, "eventlet-lsp: didChange for " + uri + ", which is not open: ignored");
    return;
  }
  if (version <= document->version) {
    session.log_to_client(2, "eventlet-lsp: didChange for " + uri + " goes from version " +
                                 std::to_string(document->version) + " back to " + std::to_string(version) +
                                 ": applied, the client's text is the truth");
  }
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  const EditOutcome outcome =
      session.documents.change(*document, version, require_member(params, "contentChanges", "params"),
                               session.client.encoding, session.parser);
  if (!outcome.problem.empty()) session.log_to_client(2, "eventlet-lsp: " + uri + ": " + outcome.problem);
  const auto edited = Clock::now();
  const analyzers::AnalysisReuse reuse = session.analyze(*document, &outcome);
  const auto analysed = Clock::now();
  if (!session.client.diagnostic_pull) session.publish_diagnostics(*document);
  // The cost of a keystroke, stage by stage: what a latency report needs first.
  const auto ms = [](auto from, auto to) { return std::chrono::duration<double, std::milli>(to - from).count(); };
  spdlog::debug("didChange {} v{}: edit and reparse {:.2f} ms, analysis {:.2f} ms ({}), diagnostics {:.2f} ms", uri,
                version, ms(started, edited), ms(edited, analysed),
                reuse == analyzers::AnalysisReuse::CarriedOver     ? "carried over"
                : reuse == analyzers::AnalysisReuse::OneDefinition ? "one definition"
                                                                   : "full",
                ms(analysed, Clock::now()));
}

}  // namespace eventlet_lsp::server
