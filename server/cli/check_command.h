// `eventlet-lsp check [PATH...]`: the audit of a tree, for people and CI.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzers/config/config_resolver.h"
#include "server/cli/report/check_report.h"

namespace eventlet_lsp::server {

struct CheckOptions {
  std::vector<std::string> paths;  // default: "."
  ReportFormat format = ReportFormat::Text;
  analyzers::SettingsOverrides overrides;
  std::optional<std::string> config_file;
  bool isolated = false;
  bool exit_zero = false;
  bool ignore_noqa = false;
  bool summary = true;
  bool progress = true;  // shown only on a terminal, and only when the run takes a while
  unsigned threads = 0;
  std::uintmax_t max_file_bytes = 0;  // 0: the default
  std::optional<std::string> color;   // "always", "never", "auto"
};

// Runs the audit; returns the exit status (0 clean, 1 findings, 2 usage or configuration error).
int run_check_command(const CheckOptions& options);

}  // namespace eventlet_lsp::server
