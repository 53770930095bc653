// eventletLsp/inventory (an extension of the protocol): the audit summary of the workspace,
// counts per scenario, rule and file, for the editor's "migration inventory" view.
#include "server/features/inventory.h"
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

nlohmann::json handle_inventory(Session& session, const nlohmann::json&) {
  return inventory_report(session.inventory_files(), session.workspace().indexing());
}

}  // namespace eventlet_lsp::server
