// The state of one client connection: lifecycle, capabilities, settings, open documents, the
// workspace index, and the channel back to the client. Mutated only on the I/O thread (the
// session strand); background work reads snapshots and posts its results back.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzers/config/config_resolver.h"
#include "analyzers/parse/syntax_tree.h"
#include "protocol/lsp/client_capabilities.h"
#include "server/session/document_store.h"
#include "server/session/server_settings.h"
#include "server/session/workspace_index.h"

namespace eventlet_lsp::server {

enum class SessionPhase { Uninitialized, Running, ShutDown };

class Session {
 public:
  // Writes one message, already serialised (JSON text), to the client.
  using Sender = std::function<void(const std::string& body)>;
  using ResponseCallback = std::function<void(const nlohmann::json& result, const nlohmann::json& error)>;

  Session(boost::asio::io_context& io, Sender sender);
  ~Session();

  // --- lifecycle ---------------------------------------------------------------------------
  SessionPhase phase = SessionPhase::Uninitialized;
  std::optional<int> exit_code;  // set by `exit`; the transport stops then
  std::optional<long> parent_process_id;
  std::string trace = "off";

  // --- what the client said ----------------------------------------------------------------
  protocol::ClientCapabilities client;
  std::vector<std::filesystem::path> workspace_folders;

  // --- settings ------------------------------------------------------------------------------
  ServerSettings settings;
  nlohmann::json initialization_options;  // kept: the client's configuration goes on top of them
  // The client's configuration over the initialization options; reports bad settings to the client.
  void apply_settings(const nlohmann::json& configuration);
  // The analyzers' settings for a file (its nearest [tool.eventlet-lsp] plus the editor's).
  const analyzers::Settings& settings_for(const std::filesystem::path& path);
  void reload_configuration();  // pyproject.toml changed, or the editor's settings did

  // --- documents -----------------------------------------------------------------------------
  DocumentStore documents;
  analyzers::PythonParser parser;
  // Findings for the document's current text; after an edit, carried over from the previous
  // analysis or redone for one definition where the edit allows it (analysis_reuse.h).
  // Returns which of these it was.
  analyzers::AnalysisReuse analyze(Document& document, const EditOutcome* edit = nullptr);
  nlohmann::json diagnostics_of(Document& document);
  void publish_diagnostics(Document& document);
  void clear_diagnostics(const std::string& uri);
  void refresh_all_documents();  // reanalyse and republish every open document

  // --- workspace -----------------------------------------------------------------------------
  WorkspaceIndex& workspace() { return *workspace_; }
  void start_indexing();

  // --- inventory -----------------------------------------------------------------------------
  // The workspace index's files, with open documents in place of their indexed state.
  std::vector<InventoryFile> inventory_files();
  InventoryTotals inventory_totals();
  // eventletLsp/inventoryChanged, to clients that asked for it, when the totals moved.
  void note_inventory_change();

  // --- talking to the client -----------------------------------------------------------------
  void send(const nlohmann::json& message);
  // A message written as JSON text by its producer (publishDiagnostics); `what` names it in the log.
  void send_text(const std::string& body, std::string_view what);
  void notify(std::string method, nlohmann::json params);
  void request(std::string method, nlohmann::json params, ResponseCallback on_response = {});
  void on_response(const nlohmann::json& id, const nlohmann::json& result, const nlohmann::json& error);
  void respond(const nlohmann::json& id, nlohmann::json result);
  void respond_error(const nlohmann::json& id, int code, const std::string& message);
  // $/cancelRequest marks ids here; whoever answers a request checks (and clears) the mark.
  void mark_cancelled(const nlohmann::json& id) { cancelled_.insert(id.dump()); }
  bool take_cancelled(const nlohmann::json& id) { return cancelled_.erase(id.dump()) > 0; }
  // window/logMessage (1 error, 2 warning, 3 info, 4 log) and the server log.
  void log_to_client(int type, const std::string& message);

  boost::asio::io_context& io() { return io_; }
  boost::asio::thread_pool& pool() { return pool_; }

 private:
  boost::asio::io_context& io_;
  Sender sender_;
  boost::asio::thread_pool pool_;
  std::unique_ptr<analyzers::ConfigResolver> resolver_;
  std::unique_ptr<WorkspaceIndex> workspace_;
  std::map<std::string, ResponseCallback> pending_requests_;
  std::set<std::string> cancelled_;
  std::uint64_t next_request_id_ = 1;
  std::uint64_t analysis_count_ = 0;
  std::optional<InventoryTotals> last_inventory_;
};

}  // namespace eventlet_lsp::server
