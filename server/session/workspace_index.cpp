#include "server/session/workspace_index.h"

#include <boost/asio/post.hpp>

#include <mutex>
#include <thread>

#include "analyzers/config/config_resolver.h"
#include "analyzers/parse/syntax_tree.h"
#include "analyzers/workspace/check_runner.h"
#include "analyzers/workspace/file_discovery.h"
#include "server/features/diagnostics.h"
#include "server/session/document.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

using nlohmann::json;
namespace fs = std::filesystem;

// One indexing run: its snapshot of the settings and its cancellation flag, shared with the
// background thread.
struct WorkspaceIndex::Run {
  std::vector<fs::path> folders;
  analyzers::SettingsOverrides overrides;
  protocol::ClientCapabilities client;
  bool deprecated_tags = true;
  std::atomic<bool> cancelled{false};
  std::string token;  // work-done progress token, empty without progress
  bool token_accepted = false;  // the client answered window/workDoneProgress/create with success
  bool finished = false;
  bool was_cancelled = false;
  std::string end_message;  // set when the run finished: sent late if the token came late
  json last_report;         // the latest report made before the token was accepted
  std::size_t generation = 0;
};

namespace {

IndexedFile index_file(analyzers::FileAnalysis&& analysis, const analyzers::Settings& settings,
                       const protocol::ClientCapabilities& client, bool deprecated_tags) {
  IndexedFile file;
  file.uri = uri_from_path(analysis.report.path);
  const protocol::LineIndex index(analysis.source);
  file.diagnostics = to_lsp_diagnostics(analysis.report.findings, index, file.uri,
                                        DiagnosticOptions{settings, client, deprecated_tags});
  file.rules = count_rules(analysis.report.findings, settings);
  file.usages = total_usages(file.rules);
  return file;
}

}  // namespace

WorkspaceIndex::~WorkspaceIndex() { cancel(false); }

void WorkspaceIndex::cancel(bool report) {
  if (!running_) return;
  running_->cancelled = true;
  running_->was_cancelled = true;
  if (report) progress(running_, {{"kind", "end"}, {"message", "cancelled"}});
  running_->finished = true;
  running_.reset();
  if (report) session_.note_inventory_change();
}

bool WorkspaceIndex::cancel_token(const std::string& token) {
  if (!running_ || running_->token.empty() || running_->token != token) return false;
  cancel(true);
  return true;
}

void WorkspaceIndex::start() {
  cancel();
  if (session_.workspace_folders.empty()) return;
  auto run = std::make_shared<Run>();
  run->folders = session_.workspace_folders;
  run->overrides = session_.settings.overrides;
  run->client = session_.client;
  run->deprecated_tags = session_.settings.deprecated_tags;
  run->generation = ++generation_;
  running_ = run;
  session_.note_inventory_change();
  if (session_.client.work_done_progress) {
    run->token = "eventlet-lsp/index/" + std::to_string(next_token_++);
    // Progress may be reported only once the client has accepted the token.
    session_.request("window/workDoneProgress/create", {{"token", run->token}},
                     [this, run](const json&, const json& error) {
                       if (!error.is_null() || run->was_cancelled) return;
                       run->token_accepted = true;
                       progress(run, {{"kind", "begin"}, {"title", "Eventlet audit"}, {"cancellable", true},
                                      {"message", "finding files"}, {"percentage", 0}});
                       // Work may have gone on (or ended) before the client answered: catch up.
                       if (!run->last_report.is_null()) progress(run, run->last_report);
                       if (run->finished) progress(run, {{"kind", "end"}, {"message", run->end_message}});
                     });
  }
  boost::asio::io_context& io = session_.io();
  boost::asio::post(session_.pool(), [this, run, &io] {
    // Everything here works on the run's own snapshot; results go back through the I/O thread.
    analyzers::ConfigResolver resolver(run->overrides, std::nullopt, false);
    const analyzers::Discovery discovery = analyzers::discover_files(run->folders, [&](const fs::path& path) {
      const analyzers::Settings* settings = resolver.for_directory(path.parent_path());
      return settings == nullptr || settings->is_excluded(path);
    });
    std::vector<const analyzers::Settings*> settings;
    for (const fs::path& file : discovery.files) settings.push_back(resolver.for_directory(file.parent_path()));
    const std::size_t total = discovery.files.size();
    std::mutex mutex;
    std::vector<IndexedFile> batch;
    std::size_t last_percentage = 0;
    analyzers::CheckRunOptions options;
    options.cancelled = &run->cancelled;
    options.threads = std::max(1u, std::thread::hardware_concurrency());
    analyzers::run_check(
        discovery.files, options,
        [&](std::size_t index, analyzers::FileAnalysis&& analysis) {
          const analyzers::Settings fallback;
          IndexedFile file = index_file(std::move(analysis), settings[index] ? *settings[index] : fallback,
                                        run->client, run->deprecated_tags);
          std::lock_guard lock(mutex);
          batch.push_back(std::move(file));
        },
        [&](std::size_t done, std::size_t) {
          std::lock_guard lock(mutex);
          const std::size_t percentage = total == 0 ? 100 : done * 100 / total;
          if (batch.size() < 64 && percentage < last_percentage + 5 && done != total) return;
          last_percentage = percentage;
          boost::asio::post(io, [this, run, files = std::move(batch), done, total, percentage]() mutable {
            if (running_ != run) return;  // cancelled or superseded
            for (IndexedFile& file : files) store(std::move(file));
            session_.note_inventory_change();
            progress(run, {{"kind", "report"},
                           {"message", std::to_string(done) + "/" + std::to_string(total) + " files"},
                           {"percentage", percentage}});
          });
          batch.clear();
        });
    boost::asio::post(io, [this, run, files = std::move(batch)]() mutable {
      if (running_ != run) return;
      for (IndexedFile& file : files) store(std::move(file));
      finish(run);
    });
  });
}

void WorkspaceIndex::progress(const std::shared_ptr<Run>& run, const json& value) {
  if (run->token.empty()) return;
  if (!run->token_accepted) {
    if (value.value("kind", "") == "report") run->last_report = value;
    return;
  }
  session_.notify("$/progress", {{"token", run->token}, {"value", value}});
}

void WorkspaceIndex::finish(const std::shared_ptr<Run>& run) {
  for (auto& [uri, file] : files_) file.result_id = "index-" + std::to_string(run->generation);
  run->end_message = std::to_string(usages_) + " Eventlet usages in " + std::to_string(files_affected_) + " of " +
                     std::to_string(files_.size()) + " files";
  progress(run, {{"kind", "end"}, {"message", run->end_message}});
  run->finished = true;
  running_.reset();
  session_.note_inventory_change();
  if (session_.client.diagnostic_refresh) session_.request("workspace/diagnostic/refresh", nullptr);
}

void WorkspaceIndex::refresh_file(const fs::path& path) {
  if (analyzers::source_kind(path) == analyzers::SourceKind::NotAudited) return;
  auto run = std::make_shared<Run>();
  run->overrides = session_.settings.overrides;
  run->client = session_.client;
  run->deprecated_tags = session_.settings.deprecated_tags;
  const std::size_t generation = generation_;
  boost::asio::io_context& io = session_.io();
  boost::asio::post(session_.pool(), [this, run, path, generation, &io] {
    analyzers::ConfigResolver resolver(run->overrides, std::nullopt, false);
    const analyzers::Settings* settings = resolver.for_directory(path.parent_path());
    if (settings != nullptr && settings->is_excluded(path)) {  // excluded files stay out of the index
      boost::asio::post(io, [this, path] { forget_file(path); });
      return;
    }
    const analyzers::Settings fallback;
    analyzers::PythonParser parser;
    IndexedFile file = index_file(analyzers::analyze_path(path, parser), settings ? *settings : fallback,
                                  run->client, run->deprecated_tags);
    boost::asio::post(io, [this, file = std::move(file), generation]() mutable {
      if (generation != generation_) return;  // a full reindex replaced this
      file.result_id = "file-" + std::to_string(++next_token_);
      store(std::move(file));
      session_.note_inventory_change();
    });
  });
}

void WorkspaceIndex::forget_file(const fs::path& path) {
  erase(uri_from_path(path));
  session_.note_inventory_change();
}

void WorkspaceIndex::store(IndexedFile&& file) {
  erase(file.uri);
  usages_ += file.usages;
  if (file.usages > 0) ++files_affected_;
  const std::string uri = file.uri;
  files_[uri] = std::move(file);
}

void WorkspaceIndex::erase(const std::string& uri) {
  const auto it = files_.find(uri);
  if (it == files_.end()) return;
  usages_ -= it->second.usages;
  if (it->second.usages > 0) --files_affected_;
  files_.erase(it);
}

}  // namespace eventlet_lsp::server
