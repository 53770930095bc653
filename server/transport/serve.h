// The language server process: stdio by default, or one TCP client on loopback.
#pragma once

#include <optional>

namespace eventlet_lsp::server {

struct ServeOptions {
  std::optional<unsigned short> listen_port;  // --listen PORT: 127.0.0.1 only
};

// Runs until `exit` (or the client goes away, or the parent process dies); returns the exit
// status: 0 after a shutdown request, 1 otherwise.
int serve(const ServeOptions& options);

}  // namespace eventlet_lsp::server
