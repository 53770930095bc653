// initialized: the client is ready for the server's own requests: watch files, index.
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

using nlohmann::json;

void handle_initialized(Session& session, const json&) {
  if (session.client.watched_files_registration) {
    json watchers = json::array();
    for (const char* glob : {"**/*.py", "**/pyproject.toml", "**/setup.cfg", "**/tox.ini", "**/.coveragerc",
                             "**/*requirements*.txt", "**/*constraints*.txt"}) {
      watchers.push_back({{"globPattern", glob}});
    }
    session.request("client/registerCapability",
                    {{"registrations", json::array({{{"id", "eventlet-lsp/watched-files"},
                                                     {"method", "workspace/didChangeWatchedFiles"},
                                                     {"registerOptions", {{"watchers", watchers}}}}})}});
  }
  session.start_indexing();
}

}  // namespace eventlet_lsp::server
