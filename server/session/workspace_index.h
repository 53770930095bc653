// The diagnostics of every file of the workspace folders, built in the background on a
// snapshot of the settings, so that closed files are covered (workspace/diagnostic) and the
// client sees progress. Open documents are never waited on: they are analysed on the session
// thread as they change.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/features/inventory.h"

namespace eventlet_lsp::server {

class Session;

struct IndexedFile {
  std::string uri;
  nlohmann::json diagnostics;  // as published, in the negotiated encoding
  std::size_t usages = 0;
  RuleCounts rules;  // for the inventory
  std::string result_id;
};

class WorkspaceIndex {
 public:
  explicit WorkspaceIndex(Session& session) : session_(session) {}
  ~WorkspaceIndex();

  // (Re)indexes the workspace folders; a run still going is cancelled first.
  void start();
  // window/workDoneProgress/cancel, or the next start(). `report` ends the client's progress.
  void cancel(bool report = true);
  // window/workDoneProgress/cancel: only the run that owns `token`; false when none does.
  bool cancel_token(const std::string& token);
  // Reanalyses one file (created or changed on disk), or forgets it (deleted).
  void refresh_file(const std::filesystem::path& path);
  void forget_file(const std::filesystem::path& path);

  bool indexing() const { return running_ != nullptr; }
  std::size_t generation() const { return generation_; }
  const std::map<std::string, IndexedFile>& files() const { return files_; }
  // Kept as files come and go, so that the status bar's count costs nothing per keystroke.
  std::size_t usages() const { return usages_; }
  std::size_t files_affected() const { return files_affected_; }

 private:
  struct Run;
  void finish(const std::shared_ptr<Run>& run);
  void progress(const std::shared_ptr<Run>& run, const nlohmann::json& value);
  void store(IndexedFile&& file);
  void erase(const std::string& uri);

  Session& session_;
  std::map<std::string, IndexedFile> files_;
  std::shared_ptr<Run> running_;
  std::size_t usages_ = 0;
  std::size_t files_affected_ = 0;
  std::size_t generation_ = 0;
  std::uint64_t next_token_ = 1;
};

}  // namespace eventlet_lsp::server
