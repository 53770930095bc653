#include "server/lsp/dispatcher.h"

#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

#include "protocol/jsonrpc/message.h"
#include "server/handlers/handler_error.h"
#include "server/handlers/handlers.h"

namespace eventlet_lsp::server {

using nlohmann::json;
using protocol::ErrorCode;

void Dispatcher::on_framing_error(const std::string& problem) {
  session_.log_to_client(2, "eventlet-lsp: malformed message from the client: " + problem);
}

void Dispatcher::on_message(const std::string& body) {
  // A cancellation overtakes the queue; everything else waits its turn.
  const json value = json::parse(body, nullptr, false);
  if (!value.is_discarded() && value.is_object() && value.value("method", json()) == "$/cancelRequest") {
    const json params = value.value("params", json::object());
    if (params.is_object() && params.contains("id")) session_.mark_cancelled(params["id"]);
    return;
  }
  boost::asio::post(session_.io(), [this, body] { handle(body); });
}

void Dispatcher::handle(const std::string& body) {
  if (session_.exit_code) return;  // exiting: nothing more is read
  const json value = json::parse(body, nullptr, false);
  if (value.is_discarded()) {
    session_.send(protocol::make_error_response(nullptr, ErrorCode::ParseError, "invalid JSON"));
    return;
  }
  const protocol::IncomingMessage message = protocol::classify_message(value);
  spdlog::debug("<- {}", message.method.empty() ? std::string("response ") + message.id.dump() : message.method);
  spdlog::trace("<- {}", body);
  switch (message.kind) {
    case protocol::IncomingMessage::Kind::Invalid:
      session_.send(protocol::make_error_response(message.id, ErrorCode::InvalidRequest, message.problem));
      return;
    case protocol::IncomingMessage::Kind::Response:
      session_.on_response(message.id, message.result, message.error);
      return;
    case protocol::IncomingMessage::Kind::Request:
      handle_request(message.id, message.method, message.params);
      return;
    case protocol::IncomingMessage::Kind::Notification:
      handle_notification(message.method, message.params);
      return;
  }
}

void Dispatcher::trace(const std::string& message, const json& verbose) {
  if (session_.trace == "off" || session_.phase == SessionPhase::Uninitialized) return;
  json params{{"message", message}};
  if (session_.trace == "verbose") params["verbose"] = verbose.dump();
  session_.notify("$/logTrace", std::move(params));
}

void Dispatcher::handle_request(const json& id, const std::string& method, const json& params) {
  if (session_.take_cancelled(id)) {
    session_.send(protocol::make_error_response(id, ErrorCode::RequestCancelled, "cancelled by the client"));
    return;
  }
  if (session_.phase == SessionPhase::Uninitialized && method != "initialize") {
    session_.send(protocol::make_error_response(id, ErrorCode::ServerNotInitialized,
                                                "the server is not initialized: send initialize first"));
    return;
  }
  if (session_.phase == SessionPhase::ShutDown) {
    session_.send(protocol::make_error_response(id, ErrorCode::InvalidRequest, "the server is shutting down"));
    return;
  }
  const HandlerEntry* entry = find_handler(method);
  if (entry == nullptr || (entry->request == nullptr && entry->deferred == nullptr)) {
    session_.send(protocol::make_error_response(id, ErrorCode::MethodNotFound, "unknown method " + method));
    return;
  }
  trace("request " + method, params);
  try {
    if (entry->deferred != nullptr) {
      entry->deferred(session_, id, params);
      return;
    }
    session_.send(protocol::make_response(id, entry->request(session_, params)));
  } catch (const HandlerError& error) {
    session_.send(protocol::make_error_response(id, error.code, error.what()));
  } catch (const nlohmann::json::exception& error) {
    session_.send(protocol::make_error_response(id, ErrorCode::InvalidParams, error.what()));
  } catch (const std::exception& error) {
    spdlog::error("{} failed: {}", method, error.what());
    session_.send(protocol::make_error_response(id, ErrorCode::InternalError, error.what()));
  }
}

void Dispatcher::handle_notification(const std::string& method, const json& params) {
  if (method == "exit") {
    handle_exit(session_, params);
    session_.io().stop();
    return;
  }
  if (session_.phase == SessionPhase::Uninitialized) return;  // dropped, as the spec says
  const HandlerEntry* entry = find_handler(method);
  if (entry == nullptr || entry->notification == nullptr) {
    if (!method.starts_with("$/")) spdlog::debug("ignored notification {}", method);
    return;
  }
  trace("notification " + method, params);
  try {
    entry->notification(session_, params);
  } catch (const std::exception& error) {
    session_.log_to_client(2, "eventlet-lsp: " + method + ": " + error.what());
  }
}

}  // namespace eventlet_lsp::server
