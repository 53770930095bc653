// Code actions: each finding's fixes as quick fixes (safe ones preferred), "fix all of this rule
// in the file", "Disable ELxxx for this line", and source.fixAll.eventlet-lsp (safe fixes).
#pragma once

#include <nlohmann/json.hpp>

#include "analyzers/config/settings.h"
#include "analyzers/parse/syntax_tree.h"
#include "protocol/lsp/client_capabilities.h"
#include "server/session/document.h"

namespace eventlet_lsp::server {

struct CodeActionRequest {
  std::uint32_t start = 0;  // the requested range, in bytes
  std::uint32_t end = 0;
  nlohmann::json only;      // context.only: kinds the client wants, or null
};

nlohmann::json code_actions(const Document& document, const CodeActionRequest& request,
                            const analyzers::Settings& settings, const protocol::ClientCapabilities& client,
                            analyzers::PythonParser& parser);

// Fills in the `edit` of a fix-all action returned without one (codeAction/resolve); the action
// comes back without an edit when nothing is left to fix.
nlohmann::json resolve_code_action(const Document& document, nlohmann::json action,
                                   const analyzers::Settings& settings, const protocol::ClientCapabilities& client,
                                   analyzers::PythonParser& parser);

}  // namespace eventlet_lsp::server
