#include <array>

#include "server/handlers/handlers.h"

namespace eventlet_lsp::server {

namespace {

constexpr std::array kHandlers{
    HandlerEntry{"initialize", handle_initialize, nullptr},
    HandlerEntry{"shutdown", handle_shutdown, nullptr},
    HandlerEntry{"textDocument/hover", handle_hover, nullptr},
    HandlerEntry{"textDocument/codeAction", handle_code_action, nullptr},
    HandlerEntry{"codeAction/resolve", handle_code_action_resolve, nullptr},
    HandlerEntry{"textDocument/diagnostic", nullptr, nullptr, handle_document_diagnostic},
    HandlerEntry{"workspace/diagnostic", handle_workspace_diagnostic, nullptr},
    HandlerEntry{"eventletLsp/inventory", handle_inventory, nullptr},
    HandlerEntry{"initialized", nullptr, handle_initialized},
    HandlerEntry{"exit", nullptr, handle_exit},
    HandlerEntry{"textDocument/didOpen", nullptr, handle_did_open},
    HandlerEntry{"textDocument/didChange", nullptr, handle_did_change},
    HandlerEntry{"textDocument/didClose", nullptr, handle_did_close},
    HandlerEntry{"textDocument/didSave", nullptr, handle_did_save},
    HandlerEntry{"workspace/didChangeConfiguration", nullptr, handle_did_change_configuration},
    HandlerEntry{"workspace/didChangeWatchedFiles", nullptr, handle_did_change_watched_files},
    HandlerEntry{"$/setTrace", nullptr, handle_set_trace},
    HandlerEntry{"window/workDoneProgress/cancel", nullptr, handle_work_done_progress_cancel},
};

}  // namespace

const HandlerEntry* find_handler(std::string_view method) {
  for (const HandlerEntry& entry : kHandlers) {
    if (entry.method == method) return &entry;
  }
  return nullptr;
}

}  // namespace eventlet_lsp::server
