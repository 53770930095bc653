// $/setTrace: "off", "messages" or "verbose": how much the server reports with $/logTrace.
#include "server/handlers/handler_error.h"
#include "server/handlers/handlers.h"
#include "server/session/session.h"

namespace eventlet_lsp::server {

void handle_set_trace(Session& session, const nlohmann::json& params) {
  const std::string value = require_string(params, "value", "params");
  if (value != "off" && value != "messages" && value != "verbose") {
    throw HandlerError(protocol::ErrorCode::InvalidParams, "params.value must be off, messages or verbose");
  }
  session.trace = value;
}

}  // namespace eventlet_lsp::server
