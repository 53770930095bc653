// initialized: the client is ready for the server's own requests: watch files, index.
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

using nlohmann::json;

void handle_initialized(Session& session, const json&) {
  if (session.client.watched_files_registration) {
    json watchers = json::array();
    // Every kind of file the audits read (analyzers' source_kind / text_file_kind): a Dockerfile or
    // a systemd unit edited outside the editor changes the inventory as much as a module does.
    for (const char* glob : {"**/*.{py,pyi,pyw}", "**/{pyproject.toml,setup.cfg,tox.ini,.coveragerc}",
                             "**/*{requirements,constraints}*.{txt,in}", "**/requirements/**/*.{txt,in}",
                             "**/*-requires", "**/*-requires.{txt,in}",
                             "**/{Procfile*,Makefile,.env,.env.*,Dockerfile*,Containerfile*,gunicorn*}",
                             "**/*.{sh,bash,service,yaml,yml,ini,cfg,conf,env,toml,j2,cmd,bat}"}) {
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
