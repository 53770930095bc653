// workspace/didChangeConfiguration: new editor settings take effect at once.
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

using nlohmann::json;

namespace {
void settings_changed(Session& session, const json& value) {
  session.apply_settings(value);
  session.refresh_all_documents();
  session.start_indexing();
}
}  // namespace

void handle_did_change_configuration(Session& session, const json& params) {
  const json settings = params.is_object() ? params.value("settings", json()) : json();
  if (!settings.is_null() && !(settings.is_object() && settings.empty())) {
    settings_changed(session, settings);
    return;
  }
  // Pull-style clients send an empty notification and expect the server to ask.
  if (session.client.configuration) {
    session.request("workspace/configuration", {{"items", json::array({{{"section", "eventletLsp"}}})}},
                    [&session](const json& result, const json& error) {
                      if (error.is_null() && result.is_array() && !result.empty()) settings_changed(session, result[0]);
                    });
  }
}

}  // namespace eventlet_lsp::server
