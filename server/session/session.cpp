#include "server/session/session.h"

#include <spdlog/spdlog.h>

#include <thread>

#include "analyzers/python/python_analyzer.h"
#include "analyzers/text_files/text_file_analyzer.h"
#include "protocol/jsonrpc/json_text.h"
#include "protocol/jsonrpc/message.h"
#include "server/features/diagnostics.h"

namespace eventlet_lsp::server {

using nlohmann::json;

Session::Session(boost::asio::io_context& io, Sender sender)
    : io_(io), sender_(std::move(sender)), pool_(2) {  // the index, and one-off background requests beside it
  reload_configuration();
  workspace_ = std::make_unique<WorkspaceIndex>(*this);
}

Session::~Session() {
  workspace_->cancel(false);
  pool_.join();  // background work posts to io_ and reads the session: let it end first
}

void Session::send(const json& message) {
  const auto method = message.find("method");
  send_text(protocol::to_wire(message),
            method != message.end() && method->is_string() ? method->get<std::string>()
                                                           : "response " + message.value("id", json()).dump());
}

void Session::send_text(const std::string& body, std::string_view what) {
  spdlog::debug("-> {}", what);
  sender_(body);
}

void Session::notify(std::string method, json params) {
  send(protocol::make_notification(std::move(method), std::move(params)));
}

void Session::request(std::string method, json params, ResponseCallback on_response) {
  const std::string id = "eventlet-lsp/" + std::to_string(next_request_id_++);
  if (on_response) pending_requests_[id] = std::move(on_response);
  send(protocol::make_request(id, std::move(method), std::move(params)));
}

void Session::on_response(const json& id, const json& result, const json& error) {
  if (!id.is_string()) return;
  auto it = pending_requests_.find(id.get<std::string>());
  if (it == pending_requests_.end()) return;
  ResponseCallback callback = std::move(it->second);
  pending_requests_.erase(it);
  callback(result, error);
}

void Session::respond(const json& id, json result) {
  if (take_cancelled(id)) {
    respond_error(id, static_cast<int>(protocol::ErrorCode::RequestCancelled), "cancelled by the client");
    return;
  }
  send(protocol::make_response(id, std::move(result)));
}

void Session::respond_error(const json& id, int code, const std::string& message) {
  send(protocol::make_error_response(id, static_cast<protocol::ErrorCode>(code), message));
}

void Session::log_to_client(int type, const std::string& message) {
  switch (type) {
    case 1: spdlog::error("{}", message); break;
    case 2: spdlog::warn("{}", message); break;
    default: spdlog::info("{}", message); break;
  }
  if (phase != SessionPhase::Uninitialized) notify("window/logMessage", {{"type", type}, {"message", message}});
}

void Session::apply_settings(const json& configuration) {
  std::vector<std::string> warnings;
  settings = parse_server_settings(layer_settings(initialization_options, configuration), warnings);
  for (const std::string& warning : warnings) log_to_client(2, "eventlet-lsp: " + warning);
  if (!settings.log_level.empty()) {
    const auto level = spdlog::level::from_str(settings.log_level);
    spdlog::set_level(level);
  }
  reload_configuration();
}

void Session::reload_configuration() {
  resolver_ = std::make_unique<analyzers::ConfigResolver>(settings.overrides, std::nullopt, false);
}

const analyzers::Settings& Session::settings_for(const std::filesystem::path& path) {
  static const analyzers::Settings defaults;
  const std::filesystem::path directory = path.empty() ? std::filesystem::path(".") : path.parent_path();
  const analyzers::Settings* found = resolver_->for_directory(directory);
  if (found == nullptr) {
    // A broken [tool.eventlet-lsp]: say so once, and go on with the editor's settings alone.
    if (const auto& error = resolver_->error()) log_to_client(1, "eventlet-lsp: invalid configuration: " + error->to_string());
    resolver_ = std::make_unique<analyzers::ConfigResolver>(settings.overrides, std::nullopt, true);
    found = resolver_->for_directory(directory);
  }
  return found != nullptr ? *found : defaults;
}

analyzers::AnalysisReuse Session::analyze(Document& document, const EditOutcome* edit) {
  analyzers::AnalysisReuse reuse = analyzers::AnalysisReuse::None;
  if (document.is_python()) {
    if (edit != nullptr && edit->replaced_tree.valid()) {
      analyzers::EditedAnalysis analysis = analyzers::analyze_python_after_edit(
          std::move(document.findings), document.reuse, edit->replaced_tree, edit->unedited_tree, document.tree);
      document.findings = std::move(analysis.findings);
      reuse = analysis.reuse;
    } else {
      document.findings = analyzers::analyze_python_reusably(document.tree, document.reuse);
    }
  } else {
    std::vector<analyzers::FileProblem> problems;
    const auto kind = analyzers::text_file_kind(document.path.string());
    document.findings = analyzers::analyze_text_file(kind, document.text, problems);
  }
  document.result_id = std::to_string(document.version) + "-" + std::to_string(++analysis_count_);
  document.rules = count_rules(document.findings, settings_for(document.path));
  note_inventory_change();
  return reuse;
}

json Session::diagnostics_of(Document& document) {
  return to_lsp_diagnostics(document.findings, *document.index, document.uri,
                            DiagnosticOptions{settings_for(document.path), client, settings.deprecated_tags});
}

void Session::publish_diagnostics(Document& document) {
  // Written as text, not built as a json value: on a dense file this runs on every keystroke.
  std::string body = R"({"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"diagnostics":)";
  body.reserve(256 + 400 * document.findings.size());
  append_lsp_diagnostics(body, document.findings, *document.index, document.uri,
                         DiagnosticOptions{settings_for(document.path), client, settings.deprecated_tags});
  body += R"(,"uri":)";
  protocol::append_json_string(body, document.uri);
  if (client.diagnostic_version) {
    body += R"(,"version":)";
    protocol::append_json_number(body, document.version);
  }
  body += "}}";
  send_text(body, "textDocument/publishDiagnostics");
}

void Session::clear_diagnostics(const std::string& uri) {
  notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
}

void Session::refresh_all_documents() {
  for (auto& [uri, document] : documents.all()) {
    analyze(document);
    if (!client.diagnostic_pull) publish_diagnostics(document);
  }
  if (client.diagnostic_pull && client.diagnostic_refresh) request("workspace/diagnostic/refresh", nullptr);
}

void Session::start_indexing() { workspace_->start(); }

std::vector<InventoryFile> Session::inventory_files() {
  std::vector<InventoryFile> files;
  for (const auto& [uri, file] : workspace_->files()) {
    if (documents.find(uri) == nullptr) files.push_back({uri, &file.rules});
  }
  for (const auto& [uri, document] : documents.all()) {
    if (!document.path.empty()) files.push_back({uri, &document.rules});
  }
  return files;
}

InventoryTotals Session::inventory_totals() {
  InventoryTotals totals{workspace_->usages(), workspace_->files_affected(), workspace_->indexing()};
  // Open documents replace their indexed state: a few lookups, not a walk of the index.
  for (const auto& [uri, document] : documents.all()) {
    if (document.path.empty()) continue;
    if (const auto indexed = workspace_->files().find(uri); indexed != workspace_->files().end()) {
      totals.usages -= indexed->second.usages;
      if (indexed->second.usages > 0) --totals.files_affected;
    }
    const std::size_t usages = total_usages(document.rules);
    totals.usages += usages;
    if (usages > 0) ++totals.files_affected;
  }
  return totals;
}

void Session::note_inventory_change() {
  if (!client.inventory_notifications || phase != SessionPhase::Running) return;
  const InventoryTotals totals = inventory_totals();
  if (last_inventory_ == totals) return;
  last_inventory_ = totals;
  notify("eventletLsp/inventoryChanged", inventory_totals_json(totals));
}

}  // namespace eventlet_lsp::server
