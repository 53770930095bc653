#include "protocol/jsonrpc/message.h"

namespace eventlet_lsp::protocol {

IncomingMessage classify_message(const json& value) {
  IncomingMessage message;
  if (value.is_array()) {
    message.problem = "batch requests are not supported";
    return message;
  }
  if (!value.is_object()) {
    message.problem = "a message must be a JSON object";
    return message;
  }
  const auto id = value.find("id");
  const bool has_id = id != value.end();
  if (has_id) {
    if (id->is_string() || id->is_number_integer() || id->is_number_unsigned()) message.id = *id;
    else if (!id->is_null()) {
      message.problem = "id must be a string or an integer";
      return message;
    }
  }
  const auto version = value.find("jsonrpc");
  if (version == value.end() || *version != "2.0") {
    message.problem = "missing \"jsonrpc\": \"2.0\"";
    return message;
  }
  const auto method = value.find("method");
  if (method != value.end()) {
    if (!method->is_string()) {
      message.problem = "method must be a string";
      return message;
    }
    message.method = method->get<std::string>();
    const auto params = value.find("params");
    if (params != value.end()) {
      if (!params->is_object() && !params->is_array() && !params->is_null()) {
        message.problem = "params must be an object or an array";
        return message;
      }
      message.params = *params;
    }
    message.kind = has_id ? IncomingMessage::Kind::Request : IncomingMessage::Kind::Notification;
    return message;
  }
  if (has_id && (value.contains("result") || value.contains("error"))) {
    message.kind = IncomingMessage::Kind::Response;
    if (value.contains("result")) message.result = value["result"];
    if (value.contains("error")) message.error = value["error"];
    return message;
  }
  message.problem = "neither a request, a notification nor a response";
  return message;
}

json make_response(const json& id, json result) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json make_error_response(const json& id, ErrorCode code, std::string message, json data) {
  json error{{"code", static_cast<int>(code)}, {"message", std::move(message)}};
  if (!data.is_null()) error["data"] = std::move(data);
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"error", std::move(error)}};
}

json make_notification(std::string method, json params) {
  return json{{"jsonrpc", "2.0"}, {"method", std::move(method)}, {"params", std::move(params)}};
}

json make_request(const json& id, std::string method, json params) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"method", std::move(method)}, {"params", std::move(params)}};
}

std::string to_wire(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace eventlet_lsp::protocol
