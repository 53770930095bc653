// Findings as LSP diagnostics: the one place that decides what a diagnostic carries.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "analyzers/config/settings.h"
#include "analyzers/core/finding.h"
#include "protocol/lsp/client_capabilities.h"
#include "protocol/position/line_index.h"

namespace eventlet_lsp::server {

struct DiagnosticOptions {
  const analyzers::Settings& settings;
  const protocol::ClientCapabilities& client;
  bool deprecated_tags = true;
};

// The diagnostics of one document's findings (only the rules the settings select).
nlohmann::json to_lsp_diagnostics(const std::vector<analyzers::Finding>& findings,
                                  const protocol::LineIndex& index, const std::string& uri,
                                  const DiagnosticOptions& options);

// The same diagnostics written straight to JSON text (an array): the publish path, run on
// every keystroke. It parses to exactly what to_lsp_diagnostics builds.
void append_lsp_diagnostics(std::string& out, const std::vector<analyzers::Finding>& findings,
                            const protocol::LineIndex& index, const std::string& uri,
                            const DiagnosticOptions& options);

int lsp_severity(analyzers::Severity severity);

}  // namespace eventlet_lsp::server
