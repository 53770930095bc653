// Routes each message from the client: lifecycle rules, cancellation, errors for bad input.
// Requests and notifications are handled in arrival order on the session thread; only
// $/cancelRequest is acted on as soon as it is read, so that it can overtake the request it
// cancels.
#pragma once

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "server/session/session.h"

namespace eventlet_lsp::server {

class Dispatcher {
 public:
  explicit Dispatcher(Session& session) : session_(session) {}

  // One framed body as read from the transport (called on the session thread).
  void on_message(const std::string& body);
  // A framing error from the transport.
  void on_framing_error(const std::string& problem);

 private:
  void handle(const std::string& body);
  void handle_request(const nlohmann::json& id, const std::string& method, const nlohmann::json& params);
  void handle_notification(const std::string& method, const nlohmann::json& params);
  void trace(const std::string& message, const nlohmann::json& verbose);

  Session& session_;
};

}  // namespace eventlet_lsp::server
