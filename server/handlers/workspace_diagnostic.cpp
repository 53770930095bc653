// workspace/diagnostic: the closed files of the workspace index (open ones are pulled one by one).
#include <map>

#include "server/handlers/handler_error.h"
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

using nlohmann::json;

json handle_workspace_diagnostic(Session& session, const json& params) {
  std::map<std::string, std::string> previous;
  if (const auto ids = params.find("previousResultIds"); ids != params.end() && ids->is_array()) {
    for (const json& id : *ids) {
      if (id.is_object() && id.contains("uri") && id.contains("value") && id["uri"].is_string() &&
          id["value"].is_string()) {
        previous[id["uri"].get<std::string>()] = id["value"].get<std::string>();
      }
    }
  }
  json items = json::array();
  for (const auto& [uri, file] : session.workspace().files()) {
    if (session.documents.find(uri) != nullptr) continue;
    auto it = previous.find(uri);
    if (it != previous.end() && !file.result_id.empty() && it->second == file.result_id) {
      items.push_back({{"kind", "unchanged"}, {"uri", uri}, {"version", nullptr}, {"resultId", file.result_id}});
    } else {
      json item{{"kind", "full"}, {"uri", uri}, {"version", nullptr}, {"items", file.diagnostics}};
      if (!file.result_id.empty()) item["resultId"] = file.result_id;
      items.push_back(std::move(item));
    }
  }
  return json{{"items", std::move(items)}};
}

}  // namespace eventlet_lsp::server
